package org.jdpx.dpnp;

/**
 * NumPy's {@code numpy.linalg.LinAlgError}: a linear-algebra function met input it cannot
 * handle by its mathematics rather than by its shape or dtype. Raised, as NumPy raises it, for
 * a singular matrix given to {@code solve}/{@code inv} ("Singular matrix"; use {@code lstsq} or
 * {@code pinv} instead), a matrix that is not positive definite given to {@code cholesky}
 * ("Matrix is not positive definite"; check the eigenvalues with {@code eigvalsh}, or factor
 * with {@code solve}'s LU instead), and arrays of fewer than two axes or non-square
 * stacks where a square matrix is needed. It is an {@link IllegalArgumentException}: the caller's
 * argument is what is wrong.
 */
public class LinAlgError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An error with NumPy's message (and, after it, which matrix and the fix). */
    public LinAlgError(String message) {
        super(message);
    }
}
