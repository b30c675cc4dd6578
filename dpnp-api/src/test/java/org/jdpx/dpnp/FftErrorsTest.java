package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.function.Executable;

/** numpy.fft's argument errors, with NumPy's messages where it has one, on every device. */
class FftErrorsTest {

    private static void fails(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
    }

    @OnEveryDevice
    void badArgumentsAreRefusedWithNumpysMessages(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray x = Tensor.ones(new long[] {4}, on);
        UsmNdArray m = Tensor.ones(new long[] {3, 4}, on);
        fails("Invalid number of FFT data points (0) specified.", () -> DpnpFft.fft(x, 0L));
        fails("Invalid number of FFT data points (-3) specified.", () -> DpnpFft.ifft(x, -3L));
        fails("Invalid number of FFT data points (0) specified.", () -> DpnpFft.fft(Tensor.ones(new long[] {0}, on)));
        fails("Invalid number of FFT data points (0) specified.", () -> DpnpFft.irfft(Tensor.ones(new long[] {1}, on)));
        fails("Invalid number of FFT data points (0) specified.", () -> DpnpFft.rfft(x, 0L, 0, null));
        fails("Invalid number of FFT data points (0) specified.", () -> DpnpFft.fftn(m, new long[] {2, 0}, null, null));
        fails("Invalid norm value bogus; should be \"backward\", \"ortho\" or \"forward\".",
                () -> DpnpFft.fft(x, null, -1, "bogus"));
        fails("Invalid norm value Ortho", () -> DpnpFft.irfft2(m, null, null, "Ortho"));
        fails("axis 1 is out of bounds for an array of dimension 1", () -> DpnpFft.fft(x, null, 1, null));
        fails("axis -3 is out of bounds for an array of dimension 2", () -> DpnpFft.rfft2(m, null, new int[] {-3, 1}, null));
        fails("axis -1 is out of bounds for an array of dimension 0", () -> DpnpFft.fft(Tensor.ones(new long[0], on)));
        fails("Shape and axes have different lengths.", () -> DpnpFft.fftn(m, new long[] {2}, new int[] {0, 1}, null));
        fails("s has 3 entries but the array has only 2 axes", () -> DpnpFft.ifftn(m, new long[] {2, 2, 2}, null, null));
        fails("rfftn needs at least one axis", () -> DpnpFft.rfftn(m, null, new int[0], null));
        fails("axis 2 is out of bounds for an array of dimension 2", () -> DpnpFft.fftshift(m, 2));
        fails("fftfreq: n must be at least 1", () -> DpnpFft.fftfreq(0, 1.0, on));
        fails("rfftfreq: n must be at least 1 and d a finite non-zero spacing", () -> DpnpFft.rfftfreq(8, 0.0, on));
        UsmNdArray c = DpnpFft.fft(x);
        fails("rfft takes real input, got " + c.dtype(), () -> DpnpFft.rfft(c));
        fails("ihfft takes real input", () -> DpnpFft.ihfft(c));
        fails("rfftn takes real input", () -> DpnpFft.rfft2(c.reshape(2, 2)));
        assertTrue(c.dtype() == DType.COMPLEX128 || c.dtype() == DType.COMPLEX64, c.dtype().toString());
    }
}
