package org.jdpx.dpnp;

import java.util.Arrays;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * numpy.linalg's Array-API functions that rest on others: matrix_norm and vector_norm (norm over
 * fixed axes), cross and vecdot on the last axis, and tensorinv/tensorsolve (inv and solve of the
 * array reshaped to a matrix). Views and fused tensor operations on the arguments' device.
 */
final class LinalgArrayApi {

    private LinalgArrayApi() {
    }

    /** Matrix norm over the last two axes. */
    static UsmNdArray matrixNorm(UsmNdArray x, Object ord, boolean keepdims) {
        LinalgBatch.check2d(x);
        return LinalgNorm.norm(x, ord == null ? "fro" : ord, new int[] {-2, -1}, keepdims);
    }

    /** Vector norm over {@code axes} (null: the flattened array), any order. */
    static UsmNdArray vectorNorm(UsmNdArray x, Object ord, int[] axes, boolean keepdims) {
        double p = ord == null ? 2 : ((Number) ord).doubleValue();
        if (axes != null && axes.length == 1) return LinalgNorm.norm(x, p, axes, keepdims);
        UsmNdArray flat = x.reshape(-1);
        if (axes == null) {
            UsmNdArray r = LinalgNorm.norm(flat, p, new int[] {0}, false);
            return keepdims ? r.reshape(ones(x.ndim())) : r;
        }
        int[] sorted = Arrays.stream(axes).map(a -> Shapes.axis(a, x.ndim())).sorted().toArray();
        int[] perm = new int[x.ndim()];
        for (int i = 0, k = 0; i < x.ndim(); i++) if (Arrays.binarySearch(sorted, i) < 0) perm[k++] = i;
        System.arraycopy(sorted, 0, perm, x.ndim() - sorted.length, sorted.length);
        UsmNdArray moved = x.permute(perm);
        long[] keep = Arrays.copyOf(moved.shape(), x.ndim() - sorted.length);
        UsmNdArray r = LinalgNorm.norm(moved.reshape(LinalgBatch.shape(keep, -1)), p, new int[] {-1}, false);
        if (!keepdims) return r;
        long[] shape = x.shape();
        for (int a : sorted) shape[a] = 1;
        return r.reshape(shape);
    }

    private static long[] ones(int n) {
        long[] r = new long[n];
        Arrays.fill(r, 1);
        return r;
    }

    /** Cross products of 3-vectors along the last axis. */
    static UsmNdArray cross(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0 || a.shape()[a.ndim() - 1] != 3 || b.shape()[b.ndim() - 1] != 3) {
            throw new IllegalArgumentException("cross: both input arrays must be (arrays of) 3-dimensional vectors, got "
                    + Shapes.describe(a.shape()) + " and " + Shapes.describe(b.shape()));
        }
        UsmNdArray[] c = new UsmNdArray[3];
        for (int i = 0; i < 3; i++) {
            int j = (i + 1) % 3;
            int k = (i + 2) % 3;
            c[i] = Tensor.subtract(Tensor.multiply(Axes.at(a, -1, j), Axes.at(b, -1, k)),
                    Tensor.multiply(Axes.at(a, -1, k), Axes.at(b, -1, j))).eval();
        }
        return Dpnp.stack(c, -1);
    }

    /** Dot products along the last axis (broadcasting the others). */
    static UsmNdArray vecdot(UsmNdArray a, UsmNdArray b) {
        return Tensor.sum(Tensor.multiply(a, b), new int[] {-1}, false).eval();
    }

    /** The inverse of {@code a} read as a matrix of its first {@code ind} axes by the rest, shaped back (rest ++ first). */
    static UsmNdArray tensorinv(UsmNdArray a, int ind) {
        if (ind <= 0) throw new IllegalArgumentException("tensorinv: ind must be > 0, got " + ind);
        long[] s = a.shape();
        long[] first = Arrays.copyOf(s, ind);
        long[] rest = Arrays.copyOfRange(s, ind, s.length);
        UsmNdArray inv = LinalgLu.inv(a.reshape(Shapes.size(first), -1));
        return inv.reshape(LinalgBatch.shape(rest, first));
    }

    /** The x with {@code tensordot(a, x, x.ndim) = b}: solve of a read as a matrix, x shaped as a's trailing axes. */
    static UsmNdArray tensorsolve(UsmNdArray a, UsmNdArray b) {
        long[] xShape = Arrays.copyOfRange(a.shape(), b.ndim(), a.ndim());
        long prod = Shapes.size(xShape);
        if (prod * b.size() != a.size()) {
            throw new LinAlgError("tensorsolve: Input arrays must satisfy the requirement prod(a.shape[b.ndim:]) == "
                    + "prod(a.shape[:b.ndim]), got " + Shapes.describe(a.shape()) + " and b " + Shapes.describe(b.shape()));
        }
        return LinalgLu.solve(a.reshape(b.size(), prod), b.reshape(-1)).reshape(xShape);
    }
}
