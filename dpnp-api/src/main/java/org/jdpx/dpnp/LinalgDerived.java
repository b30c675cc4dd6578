package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The functions NumPy builds from the decompositions and matmul: lstsq, pinv and matrix_rank
 * from the SVD, cond from the SVD or the inverse, matrix_power by repeated squaring, multi_dot
 * in the cheapest association order, and linalg.trace. All run on the input's device; only
 * ranks (lstsq) are read to the host.
 */
final class LinalgDerived {

    private LinalgDerived() {
    }

    /** The reciprocals of the singular values above {@code cutoff} (the others 0). */
    private static UsmNdArray invertAbove(UsmNdArray s, UsmNdArray cutoff) {
        return Tensor.where(Tensor.greater(s, cutoff), Tensor.reciprocal(s), 0).astype(s.dtype()).eval();
    }

    /** {@code Vh^T diag(sInv) U^T b} for a reduced SVD {U, s, Vh} (stacks, b a stack of matrices). */
    private static UsmNdArray applyPseudoInverse(UsmNdArray[] svd, UsmNdArray sInv, UsmNdArray b) {
        UsmNdArray utb = LinalgBatch.matmul(svd[0].swapaxes(-1, -2), b);
        return LinalgBatch.matmul(svd[2].swapaxes(-1, -2), Tensor.multiply(utb, sInv.expandDims(sInv.ndim())).eval());
    }

    /** NumPy's linalg.pinv (rcond relative to the largest singular value; null means 1e-15 as NumPy). */
    static UsmNdArray pinv(UsmNdArray a, Double rcond) {
        LinalgBatch.check2d(a);
        double rc = rcond == null ? 1e-15 : rcond;
        UsmNdArray[] svd = LinalgSvd.svd(a, false);
        UsmNdArray cutoff = Tensor.multiply(Tensor.max(svd[1], new int[] {-1}, true), rc).eval();
        UsmNdArray sInv = invertAbove(svd[1], cutoff);
        UsmNdArray vs = Tensor.multiply(svd[2].swapaxes(-1, -2), sInv.expandDims(sInv.ndim() - 1)).eval();
        return LinalgBatch.matmul(vs, svd[0].swapaxes(-1, -2));
    }

    /** NumPy's linalg.lstsq result: the solution, the residual sums of squares, the rank and the singular values. */
    static LstsqResult lstsq(UsmNdArray a, UsmNdArray b, Double rcond) {
        if (a.ndim() != 2) throw new LinAlgError(a.ndim() + "-dimensional array given. Array must be two-dimensional");
        if (b.ndim() != 1 && b.ndim() != 2) throw new LinAlgError(b.ndim() + "-dimensional array given. Array must be one or two-dimensional");
        long m = a.shape()[0];
        long n = a.shape()[1];
        if (b.shape()[0] != m) throw new LinAlgError("Incompatible dimensions: lstsq: a has " + m + " rows, b " + b.shape()[0]);
        DType t = LinalgBatch.computeType(a, a, b);
        UsmNdArray af = a.astype(t).eval();
        UsmNdArray bf = (b.ndim() == 1 ? b.reshape(m, 1) : b).astype(t).eval();
        double rc = rcond == null ? LinalgBatch.eps(t) * Math.max(m, n) : rcond;
        UsmNdArray[] svd = LinalgSvd.svd(af, false);
        UsmNdArray s = svd[1];
        UsmNdArray cutoff = Tensor.multiply(Tensor.max(s, null, true), rc).eval();
        long rank = s.size() == 0 ? 0 : Tensor.sum(Tensor.greater(s, cutoff).astype(DType.INT64), null, false).itemLong();
        UsmNdArray x = applyPseudoInverse(svd, invertAbove(s, cutoff), bf);
        UsmNdArray residuals;
        if (rank == n && m > n) {
            UsmNdArray r = Tensor.subtract(bf, LinalgBatch.matmul(af, x));
            residuals = Tensor.sum(Tensor.multiply(r, r), new int[] {0}, false).eval();
        } else {
            residuals = Dense.allocate(af, t, 0);
        }
        return new LstsqResult(b.ndim() == 1 ? x.reshape(n) : x, residuals, rank, s);
    }

    /** NumPy's linalg.matrix_rank: singular values above {@code tol} (default S.max * max(m, n) * eps), per matrix. */
    static UsmNdArray matrixRank(UsmNdArray a, Double tol) {
        if (a.ndim() < 2) return Tensor.any(Tensor.notEqual(a, 0), null, false).astype(DType.INT64).eval();
        UsmNdArray s = LinalgSvd.svdvals(a);
        DType t = s.dtype();
        UsmNdArray cut = tol != null ? Tensor.full(new long[0], tol, org.jdpx.tensor.ArrayOptions.on(a.queue()).dtype(t))
                : Tensor.multiply(Tensor.max(s, new int[] {-1}, true),
                        Math.max(LinalgBatch.rows(a), LinalgBatch.cols(a)) * LinalgBatch.eps(t)).eval();
        if (s.shape()[s.ndim() - 1] == 0) return Tensor.zeros(LinalgBatch.batchShape(a), org.jdpx.tensor.ArrayOptions.on(a.queue()).dtype(DType.INT64));
        return Tensor.sum(Tensor.greater(s, cut).astype(DType.INT64), new int[] {-1}, false).eval();
    }

    /** NumPy's linalg.cond for p null, 2, -2 (singular values), "fro", "nuc", 1, -1, inf, -inf (norm of A times norm of inv(A)). */
    static UsmNdArray cond(UsmNdArray x, Object p) {
        LinalgBatch.check2d(x);
        if (p == null || p instanceof Number num && Math.abs(num.doubleValue()) == 2) {
            UsmNdArray s = LinalgSvd.svdvals(x);
            long k = s.shape()[s.ndim() - 1];
            UsmNdArray first = Axes.at(s, -1, 0);
            UsmNdArray last = Axes.at(s, -1, k - 1);
            boolean inverse = p instanceof Number num && num.doubleValue() < 0;
            return Tensor.divide(inverse ? last : first, inverse ? first : last).eval();
        }
        LinalgBatch.checkSquare(x);
        LinalgLu.Lu f = LinalgLu.factor(x, LinalgBatch.computeType(x, x));
        UsmNdArray inv = LinalgLu.invFactored(f).reshape(x.shape());
        int[] ax = {-2, -1};
        UsmNdArray r = Tensor.multiply(LinalgNorm.norm(x, p, ax, false), LinalgNorm.norm(inv, p, ax, false));
        UsmNdArray singular = Tensor.notEqual(f.info(), 0).reshape(LinalgBatch.batchShape(x));
        UsmNdArray nan = Tensor.logicalAnd(Tensor.isnan(r), singular);
        return Tensor.where(Tensor.logicalOr(nan, singular), Double.POSITIVE_INFINITY, r).astype(r.dtype()).eval();
    }

    /** NumPy's linalg.matrix_power: repeated squaring by matmul; negative powers of the inverse; integer matrices stay integer for n >= 0. */
    static UsmNdArray matrixPower(UsmNdArray a, long n) {
        LinalgBatch.checkSquare(a);
        long[] shape = a.shape();
        if (n == 0) {
            long m = LinalgBatch.rows(a);
            UsmNdArray eye = Creation.eye(m, m, 0, org.jdpx.tensor.ArrayOptions.on(a.queue()).dtype(a.dtype()));
            return eye.broadcastTo(shape).copy().eval();
        }
        UsmNdArray base = n < 0 ? LinalgLu.inv(a) : a;
        UsmNdArray x = base.reshape(-1, shape[shape.length - 2], shape[shape.length - 1]);
        UsmNdArray result = null;
        for (long e = Math.abs(n); e > 0; e >>= 1) {
            if ((e & 1) != 0) result = result == null ? x : LinalgBatch.mm(result, x);
            if (e > 1) x = LinalgBatch.mm(x, x);
        }
        return result.reshape(shape);
    }

    /** NumPy's linalg.multi_dot: the chain's product in the association order of fewest multiplications. */
    static UsmNdArray multiDot(UsmNdArray... arrays) {
        if (arrays.length < 2) throw new IllegalArgumentException("multi_dot: expecting at least two arrays, got " + arrays.length);
        int k = arrays.length;
        boolean firstVec = arrays[0].ndim() == 1;
        boolean lastVec = arrays[k - 1].ndim() == 1;
        UsmNdArray[] m = arrays.clone();
        if (firstVec) m[0] = m[0].reshape(1, m[0].shape()[0]);
        if (lastVec) m[k - 1] = m[k - 1].reshape(m[k - 1].shape()[0], 1);
        for (int i = 0; i < k; i++) {
            if (m[i].ndim() != 2) throw new LinAlgError(m[i].ndim() + "-dimensional array given. Array must be two-dimensional");
        }
        long[] dims = new long[k + 1];
        for (int i = 0; i < k; i++) dims[i] = m[i].shape()[0];
        dims[k] = m[k - 1].shape()[1];
        int[][] split = chainOrder(dims);
        UsmNdArray r = product(m, split, 0, k - 1);
        if (firstVec && lastVec) return r.reshape();
        if (firstVec) return r.reshape(r.shape()[1]);
        if (lastVec) return r.reshape(r.shape()[0]);
        return r;
    }

    /** The matrix-chain order (dynamic programming over the chain's dimensions): split[i][j] is where (i..j) splits. */
    private static int[][] chainOrder(long[] dims) {
        int k = dims.length - 1;
        double[][] cost = new double[k][k];
        int[][] split = new int[k][k];
        for (int len = 1; len < k; len++) {
            for (int i = 0; i + len < k; i++) {
                int j = i + len;
                cost[i][j] = Double.POSITIVE_INFINITY;
                for (int s = i; s < j; s++) {
                    double c = cost[i][s] + cost[s + 1][j] + (double) dims[i] * dims[s + 1] * dims[j + 1];
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        split[i][j] = s;
                    }
                }
            }
        }
        return split;
    }

    private static UsmNdArray product(UsmNdArray[] m, int[][] split, int i, int j) {
        if (i == j) return m[i];
        int s = split[i][j];
        return LinalgBatch.matmul(product(m, split, i, s), product(m, split, s + 1, j));
    }

    /** NumPy's linalg.trace: sums of diagonal {@code offset} of the last two axes. */
    static UsmNdArray trace(UsmNdArray x, long offset) {
        LinalgBatch.check2d(x);
        UsmNdArray d = Creation.diagonal(x, offset, -2, -1);
        return Tensor.sum(d, new int[] {-1}, false).eval().reshape(LinalgBatch.batchShape(x));
    }
}
