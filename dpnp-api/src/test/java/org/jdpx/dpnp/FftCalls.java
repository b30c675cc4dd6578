package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Runs one numpy.fft case of {@code numpy/fft/cases.txt}: the function by its NumPy name with
 * the case's arguments ({@code n}, {@code axis}, {@code norm}, {@code s}, {@code axes}, {@code d});
 * complex inputs and outputs are pairs (a last axis of 2).
 */
final class FftCalls {

    private FftCalls() {
    }

    static UsmNdArray run(String fn, Args a, UsmNdArray[] x, boolean[] complex, ArrayOptions on) {
        Long n = a.has("n") ? a.l("n") : null;
        int axis = a.has("axis") ? a.i("axis") : -1;
        String norm = a.has("norm") ? a.str("norm") : null;
        long[] s = a.has("s") ? a.longs("s") : null;
        int[] axes = a.axes("axes");
        return switch (fn) {
            case "fft", "ifft" -> FftPairs.c2c(pairs(x[0], complex[0]), n, axis, fn.equals("ifft"), norm);
            case "rfft" -> FftPairs.r2c(real(x[0]), n, axis, norm);
            case "irfft" -> FftPairs.c2r(x[0], n, axis, norm);
            case "hfft" -> FftPairs.c2r(FftPairs.conjugate(x[0]), n, axis, FftArgs.swapDirection(norm));
            case "ihfft" -> FftPairs.conjugate(FftPairs.r2c(real(x[0]), n, axis, FftArgs.swapDirection(norm)));
            case "fftn", "ifftn" -> FftNd.c2c(pairs(x[0], complex[0]), s, axes, fn.equals("ifftn"), norm);
            case "fft2", "ifft2" -> FftNd.c2c(pairs(x[0], complex[0]), s, axes == null ? new int[] {-2, -1} : axes,
                    fn.equals("ifft2"), norm);
            case "rfftn" -> FftNd.r2c(real(x[0]), s, axes, norm);
            case "rfft2" -> FftNd.r2c(real(x[0]), s, axes == null ? new int[] {-2, -1} : axes, norm);
            case "irfftn" -> FftNd.c2r(x[0], s, axes, norm);
            case "irfft2" -> FftNd.c2r(x[0], s, axes == null ? new int[] {-2, -1} : axes, norm);
            case "fftfreq" -> FftHelpers.fftfreq(a.l("n"), a.d("d"), on);
            case "rfftfreq" -> FftHelpers.rfftfreq(a.l("n"), a.d("d"), on);
            case "fftshift", "ifftshift" -> complex[0] ? pairsShift(x[0], axes, fn.equals("ifftshift"))
                    : FftHelpers.shift(x[0], axes, fn.equals("ifftshift"));
            default -> throw new IllegalArgumentException("no fft function " + fn);
        };
    }

    private static UsmNdArray real(UsmNdArray x) {
        return x.astype(DTypes.forDevice(FftPairs.workType(x.dtype()), x.device(), false));
    }

    private static UsmNdArray pairs(UsmNdArray x, boolean complex) {
        return complex ? x : FftPairs.fromReal(real(x));
    }

    private static UsmNdArray pairsShift(UsmNdArray p, int[] axes, boolean inverse) {
        int rank = p.ndim() - 1;
        int[] ax = axes == null ? Axes.all(rank) : axes;
        for (int i = 0; i < ax.length; i++) ax[i] = org.jdpx.tensor.Shapes.axis(ax[i], rank);
        return FftHelpers.shift(p, ax, inverse);
    }
}
