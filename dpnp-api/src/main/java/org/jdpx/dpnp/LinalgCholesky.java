package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Blocked right-looking Cholesky ({@code A = L L^T}, lower triangle read): the diagonal block by
 * {@code cholDiag}, the rows below it by {@code trsm} against that block's transpose, and the
 * trailing matrix by one matrix product (matmul) per block.
 */
final class LinalgCholesky {

    private LinalgCholesky() {
    }

    /** NumPy's linalg.cholesky (lower, or the upper factor {@code L^T} when {@code upper}). */
    static UsmNdArray cholesky(UsmNdArray x, boolean upper) {
        LinalgBatch.checkSquare(x);
        DType t = LinalgBatch.computeType(x, x);
        UsmNdArray a = LinalgBatch.work(upper ? x.swapaxes(-1, -2) : x, t);
        long batch = a.shape()[0];
        long n = LinalgBatch.cols(a);
        UsmNdArray info = LinalgBatch.ints(a, batch);
        long nb = LinalgLu.block(n);
        for (long k = 0; k < n && batch > 0; k += nb) {
            long kb = Math.min(nb, n - k);
            LinalgBatch.launch("cholDiag", t, batch, a, info, (int) n, (int) k, (int) kb, (int) batch);
            long rest = n - k - kb;
            if (rest == 0) continue;
            // L21 = A21 L11^-T: rows of A21 are the right-hand sides of L11 y = a^T.
            LinalgBatch.launch("trsm", t, batch * rest, a, a, (int) kb, (int) rest, 1, 0,
                    (int) (n * n), (int) (k * n + k), (int) n, 1, (int) (n * n), (int) ((k + kb) * n + k), 1, (int) n,
                    (int) (batch * rest));
            String lo = (k + kb) + ":" + n;
            String mid = k + ":" + (k + kb);
            UsmNdArray l21 = a.get(":," + lo + "," + mid);
            LinalgBatch.subProduct(a.get(":," + lo + "," + lo), l21, l21.swapaxes(1, 2));
        }
        long[] e = LinalgBatch.firstError(info);
        if (e != null) {
            throw new LinAlgError("Matrix is not positive definite: cholesky: matrix " + e[0] + " of the stack has a "
                    + "non-positive pivot at row " + (e[1] - 1) + "; it must be symmetric (Hermitian) with positive eigenvalues "
                    + "(check with eigvalsh), or use solve/lstsq for an indefinite system");
        }
        UsmNdArray l = Creation.triangle(a, 0, true);
        return (upper ? l.swapaxes(1, 2).copy().eval() : l).reshape(x.shape());
    }
}
