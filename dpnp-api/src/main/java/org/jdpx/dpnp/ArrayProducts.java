package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's main-namespace products beyond matmul, on the operands' device: cross of 2- and
 * 3-vectors along any axis, kron as one broadcast multiply, vander by a cumulative product (the
 * same multiplications NumPy does), the NumPy 2 matvec/vecmat/vecdot gufuncs on tensor's GEMM or
 * a fused reduction, and matrix_transpose as a view.
 */
final class ArrayProducts {

    private ArrayProducts() {
    }

    /** NumPy's cross with {@code axis} naming the vector axis of a, b and the result. */
    static UsmNdArray cross(UsmNdArray a, UsmNdArray b, int axis) {
        if (a.ndim() == 0 || b.ndim() == 0) throw new IllegalArgumentException("cross: the operands must be at least 1-D");
        UsmNdArray am = Axes.move(a, Shapes.axis(axis, a.ndim()), -1);
        UsmNdArray bm = Axes.move(b, Shapes.axis(axis, b.ndim()), -1);
        long na = am.shape()[am.ndim() - 1];
        long nb = bm.shape()[bm.ndim() - 1];
        if (na != 2 && na != 3 || nb != 2 && nb != 3) {
            throw new IllegalArgumentException("cross: incompatible dimensions for cross product (dimension must be 2 or 3), got "
                    + na + " and " + nb);
        }
        if (na == 2 && nb == 2) {
            return Tensor.subtract(Tensor.multiply(Axes.at(am, -1, 0), Axes.at(bm, -1, 1)),
                    Tensor.multiply(Axes.at(am, -1, 1), Axes.at(bm, -1, 0))).eval();
        }
        UsmNdArray r = LinalgArrayApi.cross(three(am), three(bm));
        return r.ndim() == 1 ? r : Axes.move(r, -1, Shapes.axis(axis, r.ndim())).copy().eval();
    }

    /** A 2-vector axis widened to 3 with a zero z component. */
    private static UsmNdArray three(UsmNdArray x) {
        if (x.shape()[x.ndim() - 1] == 3) return x;
        UsmNdArray z = Tensor.zerosLike(Axes.slice(x, x.ndim() - 1, 0, 1, 1));
        return Manipulation.concatenate(new UsmNdArray[] {x, z}, -1);
    }

    /** NumPy's kron: block (i, j) of the result is {@code a[i] * b}, ranks aligned by leading ones. */
    static UsmNdArray kron(UsmNdArray a, UsmNdArray b) {
        int nd = Math.max(a.ndim(), b.ndim());
        long[] sa = padded(a.shape(), nd);
        long[] sb = padded(b.shape(), nd);
        long[] ia = new long[2 * nd];
        long[] ib = new long[2 * nd];
        long[] out = new long[nd];
        for (int i = 0; i < nd; i++) {
            ia[2 * i] = sa[i];
            ia[2 * i + 1] = 1;
            ib[2 * i] = 1;
            ib[2 * i + 1] = sb[i];
            out[i] = sa[i] * sb[i];
        }
        return Tensor.multiply(a.reshape(ia), b.reshape(ib)).eval().reshape(out);
    }

    private static long[] padded(long[] s, int nd) {
        long[] r = new long[nd];
        java.util.Arrays.fill(r, 1);
        System.arraycopy(s, 0, r, nd - s.length, s.length);
        return r;
    }

    /** NumPy's vander: columns {@code x**(N-1) ... x**0} (increasing: the other way), by a running product. */
    static UsmNdArray vander(UsmNdArray x, Long n, boolean increasing) {
        if (x.ndim() != 1) throw new IllegalArgumentException("vander: x must be a one-dimensional array, got " + Shapes.describe(x.shape()));
        long cols = n == null ? x.size() : n;
        if (cols < 0) throw new IllegalArgumentException("vander: N must be non-negative, got " + cols);
        DType t = DTypes.forDevice(Promotion.result(x.dtype(), DType.INT64), x.device(), false);
        long rows = x.size();
        UsmNdArray v = Tensor.ones(new long[] {rows, cols}, ArrayOptions.on(x.queue()).dtype(t));
        if (cols > 1) {
            v.set(":,1:", x.astype(t).reshape(rows, 1).broadcastTo(rows, cols - 1));
            v = Tensor.cumprod(v, 1).astype(t).eval();
        }
        return increasing ? v : Manipulation.flip(v, 1).copy().eval();
    }

    /** NumPy 2's matvec: {@code (..., m, n) x (..., n) -> (..., m)}, stacks broadcast, on the GEMM. */
    static UsmNdArray matvec(UsmNdArray a, UsmNdArray v) {
        if (a.ndim() < 2 || v.ndim() < 1) {
            throw new IllegalArgumentException("matvec: the matrix must be at least 2-D and the vector at least 1-D, got "
                    + Shapes.describe(a.shape()) + " and " + Shapes.describe(v.shape()));
        }
        UsmNdArray r = Tensor.matmul(a, v.expandDims(v.ndim()));
        return Axes.at(r, -1, 0);
    }

    /** NumPy 2's vecmat: {@code (..., n) x (..., n, m) -> (..., m)}, stacks broadcast, on the GEMM. */
    static UsmNdArray vecmat(UsmNdArray v, UsmNdArray a) {
        if (a.ndim() < 2 || v.ndim() < 1) {
            throw new IllegalArgumentException("vecmat: the vector must be at least 1-D and the matrix at least 2-D, got "
                    + Shapes.describe(v.shape()) + " and " + Shapes.describe(a.shape()));
        }
        UsmNdArray r = Tensor.matmul(v.expandDims(v.ndim() - 1), a);
        return Axes.at(r, -2, 0);
    }

    /** NumPy 2's vecdot along {@code axis}: a fused multiply and sum, operands broadcast. */
    static UsmNdArray vecdot(UsmNdArray a, UsmNdArray b, int axis) {
        if (a.ndim() == 0 || b.ndim() == 0) throw new IllegalArgumentException("vecdot: the operands must be at least 1-D");
        UsmNdArray am = Axes.move(a, Shapes.axis(axis, a.ndim()), -1);
        UsmNdArray bm = Axes.move(b, Shapes.axis(axis, b.ndim()), -1);
        if (am.shape()[am.ndim() - 1] != bm.shape()[bm.ndim() - 1]) {
            throw new IllegalArgumentException("vecdot: the vector axes differ in length: " + Shapes.describe(a.shape()) + " and "
                    + Shapes.describe(b.shape()));
        }
        return LinalgArrayApi.vecdot(am, bm);
    }

    /** The last two axes swapped (a view). */
    static UsmNdArray matrixTranspose(UsmNdArray x) {
        if (x.ndim() < 2) {
            throw new IllegalArgumentException("matrix_transpose: input array must be at least 2-dimensional, got "
                    + Shapes.describe(x.shape()));
        }
        return x.swapaxes(-1, -2);
    }
}
