package org.jdpx.tensor;

import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.ReduceOp;

/**
 * Reductions of complex arrays, built from real kernels: a sum is the sums of the real and
 * imaginary views, any/all reduce the truth value, and a product (whose parts do not separate)
 * multiplies halves of the reduced axis pairwise, one fused elementwise kernel per halving, so
 * it runs on every device in about log2(n) launches. Ordering reductions are refused.
 */
final class ComplexReductions {

    private ComplexReductions() {
    }

    /**
     * {@code op} of complex {@code x} over {@code axes} (null: all).
     *
     * @throws UnsupportedOperationException for min, max, argmin and argmax
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
            default -> throw new UnsupportedOperationException(op.numpyName() + " of a complex array is not implemented in"
                    + " jdpx (NumPy orders complex numbers lexicographically, the Array API refuses to); reduce abs(x),"
                    + " real(x) or imag(x) instead");
        };
    }

    /** The running sum of complex {@code x}: the running sums of its parts. */
    static UsmNdArray cumulative(ReduceOp op, UsmNdArray x, Integer axis) {
        if (op != ReduceOp.SUM) {
            throw new UnsupportedOperationException("cum" + op.numpyName() + " of a complex array is not implemented in"
                    + " jdpx; use prod over growing slices, or cumsum of the parts");
        }
        x.eval();
        return Elementwise.apply(ElementOp.COMPLEX, Reductions.cumulative(op, x.real(), axis),
                Reductions.cumulative(op, x.imag(), axis));
    }

    private static UsmNdArray prod(UsmNdArray x, int[] axes, boolean keepdims) {
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
        if (inner == 0) {
            return Tensor.full(out, Complex.of(1), ArrayOptions.on(x.queue()).dtype(x.dtype()).usmType(x.usmType()));
        }
        UsmNdArray m = x.permute(perm).reshape(outer, inner);
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
}
