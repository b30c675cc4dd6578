package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * numpy.fft (dpnp.fft) on the device: discrete Fourier transforms of complex and real arrays in
 * one or more dimensions, their inverses, and the frequency and shift helpers. Compute follows
 * data: every transform runs on the device of its argument and returns its result there. Lengths
 * whose prime factors are 2, 3, 5 and 7 run as mixed-radix Stockham FFTs (one kernel launch per
 * radix, all rows of the batch at once); other lengths by Bluestein's chirp-z algorithm through a
 * Stockham FFT of at least 2n - 1 points; both take O(n log n) and are accurate to about {@code log2(n) eps}.
 *
 * <p><b>Dtypes</b> as NumPy's: complex64 and float32 (and float16) input computes in single
 * precision and gives complex64 (float32 for irfft/hfft), everything else complex128 (float64);
 * on a device without fp64 complex128 becomes complex64 and float64 float32.
 *
 * <p><b>Arguments</b> as NumPy's, {@code null} for None: {@code n} the points along the axis (the
 * input is cut or zero-padded), {@code axis}/{@code axes} the axes transformed, {@code s} the
 * points along each of them, {@code norm} "backward" (null, no scaling forward, 1/n inverse),
 * "ortho" (1/sqrt(n) both ways) or "forward" (1/n forward).
 *
 * <p><b>Errors</b>: {@link IllegalArgumentException} for n or s below 1 ("Invalid number of FFT
 * data points"), an unknown norm, an axis out of range, s and axes of different lengths, and
 * complex input to rfft/ihfft/rfftn/rfft2.
 */
public final class DpnpFft {

    private DpnpFft() {
    }

    /** The one-dimensional FFT along the last axis. */
    public static UsmNdArray fft(UsmNdArray a) { return FftFunctions.c2c(a, null, -1, false, null); }

    /** The FFT of {@code n} points (null: the axis' extent) along the last axis. */
    public static UsmNdArray fft(UsmNdArray a, Long n) { return FftFunctions.c2c(a, n, -1, false, null); }

    /** The FFT of {@code n} points along {@code axis}, scaled as {@code norm} says. */
    public static UsmNdArray fft(UsmNdArray a, Long n, int axis, String norm) { return FftFunctions.c2c(a, n, axis, false, norm); }

    /** The inverse FFT along the last axis ({@code ifft(fft(a)) == a}). */
    public static UsmNdArray ifft(UsmNdArray a) { return FftFunctions.c2c(a, null, -1, true, null); }

    /** The inverse FFT of {@code n} points along the last axis. */
    public static UsmNdArray ifft(UsmNdArray a, Long n) { return FftFunctions.c2c(a, n, -1, true, null); }

    /** The inverse FFT of {@code n} points along {@code axis}. */
    public static UsmNdArray ifft(UsmNdArray a, Long n, int axis, String norm) { return FftFunctions.c2c(a, n, axis, true, norm); }

    /** The FFT of real input along the last axis: its {@code n / 2 + 1} non-negative frequencies. */
    public static UsmNdArray rfft(UsmNdArray a) { return FftFunctions.r2c(a, null, -1, null); }

    /** rfft of {@code n} points. */
    public static UsmNdArray rfft(UsmNdArray a, Long n) { return FftFunctions.r2c(a, n, -1, null); }

    /** rfft of {@code n} points along {@code axis}. */
    public static UsmNdArray rfft(UsmNdArray a, Long n, int axis, String norm) { return FftFunctions.r2c(a, n, axis, norm); }

    /** The inverse of rfft along the last axis: {@code 2 (m - 1)} real points from m frequencies. */
    public static UsmNdArray irfft(UsmNdArray a) { return FftFunctions.c2r(a, null, -1, null); }

    /** The inverse of rfft with {@code n} real output points (the input cut or padded to n / 2 + 1). */
    public static UsmNdArray irfft(UsmNdArray a, Long n) { return FftFunctions.c2r(a, n, -1, null); }

    /** irfft of {@code n} points along {@code axis}. */
    public static UsmNdArray irfft(UsmNdArray a, Long n, int axis, String norm) { return FftFunctions.c2r(a, n, axis, norm); }

    /** The FFT of a Hermitian-symmetric signal given by its first half (real output, {@code 2 (m - 1)} points). */
    public static UsmNdArray hfft(UsmNdArray a) { return FftFunctions.hfft(a, null, -1, null); }

    /** hfft with {@code n} output points along {@code axis}. */
    public static UsmNdArray hfft(UsmNdArray a, Long n, int axis, String norm) { return FftFunctions.hfft(a, n, axis, norm); }

    /** The inverse of hfft: the first {@code n / 2 + 1} values of the inverse FFT of real input. */
    public static UsmNdArray ihfft(UsmNdArray a) { return FftFunctions.ihfft(a, null, -1, null); }

    /** ihfft of {@code n} points along {@code axis}. */
    public static UsmNdArray ihfft(UsmNdArray a, Long n, int axis, String norm) { return FftFunctions.ihfft(a, n, axis, norm); }

    /** The two-dimensional FFT over the last two axes. */
    public static UsmNdArray fft2(UsmNdArray a) { return FftFunctions.c2cn(a, null, FftFunctions.LAST_TWO, false, null); }

    /** The FFT over {@code axes} (null: the last two) with {@code s} points along them (null: their extents). */
    public static UsmNdArray fft2(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.c2cn(a, s, two(axes), false, norm); }

    /** The inverse two-dimensional FFT over the last two axes. */
    public static UsmNdArray ifft2(UsmNdArray a) { return FftFunctions.c2cn(a, null, FftFunctions.LAST_TWO, true, null); }

    /** The inverse FFT over {@code axes} (null: the last two). */
    public static UsmNdArray ifft2(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.c2cn(a, s, two(axes), true, norm); }

    /** rfftn over the last two axes. */
    public static UsmNdArray rfft2(UsmNdArray a) { return FftFunctions.r2cn(a, null, FftFunctions.LAST_TWO, null); }

    /** rfftn over {@code axes} (null: the last two). */
    public static UsmNdArray rfft2(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.r2cn(a, s, two(axes), norm); }

    /** irfftn over the last two axes. */
    public static UsmNdArray irfft2(UsmNdArray a) { return FftFunctions.c2rn(a, null, FftFunctions.LAST_TWO, null); }

    /** irfftn over {@code axes} (null: the last two). */
    public static UsmNdArray irfft2(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.c2rn(a, s, two(axes), norm); }

    /** The n-dimensional FFT over every axis. */
    public static UsmNdArray fftn(UsmNdArray a) { return FftFunctions.c2cn(a, null, null, false, null); }

    /**
     * The FFT over {@code axes} with {@code s} points along them; axes null: the last
     * {@code s.length} axes (all when s is null too); s null: the axes' extents.
     */
    public static UsmNdArray fftn(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.c2cn(a, s, axes, false, norm); }

    /** The inverse n-dimensional FFT over every axis. */
    public static UsmNdArray ifftn(UsmNdArray a) { return FftFunctions.c2cn(a, null, null, true, null); }

    /** The inverse FFT over {@code axes} with {@code s} points (defaults as {@link #fftn(UsmNdArray, long[], int[], String)}). */
    public static UsmNdArray ifftn(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.c2cn(a, s, axes, true, norm); }

    /** The FFT of real input over every axis: half the spectrum along the last. */
    public static UsmNdArray rfftn(UsmNdArray a) { return FftFunctions.r2cn(a, null, null, null); }

    /** rfftn over {@code axes} with {@code s} points, the half spectrum along the last axis given. */
    public static UsmNdArray rfftn(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.r2cn(a, s, axes, norm); }

    /** The inverse of rfftn over every axis ({@code 2 (m - 1)} real points along the last). */
    public static UsmNdArray irfftn(UsmNdArray a) { return FftFunctions.c2rn(a, null, null, null); }

    /** The inverse of rfftn over {@code axes} with real output extents {@code s}. */
    public static UsmNdArray irfftn(UsmNdArray a, long[] s, int[] axes, String norm) { return FftFunctions.c2rn(a, s, axes, norm); }

    /** The sample frequencies of an n-point FFT with unit spacing, on the default device. */
    public static UsmNdArray fftfreq(long n) { return FftHelpers.fftfreq(n, 1.0, ArrayOptions.defaults()); }

    /** The sample frequencies {@code [0, 1, ..., -(n/2), ..., -1] / (d n)}, on the default device. */
    public static UsmNdArray fftfreq(long n, double d) { return FftHelpers.fftfreq(n, d, ArrayOptions.defaults()); }

    /** fftfreq on the options' device (dpnp's device/sycl_queue/usm_type keywords) and dtype. */
    public static UsmNdArray fftfreq(long n, double d, ArrayOptions o) { return FftHelpers.fftfreq(n, d, o); }

    /** The non-negative sample frequencies of rfft, {@code [0, 1, ..., n/2] / (d n)}, on the default device. */
    public static UsmNdArray rfftfreq(long n) { return FftHelpers.rfftfreq(n, 1.0, ArrayOptions.defaults()); }

    /** rfftfreq with spacing {@code d}. */
    public static UsmNdArray rfftfreq(long n, double d) { return FftHelpers.rfftfreq(n, d, ArrayOptions.defaults()); }

    /** rfftfreq on the options' device and dtype. */
    public static UsmNdArray rfftfreq(long n, double d, ArrayOptions o) { return FftHelpers.rfftfreq(n, d, o); }

    /** The zero frequency moved to the centre of every axis (a copy). */
    public static UsmNdArray fftshift(UsmNdArray x) { return FftValues.shift(x, null, false); }

    /** fftshift over {@code axes} only. */
    public static UsmNdArray fftshift(UsmNdArray x, int... axes) { return FftValues.shift(x, axes, false); }

    /** The inverse of fftshift over every axis. */
    public static UsmNdArray ifftshift(UsmNdArray x) { return FftValues.shift(x, null, true); }

    /** The inverse of fftshift over {@code axes} only. */
    public static UsmNdArray ifftshift(UsmNdArray x, int... axes) { return FftValues.shift(x, axes, true); }

    private static int[] two(int[] axes) {
        return axes == null ? FftFunctions.LAST_TWO : axes;
    }
}
