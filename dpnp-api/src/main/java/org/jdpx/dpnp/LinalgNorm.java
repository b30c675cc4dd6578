package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** NumPy's linalg.norm on fused reductions, and on the device's SVD for the matrix orders 2, -2 and nuc. */
final class LinalgNorm {

    private LinalgNorm() {
    }

    /**
     * NumPy's linalg.norm: vector norms of any order over one axis (or the flattened array), and
     * matrix norms {@code fro}, {@code nuc}, {@code 1}, {@code -1}, {@code 2}, {@code -2},
     * {@code inf}, {@code -inf} over two (2, -2 and nuc from the singular values).
     *
     * @throws IllegalArgumentException for an order that is no norm of vectors or matrices
     */
    static UsmNdArray norm(UsmNdArray x, Object ord, int[] axes, boolean keepdims) {
        if (x.dtype().isComplex()) {
            boolean matrix = axes != null ? axes.length == 2 : x.ndim() == 2 && ord != null;
            if (matrix && ("nuc".equals(ord) || ord instanceof Number n && Math.abs(n.doubleValue()) == 2)) {
                throw new UnsupportedOperationException("norm: the spectral and nuclear norms of complex matrices need a complex"
                        + " SVD, which jdpx does not have; use 'fro', 1 or inf");
            }
            // Every other norm of z depends only on |z|.
            return norm(Tensor.abs(x), ord, axes, keepdims);
        }
        DType t = x.dtype().isFloat() ? x.dtype() : DTypes.defaultFloat(x.device());
        UsmNdArray xf = x.dtype() == t ? x : x.astype(t);
        UsmNdArray ax = Tensor.abs(xf);
        boolean matrix = axes != null ? axes.length == 2 : x.ndim() == 2 && ord != null;
        if (ord == null || "fro".equals(ord)) {
            if ("fro".equals(ord) && !matrix) throw new IllegalArgumentException("norm: invalid norm order 'fro' for vectors");
            return Tensor.sqrt(Tensor.sum(Tensor.multiply(xf, xf), axes, keepdims)).eval();
        }
        if (matrix) {
            int[] m = axes != null ? axes : new int[] {0, 1};
            double o = ord instanceof Number n ? n.doubleValue() : Double.NaN;
            int rowAxis = Shapes.axis(m[0], x.ndim());
            int colAxis = Shapes.axis(m[1], x.ndim());
            if (Math.abs(o) == 1 || Math.abs(o) == Double.POSITIVE_INFINITY) {
                int sumAxis = Math.abs(o) == 1 ? rowAxis : colAxis;
                int other = sumAxis == rowAxis ? colAxis : rowAxis;
                UsmNdArray s = Tensor.sum(ax, new int[] {sumAxis}, true);
                UsmNdArray r = o > 0 ? Tensor.max(s, new int[] {other}, true) : Tensor.min(s, new int[] {other}, true);
                return keepdims ? r : r.reshape(Axes.without(Axes.without(r.shape(), Math.max(rowAxis, colAxis)), Math.min(rowAxis, colAxis)));
            }
            if ("nuc".equals(ord) || Math.abs(o) == 2) return singular(xf, ord, rowAxis, colAxis, keepdims);
            throw new IllegalArgumentException("norm: invalid norm order '" + ord + "' for matrices; use 'fro', 'nuc', 1, -1, 2, -2, "
                    + "inf or -inf");
        }
        double p = ord instanceof Number n ? n.doubleValue() : Double.NaN;
        if (Double.isNaN(p)) throw new IllegalArgumentException("norm: invalid norm order '" + ord + "' for vectors");
        if (p == Double.POSITIVE_INFINITY) return Tensor.max(ax, axes, keepdims);
        if (p == Double.NEGATIVE_INFINITY) return Tensor.min(ax, axes, keepdims);
        if (p == 0) return Tensor.sum(Tensor.notEqual(xf, 0), axes, keepdims).astype(t).eval();
        if (p == 1) return Tensor.sum(ax, axes, keepdims);
        if (p == 2) return Tensor.sqrt(Tensor.sum(Tensor.multiply(xf, xf), axes, keepdims)).eval();
        return Tensor.pow(Tensor.sum(Tensor.pow(ax, p), axes, keepdims), 1.0 / p).eval();
    }

    /** Matrix norms 2 (largest singular value), -2 (smallest) and nuc (their sum) over axes (r, c). */
    private static UsmNdArray singular(UsmNdArray x, Object ord, int r, int c, boolean keepdims) {
        int nd = x.ndim();
        int[] perm = new int[nd];
        for (int i = 0, k = 0; i < nd; i++) if (i != r && i != c) perm[k++] = i;
        perm[nd - 2] = r;
        perm[nd - 1] = c;
        UsmNdArray s = LinalgSvd.svdvals(x.permute(perm));
        int[] last = {-1};
        UsmNdArray v = "nuc".equals(ord) ? Tensor.sum(s, last, false)
                : ((Number) ord).doubleValue() > 0 ? Tensor.max(s, last, false) : Tensor.min(s, last, false);
        if (!keepdims) return v.eval();
        long[] shape = x.shape();
        shape[r] = 1;
        shape[c] = 1;
        return v.eval().reshape(shape);
    }
}
