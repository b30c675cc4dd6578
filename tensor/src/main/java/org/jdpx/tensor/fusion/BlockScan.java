package org.jdpx.tensor.fusion;

import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.View;
import org.jdpx.usm.UsmMemory;

/**
 * Scans on the GPU plan. Each line is cut into blocks of {@code group * rounds} elements; one
 * work-group scans a block in local memory ({@link GroupTree#inclusiveScan}, {@code rounds}
 * times over {@code group} neighbouring elements, carrying the running value) and writes the
 * block's total. The totals of each line are then scanned the same way (recursively, so any
 * length works), and a last kernel combines every block after the first with the scanned
 * total of the blocks before it.
 */
final class BlockScan {
    private BlockScan() {
    }

    /** Writes the running {@code op} of {@code root} along {@code space}'s inner axis into {@code out}. */
    static void scan(ReduceOp op, Node root, Space space, Node.Leaf out, Schedule.Scan plan, Queue queue) {
        long lines = space.outerSize();
        long inner = space.innerSize();
        long block = plan.group() * plan.rounds();
        long blocks = Schedule.ceilDiv(inner, block);
        DType acc = out.dtype();
        UsmMemory totals = blocks > 1 ? UsmMemory.allocate(queue, UsmType.DEVICE, lines * blocks * acc.itemSize()) : null;
        blocks(op, root, space, out, plan, totals, queue);
        if (totals == null) return;
        long[] shape = {lines, blocks};
        Node.Leaf sums = new Node.Leaf(totals, View.contiguous(shape), acc);
        UsmMemory scanned = UsmMemory.allocate(queue, UsmType.DEVICE, lines * blocks * acc.itemSize());
        FusedKernels.scan(op, sums, 1, new Node.Leaf(scanned, View.contiguous(shape), acc), queue);
        addBack(op, space, out, plan, blocks, scanned, queue);
    }

    /** The first kernel: one group per block, each block scanned alone; its total into {@code totals} (if not null). */
    private static void blocks(ReduceOp op, Node root, Space space, Node.Leaf out, Schedule.Scan plan,
                               UsmMemory totals, Queue queue) {
        Device device = queue.device();
        DType acc = out.dtype();
        long group = plan.group();
        long blocks = Schedule.ceilDiv(space.innerSize(), group * plan.rounds());
        KernelWriter w = new KernelWriter("block_scan", Schedule.Mode.STRIDED, device);
        w.keyPart("bscan:" + op + ":" + acc + ":" + group + (totals != null ? ":totals" : ""));
        Lowering low = w.lowering();
        IrBuilder b = w.builder();
        Var perLine = w.param("blocks", blocks);
        Var n = w.param("n", space.innerSize());
        Var rounds = w.param("rounds", plan.rounds());
        Var grp = GroupTree.groupId(b);
        Var lid = GroupTree.localId(b);
        w.enter(space, b.div(b.read(grp), b.read(perLine)));
        w.prepare(out);
        w.prepare(root);
        Var vals = GroupTree.localArray(b, "sv", Lowering.compute(acc), group);
        Var carry = low.temp(Lowering.compute(acc));
        Var v = low.temp(Lowering.compute(acc));
        Var r = b.local("r", Scalar.I32);
        Var i = b.local("i", Scalar.I32);
        b.assign(carry, low.identity(op, acc));
        b.assign(r, b.i32(0));
        Var first = b.local("first", Scalar.I32);
        b.assign(first, b.add(b.mul(b.binary(BinOp.REM, b.read(grp), b.read(perLine)), b.mul(b.read(rounds), b.i32((int) group))),
                b.read(lid)));
        b.loop(b.compare(CmpOp.LT, b.read(r), b.read(rounds)), () -> b.assign(r, b.add(b.read(r), b.i32(1))), l -> {
            b.assign(i, b.add(b.read(first), b.mul(b.read(r), b.i32((int) group))));
            b.assign(v, low.identity(op, acc));
            b.ifThen(b.compare(CmpOp.LT, b.read(i), b.read(n)),
                    () -> w.at(i, () -> b.assign(v, low.cast(root.dtype(), acc, w.eval(root)))));
            GroupTree.inclusiveScan(low, op, acc, v, vals, lid, group);
            low.accumulate(op, acc, v, b.read(carry));
            b.ifThen(b.compare(CmpOp.LT, b.read(i), b.read(n)), () -> w.at(i, () -> w.store(out, b.read(v))));
            low.accumulate(op, acc, carry, b.load(b.read(vals), b.i32((int) group - 1)));
            // Nobody overwrites the block's values before every item has read the last one.
            b.barrier(false);
        });
        if (totals != null) {
            b.ifThen(b.compare(CmpOp.EQ, b.read(lid), b.i32(0)), () -> w.storeAt(totals, acc, b.read(grp), b.read(carry)));
        }
        CompiledKernel k = FusedKernels.kernel(w);
        FusedKernels.launch(queue, k, space.outerSize() * blocks * group, group, w);
        FusionDiagnostics.record("kernel " + k.name() + " on " + device.filterString() + " [cum" + op.numpyName()
                + "]: " + space.outerSize() + " lines of " + space.innerSize() + " in blocks of " + group + "x"
                + plan.rounds() + ": " + FusionDiagnostics.describe(root));
    }

    /** The last kernel: every block after a line's first combined with the scanned totals before it. */
    private static void addBack(ReduceOp op, Space space, Node.Leaf out, Schedule.Scan plan, long blocks,
                                UsmMemory scanned, Queue queue) {
        Device device = queue.device();
        DType acc = out.dtype();
        long group = plan.group();
        KernelWriter w = new KernelWriter("block_scan_add", Schedule.Mode.STRIDED, device);
        w.keyPart("bscanadd:" + op + ":" + acc + ":" + group);
        Lowering low = w.lowering();
        IrBuilder b = w.builder();
        Var later = w.param("later", blocks - 1);
        Var n = w.param("n", space.innerSize());
        Var rounds = w.param("rounds", plan.rounds());
        Var grp = GroupTree.groupId(b);
        Var lid = GroupTree.localId(b);
        Var line = b.local("line", Scalar.I32);
        Var blk = b.local("blk", Scalar.I32);
        b.assign(line, b.div(b.read(grp), b.read(later)));
        b.assign(blk, b.add(b.binary(BinOp.REM, b.read(grp), b.read(later)), b.i32(1)));
        w.enter(space, b.read(line));
        w.prepare(out);
        Var before = low.temp(Lowering.compute(acc));
        Var v = low.temp(Lowering.compute(acc));
        b.assign(before, w.loadAt(scanned, acc, b.sub(b.add(b.mul(b.read(line), b.add(b.read(later), b.i32(1))), b.read(blk)), b.i32(1))));
        Var r = b.local("r", Scalar.I32);
        Var i = b.local("i", Scalar.I32);
        b.assign(r, b.i32(0));
        b.loop(b.compare(CmpOp.LT, b.read(r), b.read(rounds)), () -> b.assign(r, b.add(b.read(r), b.i32(1))), l -> {
            b.assign(i, b.add(b.add(b.mul(b.read(blk), b.mul(b.read(rounds), b.i32((int) group))),
                    b.mul(b.read(r), b.i32((int) group))), b.read(lid)));
            b.ifThen(b.compare(CmpOp.LT, b.read(i), b.read(n)), () -> w.at(i, () -> {
                b.assign(v, b.read(before));
                low.accumulate(op, acc, v, w.eval(out));
                w.store(out, b.read(v));
            }));
        });
        CompiledKernel k = FusedKernels.kernel(w);
        FusedKernels.launch(queue, k, space.outerSize() * (blocks - 1) * group, group, w);
        FusionDiagnostics.record("kernel " + k.name() + " on " + device.filterString() + " [cum" + op.numpyName()
                + "]: block totals added to " + space.outerSize() + " lines of " + space.innerSize());
    }
}
