package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's legacy polynomial functions (1-D coefficient arrays, highest power first), inherited by
 * {@link Dpnp}; a separate file only to keep {@code Dpnp} short. They run on the coefficients'
 * device; bad shapes or orders are {@link IllegalArgumentException}s.
 */
public abstract class PolyFunctions extends NumericFunctions {

    PolyFunctions() {
    }

    /** NumPy's {@code polyval(p, x)}: Horner's rule, one fused expression. */
    public static UsmNdArray polyval(UsmNdArray p, UsmNdArray x) { return Polynomials.polyval(p, x); }
    /** NumPy's {@code polyadd(a1, a2)}. */
    public static UsmNdArray polyadd(UsmNdArray a1, UsmNdArray a2) { return Polynomials.addSub(a1, a2, false); }
    /** NumPy's {@code polysub(a1, a2)}. */
    public static UsmNdArray polysub(UsmNdArray a1, UsmNdArray a2) { return Polynomials.addSub(a1, a2, true); }
    /** NumPy's {@code polymul(a1, a2)}: the full convolution, on the GEMM. */
    public static UsmNdArray polymul(UsmNdArray a1, UsmNdArray a2) { return Polynomials.polymul(a1, a2); }
    /** NumPy's {@code polydiv(u, v)}: {quotient, remainder}. */
    public static UsmNdArray[] polydiv(UsmNdArray u, UsmNdArray v) { return Polynomials.polydiv(u, v); }
    /** NumPy's {@code polyder(p, m)}: the m-th derivative. */
    public static UsmNdArray polyder(UsmNdArray p, int m) { return Polynomials.polyder(p, m); }
    /** NumPy's {@code polyder(p)}: m=1. */
    public static UsmNdArray polyder(UsmNdArray p) { return Polynomials.polyder(p, 1); }
    /** NumPy's {@code polyint(p, m, k)}: the m-th antiderivative, constants {@code k} (null: zeros; one value: for every step). */
    public static UsmNdArray polyint(UsmNdArray p, int m, double[] k) { return Polynomials.polyint(p, m, k); }
    /** NumPy's {@code polyint(p)}: m=1, constant 0. */
    public static UsmNdArray polyint(UsmNdArray p) { return Polynomials.polyint(p, 1, null); }
    /** NumPy's {@code polyfit(x, y, deg)}: least-squares coefficients (a column per column of a 2-D y), through DpnpLinalg.lstsq. */
    public static UsmNdArray polyfit(UsmNdArray x, UsmNdArray y, int deg) { return Polynomials.polyfit(x, y, deg); }
    /**
     * NumPy's {@code poly(seq_of_zeros)} for a 1-D array of real roots.
     *
     * @throws UnsupportedOperationException for a square matrix (its characteristic polynomial needs eigvals)
     */
    public static UsmNdArray poly(UsmNdArray seqOfZeros) { return Polynomials.poly(seqOfZeros); }
    /**
     * NumPy's {@code roots(p)}: not available yet.
     *
     * @throws UnsupportedOperationException always: roots are complex eigenvalues, and jdpx has no complex dtype or eig
     */
    public static UsmNdArray roots(UsmNdArray p) { return Polynomials.roots(p); }
}
