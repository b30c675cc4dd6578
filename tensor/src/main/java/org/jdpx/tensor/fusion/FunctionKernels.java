package org.jdpx.tensor.fusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.frontend.Frontend;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.usm.UsmMemory;

/**
 * Kernels around user functions that are not elementwise: a binary ufunc folded along an axis
 * ({@code reduce}, {@code accumulate}: one work-item per line, walking it in order, as NumPy
 * does) and a {@code @Stencil} applied to whole arrays (one work-item per output element). The
 * user function's IR is inlined into each; kernels are cached by structure like fused ones.
 */
public final class FunctionKernels {
    private FunctionKernels() {
    }

    /**
     * Folds {@code f} along the middle axis of C-contiguous {@code in} seen as
     * {@code (outer, n, inner)}: {@code out[o, i] = f(...f(in[o,0,i], in[o,1,i])..., in[o,n-1,i])},
     * or with {@code accumulate} every running value {@code out[o, k, i]}. The accumulator has
     * the loop's result dtype; it is converted to the first parameter's dtype before each step.
     */
    public static void fold(ScalarFunction f, Node.Leaf in, long outer, long n, long inner, UsmMemory out,
                            boolean accumulate, Queue queue) {
        long lines = outer * inner;
        if (lines == 0) return;
        FusedKernels.checkSize(lines * n);
        Device device = queue.device();
        KernelWriter w = new KernelWriter("fold", Schedule.Mode.STRIDED, device);
        w.keyPart("fold:" + accumulate + ":" + in.dtype() + ":" + f.key());
        var b = w.builder();
        Lowering low = w.lowering();
        DType t = in.dtype(), r = f.result();
        Var count = w.param("lines", lines), len = w.param("n", n), step = w.param("inner", inner);
        Var off = w.param("off", in.view().offset());
        Var g = b.local("g", Scalar.I32), base = b.local("base", Scalar.I32), k = b.local("k", Scalar.I32);
        Var acc = low.temp(Lowering.compute(r));
        b.assign(g, w.globalId());
        b.ifThen(b.compare(CmpOp.LT, b.read(g), b.read(count)), () -> {
            Expr o = b.div(b.read(g), b.read(step)), i = b.binary(BinOp.REM, b.read(g), b.read(step));
            b.assign(base, b.add(b.mul(b.mul(o, b.read(len)), b.read(step)), i));
            b.assign(acc, low.cast(t, r, w.loadAt(in.memory(), t, b.add(b.read(off), b.read(base)))));
            if (accumulate) w.storeAt(out, r, b.read(base), b.read(acc));
            b.assign(k, b.i32(1));
            b.loop(b.compare(CmpOp.LT, b.read(k), b.read(len)), () -> b.assign(k, b.add(b.read(k), b.i32(1))), l -> {
                Expr at = b.add(b.read(base), b.mul(b.read(k), b.read(step)));
                Expr x = w.loadAt(in.memory(), t, b.add(b.read(off), at));
                List<Expr> args = List.of(low.cast(r, f.params()[0], b.read(acc)), low.cast(t, f.params()[1], x));
                b.assign(acc, w.inline(f.compiled(), args, Map.of(), r));
                if (accumulate) w.storeAt(out, r, at, b.read(acc));
            });
            if (!accumulate) w.storeAt(out, r, b.read(g), b.read(acc));
        });
        CompiledKernel kernel = FusedKernels.kernel(w);
        FusedKernels.launch(queue, kernel, lines, 0, w);
        FusionDiagnostics.record("kernel " + kernel.name() + " on " + device.filterString() + " [" + f.name()
                + (accumulate ? ".accumulate" : ".reduce") + "]: " + lines + " lines of " + n);
    }

    /**
     * Applies stencil function {@code fn} over {@code shape}: {@code operands} holds, in the
     * function's parameter order, a leaf for each stencil array and a scalar for each primitive.
     * Elements whose neighbourhood {@code [lo, hi]} (per axis) fits get the function's value;
     * the others get {@code cval} when {@code writeBorder}, and are left alone otherwise.
     */
    public static void stencil(String name, Frontend.FunctionResult fn, DType result, List<Node> operands, Node.Leaf out,
                               int[] lo, int[] hi, boolean writeBorder, double cval, Queue queue) {
        long[] shape = out.shape();
        long n = out.view().size();
        if (n == 0) return;
        FusedKernels.checkSize(n);
        int rank = shape.length;
        Device device = queue.device();
        KernelWriter w = new KernelWriter("stencil", Schedule.Mode.STRIDED, device);
        // On OpenCL devices rank 2 and 3 run over a range of that rank (the last axis along
        // dimension 0), so each item's coordinates are its ids, not a linear id's quotients and
        // remainders: PoCL then vectorizes along rows (the Jacobi stencil sample 6.3-6.9 -> 1.8-2.8
        // ms). The java device keeps the linear form: it would take the ranged form in lanes,
        // faster once warm (8.7 -> 4.9-5.6 ms after 200 calls) but slower for the first hundred
        // calls, which is what a program of a few calls (and the quick bench) sees (8.9-9.3 -> 13-18)
        boolean nd = (rank == 2 || rank == 3) && DevicePlan.of(device).kind() != DevicePlan.Kind.JAVA;
        StringBuilder key = new StringBuilder("stencil:" + name + "@" + fn.contentHash().substring(0, 16) + ":" + result
                + ":" + writeBorder + ":" + rank + (nd ? ":nd" : ""));
        for (Node o : operands) key.append(':').append(o.dtype()).append(o instanceof Node.Leaf ? "a" : "s");
        w.keyPart(key.toString());
        var b = w.builder();
        Lowering low = w.lowering();
        Var count = w.param("n", n);
        Var[] ext = new Var[rank], los = new Var[rank], his = new Var[rank];
        for (int d = 0; d < rank; d++) {
            ext[d] = w.param("e", shape[d]);
            los[d] = w.param("lo", lo[d]);
            his[d] = w.param("hi", hi[d]);
        }
        Var border = writeBorder ? w.scalar(result, cval) : null;
        List<Expr> args = new ArrayList<>();
        Map<Integer, Var[]> strides = new HashMap<>();
        Map<Integer, Var> offsets = new HashMap<>();
        for (int p = 0; p < operands.size(); p++) {
            Node o = operands.get(p);
            if (o instanceof Node.Leaf l) {
                args.add(b.read(w.view(l.memory(), l.dtype())));
                offsets.put(p, longParam(w, l.view().offset()));
                Var[] st = new Var[rank];
                for (int d = 0; d < rank; d++) st[d] = longParam(w, l.view().strides()[d]);
                strides.put(p, st);
            } else {
                w.prepare(o);
                args.add(w.eval(o));
            }
        }
        Var outOff = longParam(w, out.view().offset());
        Var[] outSt = new Var[rank];
        for (int d = 0; d < rank; d++) outSt[d] = longParam(w, out.view().strides()[d]);
        Var[] c = new Var[rank];
        Runnable point = () -> {
            Expr inside = null;
            for (int d = 0; d < rank; d++) {
                Expr fits = new Expr.Logic(true, b.compare(CmpOp.GE, b.add(b.read(c[d]), b.read(los[d])), b.i32(0)),
                        b.compare(CmpOp.LT, b.add(b.read(c[d]), b.read(his[d])), b.read(ext[d])));
                inside = inside == null ? fits : new Expr.Logic(true, inside, fits);
            }
            Expr outIndex = linear(b, outOff, outSt, c);
            b.ifThenElse(inside, () -> {
                Map<Var, Expr> hidden = new HashMap<>();
                for (Frontend.Hidden h : fn.hidden()) {
                    hidden.put(h.var(), h.info() == ParamKind.Info.OFFSET
                            ? linear(b, offsets.get(h.javaParam()), strides.get(h.javaParam()), c)
                            : b.read(strides.get(h.javaParam())[h.dim()]));
                }
                Expr v = w.inline(fn, args, hidden, result);
                w.storeAt(out.memory(), result, outIndex, v);
            }, () -> {
                if (border != null) w.storeAt(out.memory(), result, outIndex, b.read(border));
            });
        };
        if (nd) {
            for (int d = 0; d < rank; d++) {
                c[d] = b.local("c" + d, Scalar.I32);
                b.assign(c[d], b.globalId(rank - 1 - d));
            }
            point.run();
        } else {
            Var g = b.local("g", Scalar.I32);
            b.assign(g, w.globalId());
            b.ifThen(b.compare(CmpOp.LT, b.read(g), b.read(count)), () -> {
                Expr rem = b.read(g);
                for (int d = rank - 1; d >= 0; d--) {
                    c[d] = b.local("c" + d, Scalar.I32);
                    b.assign(c[d], d == 0 ? rem : b.binary(BinOp.REM, rem, b.read(ext[d])));
                    rem = b.div(rem, b.read(ext[d]));
                }
                point.run();
            });
        }
        CompiledKernel kernel = FusedKernels.kernel(w);
        Range range = !nd ? Range.of(n) : rank == 2 ? Range.of(shape[1], shape[0]) : Range.of(shape[2], shape[1], shape[0]);
        FusedKernels.launch(queue, kernel, range, w.arguments().toArray());
        FusionDiagnostics.record("kernel " + kernel.name() + " on " + device.filterString() + " [stencil " + name + "]: "
                + n + " elements");
    }

    private static Var longParam(KernelWriter w, long v) {
        return w.builder().value("l" + w.arguments().size(), long.class, addArg(w, v));
    }

    private static int addArg(KernelWriter w, long v) {
        w.arguments().add(v);
        return w.arguments().size() - 1;
    }

    private static Expr linear(org.jdpx.kernels.ir.IrBuilder b, Var off, Var[] strides, Var[] c) {
        Expr e = b.read(off);
        for (int d = 0; d < c.length; d++) {
            e = b.add(e, b.mul(b.convert(Scalar.I64, b.read(c[d])), b.read(strides[d])));
        }
        return e;
    }
}
