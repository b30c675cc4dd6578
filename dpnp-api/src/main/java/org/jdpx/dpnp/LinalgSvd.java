package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Singular values and symmetric eigenvalues by one-sided (Hestenes) Jacobi on the device: each
 * round rotates n/2 disjoint column pairs in parallel ({@code jacobiRound}), a sweep is n-1
 * rounds, and sweeps repeat until one rotates nothing (one flag per matrix read to the host per
 * sweep). The left singular vectors come from a Householder QR of the orthogonalized columns,
 * which also completes them to a square U; eigh runs the same rotations on {@code A + sigma I}
 * (positive semi-definite, so its right singular vectors are A's eigenvectors) and takes the
 * eigenvalues as Rayleigh quotients.
 */
final class LinalgSvd {
    private static final System.Logger LOG = System.getLogger(LinalgSvd.class.getName());
    private static final int MAX_SWEEPS = 40;

    private LinalgSvd() {
    }

    /** The rotated rows G (the orthogonalized columns, {@code (batch, n, m)}) and H (V's columns, {@code (batch, n, n)}). */
    private record Rotated(UsmNdArray g, UsmNdArray h) {
    }

    /** One-sided Jacobi on the columns of a {@code (batch, m, n)} stack x (read, not written). */
    private static Rotated jacobi(UsmNdArray x, DType t) {
        UsmNdArray g = LinalgBatch.work(x.swapaxes(-1, -2), t);
        long batch = g.shape()[0];
        long n = LinalgBatch.rows(g);
        long m = LinalgBatch.cols(g);
        UsmNdArray h = LinalgBatch.eye(g, t, batch, n, n);
        if (batch == 0 || n < 2 || m == 0) return new Rotated(g, h);
        long nEven = n + (n & 1);
        long pairs = batch * (nEven / 2);
        double tol = Math.sqrt(m) * LinalgBatch.eps(t);
        UsmNdArray changed = LinalgBatch.ints(g, batch);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (long round = 0; round < nEven - 1; round++) {
                LinalgBatch.launch("jacobiRound", t, pairs, g, h, changed, (int) n, (int) m, (int) nEven, (int) round, tol,
                        (int) pairs);
            }
            if (LinalgBatch.firstError(changed) == null) return new Rotated(g, h);
            changed.assign(0);
        }
        LOG.log(System.Logger.Level.WARNING, "svd/eigh: one-sided Jacobi still rotated after " + MAX_SWEEPS + " sweeps ("
                + m + " x " + n + ", " + t + "); the result is as accurate as those sweeps made it");
        return new Rotated(g, h);
    }

    /** Column norms of the rotated G in descending order, and that order, for a {@code (batch, n, m)} G. */
    private static UsmNdArray[] sortedNorms(UsmNdArray g) {
        UsmNdArray s = Tensor.sqrt(LinalgBatch.sumLast(Tensor.multiply(g, g), false)).eval();
        UsmNdArray order = Sorting.argsort(Tensor.negative(s).eval(), -1);
        return new UsmNdArray[] {Sorting.takeAlongAxis(s, order, -1), order};
    }

    /** Rows of a {@code (batch, n, c)} array in the order {@code (batch, n)}. */
    private static UsmNdArray rowsIn(UsmNdArray x, UsmNdArray order) {
        return Sorting.takeAlongAxis(x, order.expandDims(2), 1);
    }

    /** NumPy's linalg.svdvals / svd(compute_uv=False): singular values, descending, shape (..., min(m, n)). */
    static UsmNdArray svdvals(UsmNdArray x) {
        LinalgBatch.check2d(x);
        DType t = LinalgBatch.computeType(x, x);
        boolean wide = LinalgBatch.rows(x) < LinalgBatch.cols(x);
        UsmNdArray tall = stack(wide ? x.swapaxes(-1, -2) : x);
        UsmNdArray s = sortedNorms(jacobi(tall, t).g())[0];
        return s.reshape(LinalgBatch.shape(LinalgBatch.batchShape(x), LinalgBatch.cols(tall)));
    }

    /** {@code x} as a 3-D {@code (batch, m, n)} view or copy. */
    private static UsmNdArray stack(UsmNdArray x) {
        return x.reshape(-1, LinalgBatch.rows(x), LinalgBatch.cols(x));
    }

    /** NumPy's linalg.svd with compute_uv: {U, S, Vh}; U is m x m and Vh n x n when {@code fullMatrices}, else m x k and k x n. */
    static UsmNdArray[] svd(UsmNdArray x, boolean fullMatrices) {
        LinalgBatch.check2d(x);
        DType t = LinalgBatch.computeType(x, x);
        long[] bs = LinalgBatch.batchShape(x);
        boolean wide = LinalgBatch.rows(x) < LinalgBatch.cols(x);
        UsmNdArray tall = stack(wide ? x.swapaxes(-1, -2) : x);
        long m = LinalgBatch.rows(tall);
        long n = LinalgBatch.cols(tall);
        Rotated r = jacobi(tall, t);
        UsmNdArray[] so = sortedNorms(r.g());
        UsmNdArray vh = rowsIn(r.h(), so[1]);
        UsmNdArray w = rowsIn(r.g(), so[1]).swapaxes(1, 2);
        UsmNdArray[] qd = LinalgQr.qAndDiagonal(w, fullMatrices);
        UsmNdArray sign = Tensor.where(Tensor.less(qd[1], 0), -1, 1).astype(t);
        UsmNdArray u = qd[0];
        u.get(":,:,0:" + n).muli(sign.expandDims(1));
        long uc = LinalgBatch.cols(u);
        UsmNdArray s = so[0].reshape(LinalgBatch.shape(bs, n));
        if (wide) {
            UsmNdArray uw = vh.swapaxes(1, 2).copy().eval().reshape(LinalgBatch.shape(bs, n, n));
            UsmNdArray vw = u.swapaxes(1, 2).copy().eval().reshape(LinalgBatch.shape(bs, uc, m));
            return new UsmNdArray[] {uw, s, vw};
        }
        return new UsmNdArray[] {u.reshape(LinalgBatch.shape(bs, m, uc)), s, vh.reshape(LinalgBatch.shape(bs, n, n))};
    }

    /**
     * NumPy's linalg.eigh: {eigenvalues ascending (..., n), eigenvectors as columns (..., n, n)} of
     * the symmetric matrix whose lower ({@code "L"}) or upper ({@code "U"}) triangle is given.
     */
    static UsmNdArray[] eigh(UsmNdArray x, String uplo, boolean vectors) {
        LinalgBatch.checkSquare(x);
        if (!uplo.equals("L") && !uplo.equals("U")) {
            throw new IllegalArgumentException("eigh: UPLO argument must be 'L' or 'U', got '" + uplo + "'");
        }
        DType t = LinalgBatch.computeType(x, x);
        long[] bs = LinalgBatch.batchShape(x);
        long n = LinalgBatch.rows(x);
        UsmNdArray a = LinalgBatch.work(x, t);
        UsmNdArray tri = Creation.triangle(a, uplo.equals("L") ? -1 : 1, uplo.equals("L"));
        UsmNdArray diag = Creation.triangle(Creation.triangle(a, 0, true), 0, false);
        UsmNdArray sym = Tensor.add(Tensor.add(tri, tri.swapaxes(1, 2)), diag).eval();
        UsmNdArray sigma = Tensor.sqrt(Tensor.sum(Tensor.multiply(sym, sym), new int[] {1, 2}, true)).eval();
        UsmNdArray eye = LinalgBatch.eye(a, t, 1, n, n);
        UsmNdArray shifted = Tensor.add(sym, Tensor.multiply(eye, sigma)).eval();
        Rotated r = jacobi(shifted, t);
        UsmNdArray v = r.h().swapaxes(1, 2);
        UsmNdArray av = LinalgBatch.mm(sym, v);
        UsmNdArray lambda = Tensor.sum(Tensor.multiply(v, av), new int[] {1}, false).eval();
        UsmNdArray order = Sorting.argsort(lambda, -1);
        UsmNdArray w = Sorting.takeAlongAxis(lambda, order, -1).reshape(LinalgBatch.shape(bs, n));
        if (!vectors) return new UsmNdArray[] {w};
        UsmNdArray vs = rowsIn(r.h(), order).swapaxes(1, 2).copy().eval();
        return new UsmNdArray[] {w, vs.reshape(LinalgBatch.shape(bs, n, n))};
    }
}
