package org.jdpx.tensor.fusion;

import java.util.List;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * The IR of the OpenCL dot product of two vectors, {@code sum_i a[aOff + i aStep] b[bOff + i bStep]}
 * (see {@link DotProduct}), the multiply fused into the sum, in two kernels:
 * <ul>
 *   <li>{@link #parts}, the CPU plan: one work-item per contiguous part, whose loop a CPU driver
 *       vectorizes. It sums blocks of {@link #BLOCK} products in {@link #LANES} accumulators
 *       (the private-array loop PoCL turns into vector loads, as the GEMV's), adds each block's
 *       lanes into a second set of lanes and halves those at the end: blocked summation, so no
 *       accumulator adds more than a few thousand terms;</li>
 *   <li>{@link #tree}, the GPU plan: groups of work-items stride through the vectors together
 *       (neighbouring items read neighbouring elements) and fold their sums in a local-memory
 *       tree, one partial per group;</li>
 *   <li>{@link #sum}: one work-item adds the partials in order into the 0-d result.</li>
 * </ul>
 * Arguments of the first two: views a, b, part; ints aOff, aStep, bOff, bStep, n, span (elements
 * per part; unused by the tree).
 */
final class DotKernel extends ScalarIr {
    /** Independent accumulators of the part form (what PoCL vectorizes, as {@link GemvKernel#lanes}). */
    static final int LANES = 32;
    /** Products summed in the lanes before they are added to the outer lanes. */
    static final int BLOCK = 2048;

    private DotKernel(IrBuilder b, Scalar s) {
        super(b, s);
    }

    /** A kernel and the helper functions it calls, callees first. */
    record Kernel(Function kernel, List<Function> helpers) {
    }

    /** The element {@code at} of a vector read from {@code base} with {@code step} (step 1 when {@code unit}). */
    private Expr element(Var v, Var base, Var step, Expr at, boolean unit) {
        return b.load(r(v), b.add(r(base), unit ? at : b.mul(at, r(step))));
    }

    private Var[] arguments() {
        Var[] v = new Var[9];
        v[0] = b.view("a", s, 0);
        v[1] = b.view("b", s, 1);
        v[2] = b.view("part", s, 2);
        String[] names = {"aOff", "aStep", "bOff", "bStep", "n", "span"};
        for (int q = 0; q < names.length; q++) v[3 + q] = b.value(names[q], int.class, 3 + q);
        return v;
    }

    /**
     * Part form. Range: one work-item per part, each its own group; {@code unit}: both steps are
     * 1 (the loads are contiguous, which the compiler vectorizes).
     */
    static Kernel parts(Scalar s, boolean unit) {
        Function dot = blockedDot(s, unit);
        DotKernel k = new DotKernel(IrBuilder.kernel("dot_parts"), s);
        IrBuilder b = k.b;
        Var[] v = k.arguments();
        Var part = k.let("part", b.globalId(0));
        Var p0 = k.let("p0", b.mul(k.r(part), k.r(v[8])));
        Var p1 = k.let("p1", k.min(k.r(v[7]), b.add(k.r(p0), k.r(v[8]))));
        b.ifThen(b.compare(CmpOp.LT, k.r(p0), k.r(p1)), () -> b.store(k.r(v[2]), k.r(part), new Expr.Call(dot,
                List.of(k.r(v[0]), k.r(v[1]), k.r(v[3]), k.r(v[4]), k.r(v[5]), k.r(v[6]), k.r(p0), k.r(p1)))));
        return new Kernel(b.build(), List.of(dot));
    }

    /**
     * {@code s dot(a*, b*, aOff, aStep, bOff, bStep, p0, p1)}: the blocked sum of the products of
     * elements {@code p0 <= i < p1}. A function of its own, as PoCL vectorized the GEMV's loop
     * best that way.
     */
    private static Function blockedDot(Scalar s, boolean unit) {
        DotKernel k = new DotKernel(IrBuilder.helper("dot_blocked_" + s.name().toLowerCase() + (unit ? "_unit" : ""), s), s);
        IrBuilder b = k.b;
        Var a = b.param("a", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        Var x = b.param("b", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        String[] names = {"aOff", "aStep", "bOff", "bStep", "p0", "p1"};
        Var[] p = new Var[names.length];
        for (int q = 0; q < p.length; q++) p[q] = b.param(names[q], Scalar.I32, new ParamKind.HelperValue());
        Var aOff = p[0];
        Var aStep = p[1];
        Var bOff = p[2];
        Var bStep = p[3];
        Var p1 = p[5];
        Var acc = b.local("acc", new ArrayType(s, LANES, AddressSpace.PRIVATE));
        Var blk = b.local("blk", new ArrayType(s, LANES, AddressSpace.PRIVATE));
        Var j = b.nonNegativeLocal("j", Scalar.I32);
        k.range(j, k.i(0), k.i(LANES), () -> b.store(k.r(acc), k.r(j), k.zero()));
        Var at = b.nonNegativeLocal("at", Scalar.I32);
        Var end = b.nonNegativeLocal("end", Scalar.I32);
        b.assign(at, k.r(p[4]));
        b.loop(b.compare(CmpOp.LE, b.add(k.r(at), k.i(LANES)), k.r(p1)), () -> { }, outer -> {
            b.assign(end, k.min(k.r(p1), b.add(k.r(at), k.i(BLOCK))));
            k.range(j, k.i(0), k.i(LANES), () -> b.store(k.r(blk), k.r(j), k.zero()));
            b.loop(b.compare(CmpOp.LE, b.add(k.r(at), k.i(LANES)), k.r(end)),
                    () -> b.assign(at, b.add(k.r(at), k.i(LANES))), l -> k.range(j, k.i(0), k.i(LANES), () -> {
                        Expr e = b.add(k.r(at), k.r(j));
                        Expr prod = b.mul(k.element(a, aOff, aStep, e, unit), k.element(x, bOff, bStep, e, unit));
                        b.store(k.r(blk), k.r(j), b.add(b.load(k.r(blk), k.r(j)), prod));
                    }));
            k.range(j, k.i(0), k.i(LANES), () -> b.store(k.r(acc), k.r(j),
                    b.add(b.load(k.r(acc), k.r(j)), b.load(k.r(blk), k.r(j)))));
        });
        Var tail = b.local("tail", s);
        b.assign(tail, k.zero());
        b.loop(b.compare(CmpOp.LT, k.r(at), k.r(p1)), () -> b.assign(at, b.add(k.r(at), k.i(1))), l -> b.assign(tail,
                b.add(k.r(tail), b.mul(k.element(a, aOff, aStep, k.r(at), unit), k.element(x, bOff, bStep, k.r(at), unit)))));
        // halve the lanes: acc[j] += acc[j + w] for w = LANES/2 .. 1
        Var w = b.nonNegativeLocal("w", Scalar.I32);
        b.assign(w, k.i(LANES / 2));
        b.loop(b.compare(CmpOp.GT, k.r(w), k.i(0)), () -> b.assign(w, b.div(k.r(w), k.i(2))), l ->
                k.range(j, k.i(0), k.r(w), () -> b.store(k.r(acc), k.r(j),
                        b.add(b.load(k.r(acc), k.r(j)), b.load(k.r(acc), b.add(k.r(j), k.r(w)))))));
        b.ret(b.add(b.load(k.r(acc), k.i(0)), k.r(tail)));
        return b.build();
    }

    /**
     * Tree form. Range: groups of {@code group} items (a power of two); item {@code g * group +
     * l} reads elements {@code g * group + l + t * groups * group}.
     */
    static Kernel tree(Scalar s, int group) {
        DotKernel k = new DotKernel(IrBuilder.kernel("dot_tree"), s);
        IrBuilder b = k.b;
        Var[] v = k.arguments();
        Var lid = k.let("lid", b.workItem(WorkItemFn.LOCAL_ID, 0));
        Var grp = k.let("grp", b.workItem(WorkItemFn.GROUP_ID, 0));
        Var stride = k.let("stride", b.convert(Scalar.I32, b.workItem(WorkItemFn.GLOBAL_SIZE, 0)));
        Var at = k.let("at", b.add(b.mul(k.r(grp), k.i(group)), k.r(lid)));
        Var acc = b.local("acc", s);
        b.assign(acc, k.zero());
        b.loop(b.compare(CmpOp.LT, k.r(at), k.r(v[7])), () -> b.assign(at, b.add(k.r(at), k.r(stride))), l ->
                b.assign(acc, b.add(k.r(acc), b.mul(k.element(v[0], v[3], v[4], k.r(at), false),
                        k.element(v[1], v[5], v[6], k.r(at), false)))));
        Var vals = b.local("tv", new ArrayType(s, group, AddressSpace.LOCAL));
        b.store(k.r(vals), k.r(lid), k.r(acc));
        for (int half = group / 2; half > 0; half >>= 1) {
            b.barrier(false);
            Expr other = b.add(k.r(lid), k.i(half));
            b.ifThen(b.compare(CmpOp.LT, k.r(lid), k.i(half)), () -> {
                b.assign(acc, b.add(k.r(acc), b.load(k.r(vals), other)));
                b.store(k.r(vals), k.r(lid), k.r(acc));
            });
        }
        b.ifThen(b.compare(CmpOp.EQ, k.r(lid), k.i(0)), () -> b.store(k.r(v[2]), k.r(grp), k.r(acc)));
        return new Kernel(b.build(), List.of());
    }

    /** The partials added in order. Arguments: part, out; parts, outOff. Range: one item. */
    static Kernel sum(Scalar s) {
        DotKernel k = new DotKernel(IrBuilder.kernel("dot_sum"), s);
        IrBuilder b = k.b;
        Var part = b.view("part", s, 0);
        Var out = b.view("out", s, 1);
        Var parts = b.value("parts", int.class, 2);
        Var outOff = b.value("outOff", int.class, 3);
        Var acc = b.local("acc", s);
        b.assign(acc, k.zero());
        Var q = b.nonNegativeLocal("q", Scalar.I32);
        k.range(q, k.i(0), k.r(parts), () -> b.assign(acc, b.add(k.r(acc), b.load(k.r(part), k.r(q)))));
        b.store(k.r(out), k.r(outOff), k.r(acc));
        return new Kernel(b.build(), List.of());
    }
}
