package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Products on tensor's GEMM (any ranks) and norms on fused reductions. Decompositions (norm's
 * {@code 2}/{@code nuc} matrix orders need an SVD) are not implemented and say so.
 */
final class Linalg {

    private Linalg() {
    }

    /** NumPy's matmul: stacks of any rank broadcast, on tensor's GEMM. */
    static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) {
        return Tensor.matmul(a, b);
    }

    /**
     * NumPy's dot: scalars multiply, 1-D and 2-D operands multiply as matrices, and otherwise a's
     * last axis is summed against b's second-to-last (its only axis when 1-D).
     */
    static UsmNdArray dot(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Tensor.multiply(a, b).eval();
        if (a.ndim() <= 2 && b.ndim() <= 2) return Tensor.matmul(a, b);
        return contractLast(a, b, b.ndim() == 1 ? 0 : b.ndim() - 2, "dot");
    }

    static UsmNdArray vdot(UsmNdArray a, UsmNdArray b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("vdot: arrays must have the same size, got " + a.size() + " and " + b.size());
        }
        return Tensor.matmul(a.reshape(-1), b.reshape(-1));
    }

    /** NumPy's inner: a's last axis summed against b's last axis. */
    static UsmNdArray inner(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Tensor.multiply(a, b).eval();
        return contractLast(a, b, b.ndim() - 1, "inner");
    }

    /** a's last axis summed against b's axis {@code axis}, the other axes of a then of b in order. */
    private static UsmNdArray contractLast(UsmNdArray a, UsmNdArray b, int axis, String what) {
        if (a.shape()[a.ndim() - 1] != b.shape()[axis]) {
            throw new IllegalArgumentException(what + ": shapes " + Shapes.describe(a.shape()) + " and "
                    + Shapes.describe(b.shape()) + " not aligned: " + a.shape()[a.ndim() - 1] + " (dim " + (a.ndim() - 1)
                    + ") != " + b.shape()[axis] + " (dim " + axis + ")");
        }
        int[] order = new int[b.ndim()];
        order[0] = axis;
        for (int i = 0, j = 1; i < b.ndim(); i++) if (i != axis) order[j++] = i;
        return tensordot(a, b.permute(order), 1);
    }

    static UsmNdArray outer(UsmNdArray a, UsmNdArray b) {
        return Tensor.multiply(a.reshape(a.size(), 1), b.reshape(1, b.size())).eval();
    }

    /** tensordot over the last {@code axes} axes of a and the first {@code axes} of b, any ranks, on the GEMM. */
    static UsmNdArray tensordot(UsmNdArray a, UsmNdArray b, int axes) {
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
        long m = 1;
        for (int i = 0; i < sa.length - axes; i++) m *= sa[i];
        long n = 1;
        for (int i = axes; i < sb.length; i++) n *= sb[i];
        long[] out = new long[sa.length - axes + sb.length - axes];
        System.arraycopy(sa, 0, out, 0, sa.length - axes);
        System.arraycopy(sb, axes, out, sa.length - axes, sb.length - axes);
        if (k == 0) return Tensor.zeros(out, org.jdpx.tensor.ArrayOptions.on(a.queue()).dtype(Tensor.multiply(a, b).dtype()));
        return Tensor.matmul(a.reshape(m, k), b.reshape(k, n)).reshape(out);
    }

    static UsmNdArray trace(UsmNdArray x, long offset) {
        if (x.ndim() < 2) throw new IllegalArgumentException("trace: array must be at least 2-d, got " + Shapes.describe(x.shape()));
        return Tensor.sum(Creation.diagonal(x, offset, 0, 1), new int[] {-1}, false);
    }

    /**
     * NumPy's linalg.norm: vector norms of any order over one axis (or the flattened array), and
     * matrix norms {@code fro}, {@code 1}, {@code -1}, {@code inf}, {@code -inf} over two.
     *
     * @throws UnsupportedOperationException for the matrix orders 2, -2 and nuc (they need an SVD)
     */
    static UsmNdArray norm(UsmNdArray x, Object ord, int[] axes, boolean keepdims) {
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
            throw new UnsupportedOperationException("norm: matrix norm order " + ord + " is not implemented in jdpx (orders 2, -2 "
                    + "and 'nuc' need a singular value decomposition); use 'fro', 1, -1, inf or -inf");
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
}
