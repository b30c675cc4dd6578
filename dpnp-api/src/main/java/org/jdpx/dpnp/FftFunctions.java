package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * What {@link DpnpFft}'s functions do with their arrays: the input converted to the pairs the
 * transforms compute on ({@link FftValues}), the transform ({@link FftPairs}, {@link FftNd}),
 * and the result back as a complex or real array, with NumPy's dtypes.
 */
final class FftFunctions {
    /** The axes of the two-dimensional transforms. */
    static final int[] LAST_TWO = {-2, -1};

    private FftFunctions() {
    }

    static UsmNdArray c2c(UsmNdArray x, Long n, int axis, boolean inverse, String norm) {
        return FftValues.complexResult(FftPairs.c2c(FftValues.complexInput(x), n, axis, inverse, norm));
    }

    static UsmNdArray r2c(UsmNdArray x, Long n, int axis, String norm) {
        return FftValues.complexResult(FftPairs.r2c(FftValues.realInput(x, "rfft"), n, axis, norm));
    }

    static UsmNdArray c2r(UsmNdArray x, Long n, int axis, String norm) {
        return FftValues.realResult(x, FftPairs.c2r(FftValues.complexInput(x), n, axis, norm));
    }

    /** hfft: irfft of the conjugate, scaled the other way. */
    static UsmNdArray hfft(UsmNdArray x, Long n, int axis, String norm) {
        return FftValues.realResult(x, FftPairs.c2r(FftPairs.conjugate(FftValues.complexInput(x)), n, axis,
                FftArgs.swapDirection(norm)));
    }

    /** ihfft: the conjugate of rfft, scaled the other way. */
    static UsmNdArray ihfft(UsmNdArray x, Long n, int axis, String norm) {
        UsmNdArray r = FftPairs.r2c(FftValues.realInput(x, "ihfft"), n, axis, FftArgs.swapDirection(norm));
        return FftValues.complexResult(FftPairs.conjugate(r));
    }

    static UsmNdArray c2cn(UsmNdArray x, long[] s, int[] axes, boolean inverse, String norm) {
        return FftValues.complexResult(FftNd.c2c(FftValues.complexInput(x), s, axes, inverse, norm));
    }

    static UsmNdArray r2cn(UsmNdArray x, long[] s, int[] axes, String norm) {
        return FftValues.complexResult(FftNd.r2c(FftValues.realInput(x, "rfftn"), s, axes, norm));
    }

    static UsmNdArray c2rn(UsmNdArray x, long[] s, int[] axes, String norm) {
        return FftValues.realResult(x, FftNd.c2r(FftValues.complexInput(x), s, axes, norm));
    }
}
