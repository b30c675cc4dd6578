package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Transforms of strided, transposed, reversed and lazy arrays equal those of their dense
 * copies, stay on the argument's device, and ifft(fft(x)) gives x back, on every device.
 */
class FftLayoutTest {

    private static double maxDiff(UsmNdArray a, UsmNdArray b) {
        double[] x = values(a);
        double[] y = values(b);
        assertEquals(x.length, y.length);
        double m = 0;
        for (int i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
        return m;
    }

    /** The real and imaginary parts of complex {@code c}, interleaved, as doubles. */
    private static double[] values(UsmNdArray c) {
        return FftEngineTest.values(FftValues.pairsOf(Dense.of(c)));
    }

    @OnEveryDevice
    void viewsTransformLikeTheirCopies(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        double[] data = new double[6 * 10];
        for (int i = 0; i < data.length; i++) data[i] = Math.sin(0.7 * i) + 0.1 * i;
        UsmNdArray x = Tensor.asarray(data, new long[] {6, 10}, on);
        UsmNdArray c = DpnpFft.fft(x);
        DType complex = DTypes.forDevice(DType.COMPLEX128, device, false);
        assertEquals(complex, c.dtype());
        assertEquals(device, c.device());
        // values up to ~60 (the sums of 10 inputs up to 6.9), 10 points: 10 log2(10) eps relative to that
        double tol = 60 * 10 * 3.33 * (complex == DType.COMPLEX64 ? Math.ulp(1.0f) : Math.ulp(1.0));
        UsmNdArray[] views = {c.T(), c.get("::-1, 1::3"), c.get("..., ::-2"), c.multiply(2)};
        for (UsmNdArray v : views) {
            UsmNdArray dense = v.copy().eval();
            for (int axis = 0; axis < 2; axis++) {
                UsmNdArray a = DpnpFft.fft(v, null, axis, "ortho");
                UsmNdArray b = DpnpFft.fft(dense, null, axis, "ortho");
                assertArrayEquals(b.shape(), a.shape());
                assertTrue(maxDiff(a, b) <= tol, "view " + java.util.Arrays.toString(v.shape()) + " axis " + axis);
                assertTrue(maxDiff(DpnpFft.ifft(DpnpFft.fft(v, null, axis, null), null, axis, null), dense) <= tol * 10,
                        "round trip of view " + java.util.Arrays.toString(v.shape()));
            }
        }
    }
}
