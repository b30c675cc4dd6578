package org.jdpx.dpnp;

import java.util.List;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelMethods;
import org.jdpx.kernels.KernelRef;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Recursive LU with partial pivoting and what rests on it: solve, inv, det and slogdet
 * ({@link LinalgRecursion}). Columns split in halves down to narrow panels; the rest is
 * triangular solves and in-place matrix products on the GEMM core. On OpenCL devices each step is
 * a kernel or GEMM enqueued without waiting ({@link LinalgKernelSteps}); on the java device a
 * whole factorization or solve is one host task ({@link LinalgHostSteps}). Only the singularity
 * check reads back to the host.
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

    /** Rows of the diagonal blocks of Cholesky's blocked loop. */
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
        if (batch > 0 && n > 0) {
            LinalgBlock whole = LinalgBlock.of(a);
            if (onHost(a)) {
                LinalgHostSteps.enqueue(a.queue(), "LU factorization " + batch + " x " + n + "x" + n + " " + t,
                        bytes -> LinalgRecursion.factor(new LinalgHostSteps(t, piv, info, bytes), whole, 0, n), a, piv, info);
            } else {
                LinalgRecursion.factor(new LinalgKernelSteps(t, piv, info), whole, 0, n);
            }
        }
        return new Lu(a, piv, info, t);
    }

    /** Whether {@code x}'s device runs the decompositions' sequential steps as host code ({@link DevicePlan#panelsOnHost()}). */
    private static boolean onHost(UsmNdArray x) {
        return DevicePlan.of(x.device()).panelsOnHost();
    }

    /** Applies the factorization's row interchanges to a dense {@code (batch, n, r)} work array of dtype t, in place. */
    static void permute(Lu f, UsmNdArray b) {
        long n = f.n();
        long words = LinalgBatch.cols(b) * f.t().itemSize() / 4;
        long total = f.batch() * words;
        if (total == 0 || n == 0) return;
        Kernels.launchAsync(KernelMethods.of((KernelRef.K5<IntArray, IntArray, Integer, Integer, Integer>) LinalgKernels64::applyPivots),
                Dense.range(total), List.of(), IntArray.on(b.memory(), Math.max(1, b.size() * f.t().itemSize() / 4)),
                Dense.ints(f.piv()), (int) n, (int) words, (int) total);
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
        if (f.batch() == 0 || f.n() == 0 || x.size() == 0) return;
        LinalgBlock lu = LinalgBlock.of(f.lu());
        LinalgBlock b = LinalgBlock.of(x);
        if (onHost(x)) {
            LinalgHostSteps.enqueue(x.queue(), "LU solve " + f.batch() + " x " + f.n() + "x" + b.cols() + " " + f.t(), bytes -> {
                LinalgHostSteps s = new LinalgHostSteps(f.t(), f.piv(), null, bytes);
                s.permute(b);
                LinalgRecursion.solveTriangular(s, lu, b, true, true);
                LinalgRecursion.solveTriangular(s, lu, b, false, false);
            }, f.lu(), f.piv(), x);
            return;
        }
        permute(f, x);
        LinalgKernelSteps s = new LinalgKernelSteps(f.t(), null, null);
        LinalgRecursion.solveTriangular(s, lu, b, true, true);
        LinalgRecursion.solveTriangular(s, lu, b, false, false);
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
