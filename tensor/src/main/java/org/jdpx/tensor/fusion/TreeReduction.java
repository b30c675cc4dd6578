package org.jdpx.tensor.fusion;

import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.View;
import org.jdpx.usm.UsmMemory;

/**
 * Reductions on the GPU plan. Each output's elements are shared by {@code parts} work-groups;
 * the work-items of all of them stride through the output's elements together (neighbouring
 * items read neighbouring elements, each element read once), each group folds its items'
 * values in a local-memory tree ({@link GroupTree}) and writes one partial. When several groups
 * share an output a second, small kernel folds the partials the same way with one group per
 * output, so the result is final: later kernels need no prologue.
 */
final class TreeReduction {
    private TreeReduction() {
    }

    /**
     * Reduces {@code root} over {@code space}'s inner axes on {@code queue} as {@code plan}
     * lays it out ({@link Schedule.Shape#TREE}); also stores every element into {@code sideOut}
     * when it is not null.
     */
    static FusedKernels.Reduced reduce(ReduceOp op, Node root, Space space, DType acc, Schedule.Reduction plan,
                                       Queue queue, Node.Leaf sideOut) {
        long outputs = space.outerSize();
        long parts = plan.parts();
        Pass first = pass(op, acc, root, space, parts, plan.group(), queue, sideOut, null);
        if (parts == 1) return new FusedKernels.Reduced(first.values, first.positions, 1, acc);
        long[] shape = {outputs, parts};
        Node.Leaf values = new Node.Leaf(first.values, View.contiguous(shape), acc);
        Node.Leaf positions = first.positions == null ? null
                : new Node.Leaf(first.positions, View.contiguous(shape), DType.INT64);
        Space partials = Space.reduction(shape, new boolean[] {false, true});
        Pass last = pass(op, acc, values, partials, 1, plan.group(), queue, null, positions);
        return new FusedKernels.Reduced(last.values, last.positions, 1, acc);
    }

    private record Pass(UsmMemory values, UsmMemory positions) {
    }

    /**
     * One tree kernel: {@code parts} groups of {@code group} items per output, one value (and
     * position) per group. {@code positionsIn}, when not null, gives each element's position
     * (folding partials of an arg reduction); otherwise it is the element's inner index.
     */
    private static Pass pass(ReduceOp op, DType acc, Node root, Space space, long parts, long group, Queue queue,
                             Node.Leaf sideOut, Node.Leaf positionsIn) {
        Device device = queue.device();
        long inner = space.innerSize();
        long groups = space.outerSize() * parts;
        UsmMemory values = UsmMemory.allocate(queue, UsmType.DEVICE, groups * acc.itemSize());
        UsmMemory positions = op.isArg() ? UsmMemory.allocate(queue, UsmType.DEVICE, groups * 8) : null;
        KernelWriter w = new KernelWriter("tree_reduce", Schedule.Mode.STRIDED, device);
        w.keyPart("tree:" + op + ":" + acc + ":" + group + (positionsIn != null ? ":pos" : ""));
        Lowering low = w.lowering();
        IrBuilder b = w.builder();
        Var per = w.param("parts", parts);
        Var stride = w.param("stride", parts * group);
        Var grp = GroupTree.groupId(b);
        Var lid = GroupTree.localId(b);
        w.enter(space, b.div(b.read(grp), b.read(per)));
        if (sideOut != null) {
            w.keyPart("side");
            w.prepare(sideOut);
        }
        w.prepare(root);
        if (positionsIn != null) w.prepare(positionsIn);
        Var start = b.local("start", Scalar.I32);
        b.assign(start, b.add(b.mul(b.binary(BinOp.REM, b.read(grp), b.read(per)), b.i32((int) group)), b.read(lid)));
        Var a = low.temp(Lowering.compute(acc));
        b.assign(a, low.identity(op, acc));
        Var pos = op.isArg() ? low.temp(Scalar.I64) : null;
        if (pos != null) b.assign(pos, b.i64(Long.MAX_VALUE));
        w.loop(b.read(start), b.read(stride), inner, inner, () -> {
            Expr rv = w.eval(root);
            if (sideOut != null) w.store(sideOut, rv);
            Expr v = low.cast(root.dtype(), acc, rv);
            if (pos == null) {
                low.accumulate(op, acc, a, v);
            } else {
                Expr at = positionsIn != null ? w.eval(positionsIn) : b.convert(Scalar.I64, w.linearIndex());
                GroupTree.takeIfBetter(low, op, acc, a, pos, v, at);
            }
        });
        GroupTree.reduce(low, op, acc, a, pos, lid, group);
        b.ifThen(b.compare(CmpOp.EQ, b.read(lid), b.i32(0)), () -> {
            w.storeAt(values, acc, b.read(grp), b.read(a));
            if (pos != null) w.storeAt(positions, DType.INT64, b.read(grp), b.read(pos));
        });
        CompiledKernel k = FusedKernels.kernel(w);
        FusedKernels.launch(queue, k, groups * group, group, w);
        FusionDiagnostics.record("kernel " + k.name() + " on " + device.filterString() + " [" + op.numpyName()
                + "]: tree reduction fused with " + FusionDiagnostics.operations(root) + " operations, "
                + space.outerSize() + " outputs x " + inner + " elements, " + parts + " groups of " + group
                + " per output: " + FusionDiagnostics.describe(root));
        return new Pass(values, positions);
    }
}
