package org.jdpx.dpnp;

import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Products on tensor's GEMM (any ranks), and NumPy's trace. The norms and decompositions of
 * numpy.linalg are the Linalg* classes behind {@link DpnpLinalg}.
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

    /**
     * NumPy's vdot: both arrays flattened, the first conjugated when complex, then their dot
     * (tensor's bandwidth-bound dot of two vectors).
     */
    static UsmNdArray vdot(UsmNdArray a, UsmNdArray b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("vdot: arrays must have the same size, got " + a.size() + " and " + b.size());
        }
        UsmNdArray first = a.dtype().isComplex() ? Tensor.conj(a) : a;
        return Tensor.matmul(first.reshape(-1), b.reshape(-1));
    }

    /** NumPy's inner: a's last axis summed against b's last axis (two vectors: their dot). */
    static UsmNdArray inner(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Tensor.multiply(a, b).eval();
        if (a.ndim() == 1 && b.ndim() == 1 && a.shape()[0] == b.shape()[0]) return Tensor.matmul(a, b);
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
}
