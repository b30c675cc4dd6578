package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * numpy.linalg (dpnp.linalg) on the device: decompositions, solvers, norms and products. Compute
 * follows data: every function runs on the device of its array arguments and returns arrays
 * there (scalar results such as det as 0-d arrays, as dpnp does). Stacks of matrices (leading
 * axes) are batched where NumPy batches them. float32 input computes in float32, everything else
 * in float64 (float32 on a device without fp64, as dpnp does). The decompositions are blocked:
 * panels are factored by device kernels and the bulk of the work is matmul.
 *
 * <p>Errors as NumPy raises them: {@link LinAlgError} for singular matrices ("Singular matrix"),
 * matrices that are not positive definite, arrays of fewer than two axes and non-square stacks;
 * {@link IllegalArgumentException} for shape mismatches and unknown options.
 */
public final class DpnpLinalg {

    private DpnpLinalg() {
    }

    /**
     * Solves {@code a x = b} (LU with partial pivoting). b is {@code (..., n)} when 1-D, else {@code (..., n, k)};
     * batch axes broadcast.
     *
     * @throws LinAlgError "Singular matrix" when a matrix has no inverse
     */
    public static UsmNdArray solve(UsmNdArray a, UsmNdArray b) { return LinalgLu.solve(a, b); }

    /**
     * The inverse of each square matrix of the stack.
     *
     * @throws LinAlgError "Singular matrix" when a matrix has no inverse
     */
    public static UsmNdArray inv(UsmNdArray a) { return LinalgLu.inv(a); }

    /** The determinant of each square matrix (a 0-d array for one matrix); singular matrices give 0. */
    public static UsmNdArray det(UsmNdArray a) { return LinalgLu.det(a); }

    /** {sign, log|det|} of each square matrix; a singular matrix gives sign 0 and -inf. */
    public static UsmNdArray[] slogdet(UsmNdArray a) { return LinalgLu.slogdet(a); }

    /**
     * The lower Cholesky factor L ({@code a = L L^T}) of each matrix, reading its lower triangle.
     *
     * @throws LinAlgError "Matrix is not positive definite"
     */
    public static UsmNdArray cholesky(UsmNdArray a) { return LinalgCholesky.cholesky(a, false); }

    /**
     * The upper factor U ({@code a = U^T U}, reading the upper triangle) when {@code upper}, else as {@link #cholesky(UsmNdArray)}.
     *
     * @throws LinAlgError "Matrix is not positive definite"
     */
    public static UsmNdArray cholesky(UsmNdArray a, boolean upper) { return LinalgCholesky.cholesky(a, upper); }

    /** Householder QR, mode "reduced": {Q, R}. */
    public static UsmNdArray[] qr(UsmNdArray a) { return LinalgQr.qr(a, "reduced"); }

    /**
     * Householder QR in NumPy's mode: "reduced" {Q (m, k), R (k, n)}, "complete" {Q (m, m), R (m, n)}
     * or "r" {R (k, n)}, k = min(m, n).
     */
    public static UsmNdArray[] qr(UsmNdArray a, String mode) { return LinalgQr.qr(a, mode); }

    /** Eigenvalues (ascending) and eigenvectors (columns) of symmetric matrices, from the lower triangle. */
    public static UsmNdArray[] eigh(UsmNdArray a) { return LinalgSvd.eigh(a, "L", true); }

    /** {@link #eigh(UsmNdArray)} reading the lower ({@code "L"}) or upper ({@code "U"}) triangle. */
    public static UsmNdArray[] eigh(UsmNdArray a, String uplo) { return LinalgSvd.eigh(a, uplo, true); }

    /** The eigenvalues (ascending) of symmetric matrices, from the lower triangle. */
    public static UsmNdArray eigvalsh(UsmNdArray a) { return LinalgSvd.eigh(a, "L", false)[0]; }

    /** {@link #eigvalsh(UsmNdArray)} reading the lower ({@code "L"}) or upper ({@code "U"}) triangle. */
    public static UsmNdArray eigvalsh(UsmNdArray a, String uplo) { return LinalgSvd.eigh(a, uplo, false)[0]; }

    /** The full SVD {U (m, m), S (k), Vh (n, n)}; {@code a = U[:, :k] diag(S) Vh[:k]}. */
    public static UsmNdArray[] svd(UsmNdArray a) { return LinalgSvd.svd(a, true); }

    /**
     * The SVD: {U, S, Vh}, U (m, m) and Vh (n, n) when {@code fullMatrices}, else (m, k) and (k, n); with
     * {@code computeUv} false only {S}.
     */
    public static UsmNdArray[] svd(UsmNdArray a, boolean fullMatrices, boolean computeUv) {
        return computeUv ? LinalgSvd.svd(a, fullMatrices) : new UsmNdArray[] {LinalgSvd.svdvals(a)};
    }

    /** The singular values, descending, shape (..., min(m, n)). */
    public static UsmNdArray svdvals(UsmNdArray a) { return LinalgSvd.svdvals(a); }

    /** Least squares {@code min |a x - b|} by the SVD, rcond as NumPy's default (eps * max(m, n)). */
    public static LstsqResult lstsq(UsmNdArray a, UsmNdArray b) { return LinalgDerived.lstsq(a, b, null); }

    /** Least squares with singular values below {@code rcond * S.max()} treated as zero (null: NumPy's default). */
    public static LstsqResult lstsq(UsmNdArray a, UsmNdArray b, Double rcond) { return LinalgDerived.lstsq(a, b, rcond); }

    /** The Moore-Penrose pseudo-inverse, rcond 1e-15 as NumPy. */
    public static UsmNdArray pinv(UsmNdArray a) { return LinalgDerived.pinv(a, null); }

    /** The pseudo-inverse with singular values below {@code rcond * S.max()} dropped. */
    public static UsmNdArray pinv(UsmNdArray a, double rcond) { return LinalgDerived.pinv(a, rcond); }

    /** The rank of each matrix: singular values above S.max * max(m, n) * eps (int64, 0-d for one matrix). */
    public static UsmNdArray matrixRank(UsmNdArray a) { return LinalgDerived.matrixRank(a, null); }

    /** The rank with singular values above {@code tol} counted. */
    public static UsmNdArray matrixRank(UsmNdArray a, double tol) { return LinalgDerived.matrixRank(a, tol); }

    /** The 2-norm of the flattened array. */
    public static UsmNdArray norm(UsmNdArray x) { return LinalgNorm.norm(x, null, null, false); }

    /**
     * Vector norms (ord any number, inf, -inf, 0) over one axis, matrix norms (ord "fro", "nuc", 1, -1, 2, -2, inf,
     * -inf) over two; ord null is the 2-norm / Frobenius norm; axes null means the whole array (1-D or 2-D).
     *
     * @throws IllegalArgumentException for an order that is no norm of vectors or matrices
     */
    public static UsmNdArray norm(UsmNdArray x, Object ord, int[] axes, boolean keepdims) { return LinalgNorm.norm(x, ord, axes, keepdims); }

    /** The 2-norm condition number (largest over smallest singular value). */
    public static UsmNdArray cond(UsmNdArray x) { return LinalgDerived.cond(x, null); }

    /** The condition number in norm {@code p} (null, 2, -2, "fro", "nuc", 1, -1, inf, -inf); singular matrices give inf. */
    public static UsmNdArray cond(UsmNdArray x, Object p) { return LinalgDerived.cond(x, p); }

    /** {@code a} to the integer power {@code n} (negative: of the inverse; 0: the identity). */
    public static UsmNdArray matrixPower(UsmNdArray a, long n) { return LinalgDerived.matrixPower(a, n); }

    /** Sums along diagonal {@code offset} of the last two axes (numpy.linalg.trace). */
    public static UsmNdArray trace(UsmNdArray x, long offset) { return LinalgDerived.trace(x, offset); }

    /** The sum along the main diagonal of the last two axes. */
    public static UsmNdArray trace(UsmNdArray x) { return LinalgDerived.trace(x, 0); }

    /** The product of a chain of matrices (first and last may be 1-D) in the cheapest association order. */
    public static UsmNdArray multiDot(UsmNdArray... arrays) { return LinalgDerived.multiDot(arrays); }

    /** The matrix norm over the last two axes (ord null: Frobenius; "fro", "nuc", 1, -1, 2, -2, inf, -inf). */
    public static UsmNdArray matrixNorm(UsmNdArray x, Object ord, boolean keepdims) { return LinalgArrayApi.matrixNorm(x, ord, keepdims); }

    /** The vector norm of order {@code ord} (null: 2) over {@code axes} (null: the flattened array). */
    public static UsmNdArray vectorNorm(UsmNdArray x, Object ord, int[] axes, boolean keepdims) {
        return LinalgArrayApi.vectorNorm(x, ord, axes, keepdims);
    }

    /** Cross products of 3-vectors along the last axis. */
    public static UsmNdArray cross(UsmNdArray a, UsmNdArray b) { return LinalgArrayApi.cross(a, b); }

    /** Dot products along the last axis. */
    public static UsmNdArray vecdot(UsmNdArray a, UsmNdArray b) { return LinalgArrayApi.vecdot(a, b); }

    /**
     * The inverse of {@code a} seen as a matrix of its first {@code ind} axes by the rest.
     *
     * @throws LinAlgError "Singular matrix", or when the two halves' sizes differ
     */
    public static UsmNdArray tensorinv(UsmNdArray a, int ind) { return LinalgArrayApi.tensorinv(a, ind); }

    /**
     * The x with {@code tensordot(a, x, x.ndim) == b}.
     *
     * @throws LinAlgError "Singular matrix", or when a's shape does not fit b's
     */
    public static UsmNdArray tensorsolve(UsmNdArray a, UsmNdArray b) { return LinalgArrayApi.tensorsolve(a, b); }

    /** The transpose of each matrix of a stack (a view). */
    public static UsmNdArray matrixTranspose(UsmNdArray x) {
        LinalgBatch.check2d(x);
        return x.swapaxes(-2, -1);
    }

    /** Diagonal {@code offset} of the last two axes (a view). */
    public static UsmNdArray diagonal(UsmNdArray x, long offset) {
        LinalgBatch.check2d(x);
        return Creation.diagonal(x, offset, -2, -1);
    }

    /** The outer product of two vectors. */
    public static UsmNdArray outer(UsmNdArray a, UsmNdArray b) { return Dpnp.outer(a, b); }

    /** numpy.linalg.tensordot over the last {@code axes} axes of a and the first of b. */
    public static UsmNdArray tensordot(UsmNdArray a, UsmNdArray b, int axes) { return Dpnp.tensordot(a, b, axes); }

    /** Matrix product (numpy.linalg.matmul). */
    public static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) { return Dpnp.matmul(a, b); }
}
