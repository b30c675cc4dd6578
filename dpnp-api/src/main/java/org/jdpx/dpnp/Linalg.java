package org.jdpx.dpnp;

import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Products on tensor's matmul kernel, and NumPy's trace. Products of more than 3 axes are not
 * implemented and say so. The norms and decompositions of numpy.linalg are the Linalg*
 * classes behind {@link DpnpLinalg}.
 */
final class Linalg {

    private Linalg() {
    }

    /** matmul with a batch axis for 3-D operands (one matmul kernel per batch element). */
    static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() <= 2 && b.ndim() <= 2) return Tensor.matmul(a, b);
        if (a.ndim() > 3 || b.ndim() > 3 || a.ndim() < 2 || b.ndim() < 2) {
            throw new UnsupportedOperationException("matmul: operands with more than 3 axes, or batched with a 1-D operand, are not "
                    + "implemented in jdpx (got " + Shapes.describe(a.shape()) + " and " + Shapes.describe(b.shape()) + ")");
        }
        UsmNdArray a3 = a.ndim() == 2 ? a.expandDims(0) : a;
        UsmNdArray b3 = b.ndim() == 2 ? b.expandDims(0) : b;
        long batch = Shapes.broadcast(new long[] {a3.shape()[0]}, new long[] {b3.shape()[0]})[0];
        UsmNdArray first = Tensor.matmul(a3.get(String.valueOf(0)), b3.get(String.valueOf(0)));
        UsmNdArray out = UsmNdArray.allocate(Axes.with(first.shape(), 0, batch), first.dtype(), a.queue(), a.usmType(), 'C');
        for (long i = 0; i < batch; i++) {
            UsmNdArray ai = a3.get(String.valueOf(a3.shape()[0] == 1 ? 0 : i));
            UsmNdArray bi = b3.get(String.valueOf(b3.shape()[0] == 1 ? 0 : i));
            out.get(String.valueOf(i)).assign(i == 0 ? first : Tensor.matmul(ai, bi));
        }
        return out;
    }

    /** NumPy's dot for 0-, 1- and 2-D operands. */
    static UsmNdArray dot(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Tensor.multiply(a, b).eval();
        if (a.ndim() > 2 || b.ndim() > 2) {
            throw new UnsupportedOperationException("dot: operands with more than 2 axes are not implemented in jdpx (got "
                    + Shapes.describe(a.shape()) + " and " + Shapes.describe(b.shape()) + "); use matmul or tensordot");
        }
        return Tensor.matmul(a, b);
    }

    static UsmNdArray vdot(UsmNdArray a, UsmNdArray b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("vdot: arrays must have the same size, got " + a.size() + " and " + b.size());
        }
        return Tensor.matmul(a.reshape(-1), b.reshape(-1));
    }

    static UsmNdArray inner(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Tensor.multiply(a, b).eval();
        if (a.ndim() > 2 || b.ndim() > 2) {
            throw new UnsupportedOperationException("inner: operands with more than 2 axes are not implemented in jdpx");
        }
        return Tensor.matmul(a, b.ndim() == 2 ? b.T() : b);
    }

    static UsmNdArray outer(UsmNdArray a, UsmNdArray b) {
        return Tensor.multiply(a.reshape(a.size(), 1), b.reshape(1, b.size())).eval();
    }

    /** tensordot over the last {@code axes} axes of a and the first of b, for operands of up to 2 axes. */
    static UsmNdArray tensordot(UsmNdArray a, UsmNdArray b, int axes) {
        if (a.ndim() > 2 || b.ndim() > 2) {
            throw new UnsupportedOperationException("tensordot: operands with more than 2 axes are not implemented in jdpx");
        }
        if (axes < 0 || axes > Math.min(a.ndim(), b.ndim())) {
            throw new IllegalArgumentException("tensordot: axes " + axes + " exceeds the operands' dimensions");
        }
        long[] sa = a.shape();
        long[] sb = b.shape();
        for (int i = 0; i < axes; i++) {
            if (sa[sa.length - axes + i] != sb[i]) {
                throw new IllegalArgumentException("tensordot: shape-mismatch for sum: " + Shapes.describe(sa) + " and " + Shapes.describe(sb));
            }
        }
        long k = 1;
        for (int i = 0; i < axes; i++) k *= sb[i];
        long m = a.size() / Math.max(1, k);
        long n = b.size() / Math.max(1, k);
        long[] out = new long[sa.length - axes + sb.length - axes];
        System.arraycopy(sa, 0, out, 0, sa.length - axes);
        System.arraycopy(sb, axes, out, sa.length - axes, sb.length - axes);
        if (k == 0) return Tensor.zeros(out, org.jdpx.tensor.ArrayOptions.on(a.queue()).dtype(Tensor.multiply(a, b).dtype()));
        return Tensor.matmul(Dense.of(a).reshape(m, k), Dense.of(b).reshape(k, n)).reshape(out);
    }

    static UsmNdArray trace(UsmNdArray x, long offset) {
        if (x.ndim() < 2) throw new IllegalArgumentException("trace: array must be at least 2-d, got " + Shapes.describe(x.shape()));
        return Tensor.sum(Creation.diagonal(x, offset, 0, 1), new int[] {-1}, false);
    }
}
