package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * Runs one numpy.fft case of {@code numpy/fft/cases.txt} through {@link DpnpFft}: the function by
 * its NumPy name with the case's arguments ({@code n}, {@code axis}, {@code norm}, {@code s},
 * {@code axes}, {@code d}), NumPy's default overload where the case gives none.
 */
final class FftCalls {

    private FftCalls() {
    }

    static UsmNdArray run(String fn, Args a, UsmNdArray x, ArrayOptions on) {
        Long n = a.has("n") ? a.l("n") : null;
        int axis = a.has("axis") ? a.i("axis") : -1;
        String norm = a.has("norm") ? a.str("norm") : null;
        long[] s = a.has("s") ? a.longs("s") : null;
        int[] axes = a.axes("axes");
        boolean defaults = n == null && !a.has("axis") && norm == null && s == null && axes == null;
        return switch (fn) {
            case "fft" -> defaults ? DpnpFft.fft(x) : DpnpFft.fft(x, n, axis, norm);
            case "ifft" -> defaults ? DpnpFft.ifft(x) : DpnpFft.ifft(x, n, axis, norm);
            case "rfft" -> defaults ? DpnpFft.rfft(x) : DpnpFft.rfft(x, n, axis, norm);
            case "irfft" -> defaults ? DpnpFft.irfft(x) : DpnpFft.irfft(x, n, axis, norm);
            case "hfft" -> defaults ? DpnpFft.hfft(x) : DpnpFft.hfft(x, n, axis, norm);
            case "ihfft" -> defaults ? DpnpFft.ihfft(x) : DpnpFft.ihfft(x, n, axis, norm);
            case "fft2" -> defaults ? DpnpFft.fft2(x) : DpnpFft.fft2(x, s, axes, norm);
            case "ifft2" -> defaults ? DpnpFft.ifft2(x) : DpnpFft.ifft2(x, s, axes, norm);
            case "rfft2" -> defaults ? DpnpFft.rfft2(x) : DpnpFft.rfft2(x, s, axes, norm);
            case "irfft2" -> defaults ? DpnpFft.irfft2(x) : DpnpFft.irfft2(x, s, axes, norm);
            case "fftn" -> defaults ? DpnpFft.fftn(x) : DpnpFft.fftn(x, s, axes, norm);
            case "ifftn" -> defaults ? DpnpFft.ifftn(x) : DpnpFft.ifftn(x, s, axes, norm);
            case "rfftn" -> defaults ? DpnpFft.rfftn(x) : DpnpFft.rfftn(x, s, axes, norm);
            case "irfftn" -> defaults ? DpnpFft.irfftn(x) : DpnpFft.irfftn(x, s, axes, norm);
            case "fftfreq" -> DpnpFft.fftfreq(a.l("n"), a.d("d"), on);
            case "rfftfreq" -> DpnpFft.rfftfreq(a.l("n"), a.d("d"), on);
            case "fftshift" -> axes == null ? DpnpFft.fftshift(x) : DpnpFft.fftshift(x, axes);
            case "ifftshift" -> axes == null ? DpnpFft.ifftshift(x) : DpnpFft.ifftshift(x, axes);
            default -> throw new IllegalArgumentException("no fft function " + fn);
        };
    }
}
