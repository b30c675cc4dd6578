package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's integer and floating-point ufuncs beyond tensor's set, window functions, NumPy 2's
 * cumulative_sum/cumulative_prod and geomspace, inherited by {@link Dpnp}; a separate file only to
 * keep {@code Dpnp} short. Ufuncs broadcast and run on the operands' device; creation functions on
 * the options' device in NumPy's default float dtype (float32 without fp64).
 */
public abstract class UfuncFunctions extends PolyFunctions {

    UfuncFunctions() {
    }

    /** NumPy's {@code gcd(x1, x2)} of integer arrays (a device kernel, Euclid's algorithm). @throws IllegalArgumentException for float or bool operands */
    public static UsmNdArray gcd(UsmNdArray x1, UsmNdArray x2) { return SpecialFns.gcd(x1, x2); }
    /** NumPy's {@code lcm(x1, x2)} of integer arrays. @throws IllegalArgumentException for float or bool operands */
    public static UsmNdArray lcm(UsmNdArray x1, UsmNdArray x2) { return SpecialFns.lcm(x1, x2); }
    /** NumPy's {@code frexp(x)}: {mantissa, int32 exponent}, fused. */
    public static UsmNdArray[] frexp(UsmNdArray x) { return SpecialFns.frexp(x); }
    /** NumPy's {@code modf(x)}: {fractional part, integral part}, fused. */
    public static UsmNdArray[] modf(UsmNdArray x) { return SpecialFns.modf(x); }
    /** NumPy's {@code nextafter(x1, x2)}: the next float after x1 towards x2 (a device kernel on the bits). */
    public static UsmNdArray nextafter(UsmNdArray x1, UsmNdArray x2) { return SpecialFns.nextafter(x1, x2); }
    /** NumPy's {@code spacing(x)}: the gap to the next float away from zero. */
    public static UsmNdArray spacing(UsmNdArray x) { return SpecialFns.spacing(x); }
    /** NumPy's {@code sinc(x)}: sin(pi x)/(pi x), fused. */
    public static UsmNdArray sinc(UsmNdArray x) { return SpecialFns.sinc(x); }
    /** NumPy's {@code i0(x)}: the modified Bessel function of order 0, fused. */
    public static UsmNdArray i0(UsmNdArray x) { return SpecialFns.i0(x); }
    /** NumPy's {@code bitwise_count(x)}: one bits of |x| as uint8 (a device kernel). @throws IllegalArgumentException for floats */
    public static UsmNdArray bitwiseCount(UsmNdArray x) { return SpecialFns.bitwiseCount(x); }

    /** NumPy's {@code bartlett(M)} on the options' device. */
    public static UsmNdArray bartlett(long m, ArrayOptions o) { return Windows.bartlett(m, o); }
    /** NumPy's {@code bartlett(M)} on the default device. */
    public static UsmNdArray bartlett(long m) { return Windows.bartlett(m, ArrayOptions.defaults()); }
    /** NumPy's {@code blackman(M)} on the options' device. */
    public static UsmNdArray blackman(long m, ArrayOptions o) { return Windows.cosine(m, 0.42, 0.5, 0.08, o); }
    /** NumPy's {@code blackman(M)} on the default device. */
    public static UsmNdArray blackman(long m) { return blackman(m, ArrayOptions.defaults()); }
    /** NumPy's {@code hamming(M)} on the options' device. */
    public static UsmNdArray hamming(long m, ArrayOptions o) { return Windows.cosine(m, 0.54, 0.46, 0, o); }
    /** NumPy's {@code hamming(M)} on the default device. */
    public static UsmNdArray hamming(long m) { return hamming(m, ArrayOptions.defaults()); }
    /** NumPy's {@code hanning(M)} on the options' device. */
    public static UsmNdArray hanning(long m, ArrayOptions o) { return Windows.cosine(m, 0.5, 0.5, 0, o); }
    /** NumPy's {@code hanning(M)} on the default device. */
    public static UsmNdArray hanning(long m) { return hanning(m, ArrayOptions.defaults()); }
    /** NumPy's {@code kaiser(M, beta)} on the options' device. */
    public static UsmNdArray kaiser(long m, double beta, ArrayOptions o) { return Windows.kaiser(m, beta, o); }
    /** NumPy's {@code kaiser(M, beta)} on the default device. */
    public static UsmNdArray kaiser(long m, double beta) { return Windows.kaiser(m, beta, ArrayOptions.defaults()); }
    /** NumPy's {@code geomspace(start, stop, num, endpoint)} on the options' device. @throws UnsupportedOperationException for opposite signs (complex) */
    public static UsmNdArray geomspace(double start, double stop, long num, boolean endpoint, ArrayOptions o) {
        return Windows.geomspace(start, stop, num, endpoint, o);
    }
    /** NumPy's {@code geomspace(start, stop, num)} on the default device. */
    public static UsmNdArray geomspace(double start, double stop, long num) { return Windows.geomspace(start, stop, num, true, ArrayOptions.defaults()); }

    /** NumPy 2's {@code cumulative_sum(x, axis, dtype, include_initial)}; axis may be null for 1-D x, dtype null for NumPy's. */
    public static UsmNdArray cumulativeSum(UsmNdArray x, Integer axis, DType dtype, boolean includeInitial) {
        return Calculus.cumulative("cumulative_sum", x, axis, dtype, includeInitial);
    }
    /** NumPy 2's {@code cumulative_sum(x)} of a 1-D array. */
    public static UsmNdArray cumulativeSum(UsmNdArray x) { return Calculus.cumulative("cumulative_sum", x, null, null, false); }
    /** NumPy 2's {@code cumulative_prod(x, axis, dtype, include_initial)}. */
    public static UsmNdArray cumulativeProd(UsmNdArray x, Integer axis, DType dtype, boolean includeInitial) {
        return Calculus.cumulative("cumulative_prod", x, axis, dtype, includeInitial);
    }
    /** NumPy 2's {@code cumulative_prod(x)} of a 1-D array. */
    public static UsmNdArray cumulativeProd(UsmNdArray x) { return Calculus.cumulative("cumulative_prod", x, null, null, false); }
}
