package org.jdpx.tensor.fusion;

import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.tensor.DType;
import org.jdpx.usm.UsmMemory;

/**
 * The two copies NumPy's advanced indexing makes, as kernels in the IR: {@link #take} gathers
 * along one axis by an int64 index array, {@link #compress} packs the elements a boolean mask
 * selects using the mask's running count as each element's destination. Operands are
 * C-contiguous; one work-item per output (take) or input (compress) element.
 */
public final class Gather {

    private Gather() {
    }

    /**
     * {@code out[p, j, q] = x[p, idx[j] (wrapped once if negative), q]} for x viewed as
     * {@code (pre, n, post)} and {@code m} indices; indices must already be checked in range.
     */
    public static void take(Queue queue, DType t, UsmMemory x, long xOff, UsmMemory idx, long idxOff, UsmMemory out,
                            long pre, long n, long post, long m) {
        long total = pre * m * post;
        if (total == 0) return;
        CompiledKernel k = FusedKernels.cached("take|" + t, () -> buildTake(t).build());
        Scalar s = Lowering.storage(t);
        Kernels.launchOn(queue, k, Range.of(total), List.of(), KernelWriter.viewArgument(x, s),
                KernelWriter.viewArgument(idx, Scalar.I64), KernelWriter.viewArgument(out, s),
                (int) xOff, (int) idxOff, (int) n, (int) post, (int) m);
        FusionDiagnostics.record("kernel take on " + queue.device().filterString() + ": " + total + " elements");
    }

    /**
     * Writes {@code x[i]} to {@code out[rank[i] - 1]} where {@code mask[i]} is set;
     * {@code rank} is the inclusive running count of the mask (int64).
     */
    public static void compress(Queue queue, DType t, UsmMemory x, long xOff, UsmMemory mask, long maskOff,
                                UsmMemory rank, UsmMemory out, long n) {
        if (n == 0) return;
        CompiledKernel k = FusedKernels.cached("compress|" + t, () -> buildCompress(t).build());
        Scalar s = Lowering.storage(t);
        Kernels.launchOn(queue, k, Range.of(n), List.of(), KernelWriter.viewArgument(x, s),
                KernelWriter.viewArgument(mask, Scalar.I8), KernelWriter.viewArgument(rank, Scalar.I64),
                KernelWriter.viewArgument(out, s), (int) xOff, (int) maskOff);
        FusionDiagnostics.record("kernel compress on " + queue.device().filterString() + ": " + n + " elements");
    }

    private static IrBuilder buildTake(DType t) {
        IrBuilder b = IrBuilder.kernel("take");
        Scalar s = Lowering.storage(t);
        Var x = b.view("x", s, 0);
        Var idx = b.view("idx", Scalar.I64, 1);
        Var out = b.view("out", s, 2);
        Var xOff = b.value("xOff", int.class, 3);
        Var idxOff = b.value("idxOff", int.class, 4);
        Var n = b.value("n", int.class, 5);
        Var post = b.value("post", int.class, 6);
        Var m = b.value("m", int.class, 7);
        Var o = b.local("o", Scalar.I32);
        Var q = b.local("q", Scalar.I32);
        Var j = b.local("j", Scalar.I32);
        Var p = b.local("p", Scalar.I32);
        Var src = b.local("src", Scalar.I32);
        b.assign(o, b.globalId(0));
        b.assign(q, b.binary(org.jdpx.kernels.ir.BinOp.REM, b.read(o), b.read(post)));
        Expr rest = b.div(b.read(o), b.read(post));
        b.assign(j, b.binary(org.jdpx.kernels.ir.BinOp.REM, rest, b.read(m)));
        b.assign(p, b.div(rest, b.read(m)));
        b.assign(src, b.convert(Scalar.I32, b.load(b.read(idx), b.add(b.read(idxOff), b.read(j)))));
        b.ifThen(b.compare(CmpOp.LT, b.read(src), b.i32(0)), () -> b.assign(src, b.add(b.read(src), b.read(n))));
        Expr from = b.add(b.read(xOff), b.add(b.mul(b.add(b.mul(b.read(p), b.read(n)), b.read(src)), b.read(post)), b.read(q)));
        b.store(b.read(out), b.read(o), b.load(b.read(x), from));
        return b;
    }

    private static IrBuilder buildCompress(DType t) {
        IrBuilder b = IrBuilder.kernel("compress");
        Scalar s = Lowering.storage(t);
        Var x = b.view("x", s, 0);
        Var mask = b.view("mask", Scalar.I8, 1);
        Var rank = b.view("rank", Scalar.I64, 2);
        Var out = b.view("out", s, 3);
        Var xOff = b.value("xOff", int.class, 4);
        Var maskOff = b.value("maskOff", int.class, 5);
        Var i = b.local("i", Scalar.I32);
        b.assign(i, b.globalId(0));
        Expr set = b.compare(CmpOp.NE, b.convert(Scalar.I32, b.load(b.read(mask), b.add(b.read(maskOff), b.read(i)))), b.i32(0));
        b.ifThen(set, () -> b.store(b.read(out), b.sub(b.convert(Scalar.I32, b.load(b.read(rank), b.read(i))), b.i32(1)),
                b.load(b.read(x), b.add(b.read(xOff), b.read(i)))));
        return b;
    }
}
