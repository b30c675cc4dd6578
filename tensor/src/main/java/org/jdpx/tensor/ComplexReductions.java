package org.jdpx.tensor;

import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.ReduceOp;

/**
 * Reductions of complex arrays, built from real kernels: a sum is the sums of the real and
 * imaginary views, any/all reduce the truth value, and a product (whose parts do not separate)
 * multiplies halves of the reduced axis pairwise, one fused elementwise kernel per halving, so
 * it runs on every device in about log2(n) launches. min, max, argmin and argmax play a
 * tournament of the same shape in NumPy's lexicographic order, keeping each value's position.
 */
final class ComplexReductions {

    private ComplexReductions() {
    }

    /**
     * {@code op} of complex {@code x} over {@code axes} (null: all).
     *
     * @throws IllegalArgumentException for min, max, argmin or argmax of an empty selection
     */
    static UsmNdArray reduce(ReduceOp op, UsmNdArray x, int[] axes, boolean keepdims) {
        return switch (op) {
            case SUM -> {
                x.eval();
                UsmNdArray re = Reductions.reduce(op, x.real(), axes, keepdims);
                UsmNdArray im = Reductions.reduce(op, x.imag(), axes, keepdims);
                yield Elementwise.apply(ElementOp.COMPLEX, re, im);
            }
            case ANY, ALL -> Reductions.reduce(op, Elementwise.apply(ElementOp.NOT_EQUAL, x, 0), axes, keepdims);
            case PROD -> prod(x, axes, keepdims);
            case MIN, MAX, ARGMIN, ARGMAX -> best(op, x, axes, keepdims);
        };
    }

    /**
     * The running sum (the running sums of the parts) or product of complex {@code x} along
     * {@code axis} (null: flattened). The product, whose parts do not separate, is a
     * Hillis-Steele scan: each launch multiplies every element by the partial product 2^k
     * places before it, about log2(n) fused kernels (rounding may differ from NumPy's
     * left-to-right loop by a few ulps).
     */
    static UsmNdArray cumulative(ReduceOp op, UsmNdArray x, Integer axis) {
        x.eval();
        if (op == ReduceOp.SUM) {
            return Elementwise.apply(ElementOp.COMPLEX, Reductions.cumulative(op, x.real(), axis),
                    Reductions.cumulative(op, x.imag(), axis));
        }
        UsmNdArray src = axis == null ? x.reshape(-1) : x;
        int a = axis == null ? 0 : Shapes.axis(axis, src.ndim());
        Rows r = rows(src, new int[] {a}, true);
        UsmNdArray m = r.m().copy();
        long n = r.inner();
        for (long step = 1; step < n; step *= 2) {
            UsmNdArray next = m.copy();
            next.set(":, " + step + ":", m.get(":, " + step + ":").multiply(m.get(":, :" + (n - step))));
            m = next;
        }
        // rows() moved the axis last; move it back.
        long[] moved = src.shape().clone();
        int[] back = new int[src.ndim()];
        int k = 0;
        for (int d = 0; d < src.ndim(); d++) if (d != a) moved[k++] = src.shape()[d];
        moved[k] = n;
        for (int d = 0, j = 0; d < src.ndim(); d++) back[d] = d == a ? src.ndim() - 1 : j++;
        return m.reshape(moved).permute(back).copy();
    }

    /** {@code x} as a matrix with one row per output element and the reduced axes along each row. */
    private record Rows(UsmNdArray m, long[] out, long inner) {
    }

    private static Rows rows(UsmNdArray x, int[] axes, boolean keepdims) {
        boolean[] red = Reductions.mask(x.ndim(), axes);
        long[] out = Reductions.outShape(x.shape(), red, keepdims);
        int[] perm = new int[x.ndim()];
        int k = 0;
        long outer = 1;
        long inner = 1;
        for (int a = 0; a < x.ndim(); a++) {
            if (!red[a]) {
                perm[k++] = a;
                outer *= x.shape()[a];
            }
        }
        for (int a = 0; a < x.ndim(); a++) {
            if (red[a]) {
                perm[k++] = a;
                inner *= x.shape()[a];
            }
        }
        return new Rows(x.permute(perm).reshape(outer, inner), out, inner);
    }

    private static UsmNdArray prod(UsmNdArray x, int[] axes, boolean keepdims) {
        Rows r = rows(x, axes, keepdims);
        long[] out = r.out();
        long inner = r.inner();
        if (inner == 0) {
            return Tensor.full(out, Complex.of(1), ArrayOptions.on(x.queue()).dtype(x.dtype()).usmType(x.usmType()));
        }
        UsmNdArray m = r.m();
        while (inner > 1) {
            long h = inner / 2;
            UsmNdArray next = m.get(":, :" + h).multiply(m.get(":, " + h + ":" + 2 * h)).eval();
            if (inner % 2 == 1) {
                next.set(":, 0:1", next.get(":, 0:1").multiply(m.get(":, " + 2 * h + ":")));
            }
            m = next;
            inner = h;
        }
        return m.reshape(out).copy();
    }

    /**
     * min/max/argmin/argmax of complex {@code x}: a knockout of the two halves of each row per
     * launch, the challenger winning when it is lexicographically better, or equal (or both
     * hold a NaN part) at an earlier position, or holds the first NaN part: NumPy's answer,
     * whose max and min are the element at argmax and argmin.
     */
    private static UsmNdArray best(ReduceOp op, UsmNdArray x, int[] axes, boolean keepdims) {
        Rows r = rows(x, axes, keepdims);
        long inner = r.inner();
        if (inner == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + op.numpyName()
                    + " which has no identity");
        }
        UsmNdArray m = r.m().copy();
        long outer = m.shape()[0];
        UsmNdArray at = Tensor.arange(0, inner, 1, ArrayOptions.on(x.queue()).dtype(DType.INT64).usmType(x.usmType()))
                .reshape(1, inner).broadcastTo(outer, inner).copy();
        ElementOp better = op == ReduceOp.MAX || op == ReduceOp.ARGMAX ? ElementOp.GREATER : ElementOp.LESS;
        while (inner > 1) {
            long h = inner / 2;
            UsmNdArray[] w = round(better, m.get(":, :" + h), at.get(":, :" + h),
                    m.get(":, " + h + ":" + 2 * h), at.get(":, " + h + ":" + 2 * h));
            if (inner % 2 == 1) {
                UsmNdArray[] last = round(better, w[0].get(":, 0:1"), w[1].get(":, 0:1"), m.get(":, " + 2 * h + ":"),
                        at.get(":, " + 2 * h + ":"));
                w[0].set(":, 0:1", last[0]);
                w[1].set(":, 0:1", last[1]);
            }
            m = w[0];
            at = w[1];
            inner = h;
        }
        return (op.isArg() ? at : m).reshape(r.out()).copy();
    }

    /** One knockout round: the winners of a and b (values, positions), evaluated. */
    private static UsmNdArray[] round(ElementOp better, UsmNdArray a, UsmNdArray ia, UsmNdArray b, UsmNdArray ib) {
        UsmNdArray nanA = Elementwise.apply(ElementOp.ISNAN, a);
        UsmNdArray nanB = Elementwise.apply(ElementOp.ISNAN, b);
        UsmNdArray earlier = Elementwise.apply(ElementOp.LESS, ib, ia);
        UsmNdArray tie = Elementwise.apply(ElementOp.LOGICAL_OR, Elementwise.apply(ElementOp.EQUAL, b, a),
                Elementwise.apply(ElementOp.LOGICAL_AND, nanA, nanB));
        UsmNdArray takeB = Elementwise.apply(ElementOp.LOGICAL_OR,
                Elementwise.apply(ElementOp.LOGICAL_AND, Elementwise.apply(ElementOp.LOGICAL_NOT, nanA),
                        Elementwise.apply(ElementOp.LOGICAL_OR, nanB, Elementwise.apply(better, b, a))),
                Elementwise.apply(ElementOp.LOGICAL_AND, tie, earlier)).eval();
        return new UsmNdArray[] {Elementwise.apply(ElementOp.WHERE, takeB, b, a).eval(),
                Elementwise.apply(ElementOp.WHERE, takeB, ib, ia).eval()};
    }
}
