package org.jdpx.dpnp;

import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Blocked right-looking LU with partial pivoting and what rests on it: solve, inv, det and
 * slogdet. Each panel of {@link #block} columns is factored on the device by
 * {@code luPanel}, the row block to its right by {@code trsm}, and the trailing matrix is
 * updated by one matrix product (matmul); triangular solves are blocked the same way.
 */
final class LinalgLu {

    private LinalgLu() {
    }

    /** A factored stack: L (unit, below the diagonal) and U in {@code lu}, the pivots and the first zero pivot (1-based) of each matrix. */
    record Lu(UsmNdArray lu, UsmNdArray piv, UsmNdArray info, DType t) {
        long n() {
            return LinalgBatch.cols(lu);
        }

        long batch() {
            return lu.shape()[0];
        }
    }

    /**
     * Panel width: wide enough that matmul does the bulk, narrow enough that a panel stays cheap
     * and each work-item of luPanel loops fewer than 65535 times (rusticl's limit) up to n = 8192.
     */
    static long block(long n) {
        return n >= 512 && n <= 1024 ? 64 : 32;
    }

    /** LU of a stack of square matrices (a dense work array copy, factored in place). */
    static Lu factor(UsmNdArray x, DType t) {
        UsmNdArray a = LinalgBatch.work(x, t);
        long batch = a.shape()[0];
        long n = LinalgBatch.cols(a);
        UsmNdArray piv = LinalgBatch.ints(a, batch, n);
        UsmNdArray info = LinalgBatch.ints(a, batch);
        long nb = block(n);
        for (long k = 0; k < n && batch > 0; k += nb) {
            long kb = Math.min(nb, n - k);
            LinalgBatch.launchGroups("luPanel", t, a, batch, a, piv, info, (int) n, (int) k, (int) kb);
            long rest = n - k - kb;
            if (rest == 0) continue;
            LinalgBatch.launch("trsm", t, batch * rest, a, a, (int) kb, (int) rest, 1, 1,
                    (int) (n * n), (int) (k * n + k), (int) n, 1, (int) (n * n), (int) (k * n + k + kb), (int) n, 1,
                    (int) (batch * rest));
            String lo = (k + kb) + ":" + n;
            String mid = k + ":" + (k + kb);
            LinalgBatch.subProduct(a.get(":," + lo + "," + lo), a.get(":," + lo + "," + mid), a.get(":," + mid + "," + lo));
        }
        return new Lu(a, piv, info, t);
    }

    /** Applies the factorization's row interchanges to a dense {@code (batch, n, r)} work array of dtype t, in place. */
    static void permute(Lu f, UsmNdArray b) {
        long n = f.n();
        long words = LinalgBatch.cols(b) * f.t().itemSize() / 4;
        long total = f.batch() * words;
        if (total == 0 || n == 0) return;
        Kernels.launch(LinalgKernels64::applyPivots, Dense.range(total), IntArray.on(b.memory(), Math.max(1, b.size() * f.t().itemSize() / 4)),
                Dense.ints(f.piv()), (int) n, (int) words, (int) total);
    }

    /**
     * Solves {@code T X = B} in place for a dense {@code (batch, n, r)} B, T the lower-unit
     * ({@code lower}) or upper triangle of {@code a} (a dense {@code (batch, n, n)} work array, or
     * its transpose when {@code trans}), by diagonal blocks: {@code trsm} on a block, matmul for
     * the rows it feeds.
     */
    static void triangularSolve(UsmNdArray a, UsmNdArray b, boolean lower, boolean unit, boolean trans, DType t) {
        long batch = b.shape()[0];
        long n = LinalgBatch.rows(b);
        long r = LinalgBatch.cols(b);
        if (batch == 0 || n == 0 || r == 0) return;
        long nb = block(n);
        UsmNdArray at = trans ? a.swapaxes(1, 2) : a;
        int s0 = (int) (trans ? 1 : n);
        int s1 = (int) (trans ? n : 1);
        long blocks = (n + nb - 1) / nb;
        for (long bi = 0; bi < blocks; bi++) {
            long k = lower ? bi * nb : (blocks - 1 - bi) * nb;
            long kb = Math.min(nb, n - k);
            LinalgBatch.launch("trsm", t, batch * r, a, b, (int) kb, (int) r, lower ? 1 : 0, unit ? 1 : 0,
                    (int) (n * n), (int) (k * n + k), s0, s1, (int) (n * r), (int) (k * r), (int) r, 1, (int) (batch * r));
            String mid = k + ":" + (k + kb);
            String rest = lower ? (k + kb) + ":" + n : "0:" + k;
            if (lower ? k + kb < n : k > 0) {
                LinalgBatch.subProduct(b.get(":," + rest + ",:"), at.get(":," + rest + "," + mid), b.get(":," + mid + ",:"));
            }
        }
    }

    /** Throws NumPy's "Singular matrix" when any matrix of the factored stack had a zero pivot. */
    static void requireNonsingular(String fn, Lu f) {
        long[] e = LinalgBatch.firstError(f.info());
        if (e != null) {
            throw new LinAlgError("Singular matrix: " + fn + ": matrix " + e[0] + " of the stack has a zero pivot in column "
                    + (e[1] - 1) + " and no inverse; use lstsq or pinv for singular or rank-deficient systems");
        }
    }

    /** NumPy's linalg.solve: {@code a x = b} for a stack of square a; b is (..., n) when 1-D, else (..., n, k). */
    static UsmNdArray solve(UsmNdArray a, UsmNdArray b) {
        LinalgBatch.checkSquare(a);
        long n = LinalgBatch.rows(a);
        boolean vector = b.ndim() == 1;
        if (!vector && b.ndim() < 2) throw new LinAlgError("solve: b must be at least 1-dimensional, got a 0-d array");
        long bn = vector ? b.shape()[0] : LinalgBatch.rows(b);
        if (bn != n) {
            throw new IllegalArgumentException("solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                    + "(m,m),(m,n)->(m,n) (size " + bn + " is different from " + n + "): shapes " + Shapes.describe(a.shape())
                    + " and " + Shapes.describe(b.shape()));
        }
        UsmNdArray b2 = vector ? b.reshape(n, 1) : b;
        long[] batch = Shapes.broadcast(LinalgBatch.batchShape(a), LinalgBatch.batchShape(b2));
        long r = LinalgBatch.cols(b2);
        DType t = LinalgBatch.computeType(a, a, b);
        Lu f = factor(a.broadcastTo(LinalgBatch.shape(batch, n, n)), t);
        requireNonsingular("solve", f);
        UsmNdArray x = LinalgBatch.work(b2.broadcastTo(LinalgBatch.shape(batch, n, r)), t);
        solveFactored(f, x);
        return vector ? x.reshape(LinalgBatch.shape(batch, n)) : x.reshape(LinalgBatch.shape(batch, n, r));
    }

    /** Overwrites the dense {@code (batch, n, r)} x with the solution of {@code A x = x} for the factored A. */
    static void solveFactored(Lu f, UsmNdArray x) {
        permute(f, x);
        triangularSolve(f.lu(), x, true, true, false, f.t());
        triangularSolve(f.lu(), x, false, false, false, f.t());
    }

    /** NumPy's linalg.inv of a stack of square matrices. */
    static UsmNdArray inv(UsmNdArray a) {
        LinalgBatch.checkSquare(a);
        DType t = LinalgBatch.computeType(a, a);
        Lu f = factor(a, t);
        requireNonsingular("inv", f);
        return invFactored(f).reshape(a.shape());
    }

    /** The inverse from a factorization (no singularity check: zero pivots give inf/nan). */
    static UsmNdArray invFactored(Lu f) {
        UsmNdArray x = LinalgBatch.eye(f.lu(), f.t(), f.batch(), f.n(), f.n());
        solveFactored(f, x);
        return x;
    }

    /** NumPy's linalg.det: a 0-d array for one matrix, shape (...) for a stack. */
    static UsmNdArray det(UsmNdArray a) {
        LinalgBatch.checkSquare(a);
        Lu f = factor(a, LinalgBatch.computeType(a, a));
        UsmNdArray d = Tensor.prod(diagonal(f), new int[] {-1}, false);
        return Tensor.multiply(d, paritySign(f)).eval().reshape(LinalgBatch.batchShape(a));
    }

    /** NumPy's linalg.slogdet: {sign, logabsdet}, each of the stack's batch shape. */
    static UsmNdArray[] slogdet(UsmNdArray a) {
        LinalgBatch.checkSquare(a);
        Lu f = factor(a, LinalgBatch.computeType(a, a));
        UsmNdArray diag = diagonal(f);
        UsmNdArray signed = Tensor.multiply(Tensor.prod(Tensor.sign(diag), new int[] {-1}, false), paritySign(f));
        UsmNdArray sign = Tensor.where(Tensor.equal(signed, 0), 0, signed).astype(f.t()).eval(); // +0 as NumPy, not -0
        UsmNdArray logdet = LinalgBatch.sumLast(Tensor.log(Tensor.abs(diag)), false);
        long[] bs = LinalgBatch.batchShape(a);
        return new UsmNdArray[] {sign.reshape(bs), logdet.reshape(bs)};
    }

    private static UsmNdArray diagonal(Lu f) {
        return Creation.diagonal(f.lu(), 0, 1, 2);
    }

    /** (-1)^(number of row interchanges) per matrix, in the factorization's dtype. */
    private static UsmNdArray paritySign(Lu f) {
        UsmNdArray j = Creation.iota(f.piv(), f.n()).astype(DType.INT32);
        UsmNdArray swaps = Tensor.sum(Tensor.notEqual(f.piv(), j).astype(DType.INT32), new int[] {-1}, false);
        UsmNdArray odd = Tensor.remainder(swaps, 2);
        return Tensor.subtract(1, Tensor.multiply(odd, 2)).astype(f.t()).eval();
    }
}
