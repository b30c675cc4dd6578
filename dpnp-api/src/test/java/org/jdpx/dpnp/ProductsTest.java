package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * matmul, dot, inner and tensordot of operands with more than two axes (which used to be refused),
 * against a plain-Java sum over the contracted axes: each output element is
 * {@code sum_p x[rowX, p] * y[p, colY]} after the operands are laid out as NumPy defines the
 * product. Small integers in float32 keep every sum exact, so results must match exactly.
 */
class ProductsTest {

    private static UsmNdArray ramp(ArrayOptions on, long... shape) {
        int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (i * 7 % 11) - 5;
        return Tensor.asarray(v, shape, on.dtype(DType.FLOAT32));
    }

    /** C-ordered values of an array. */
    private static double[] values(UsmNdArray x) {
        return x.toDoubleArray();
    }

    @OnEveryDevice
    void stackedMatmulBroadcastsLikeNumpy(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray a = ramp(on, 2, 1, 3, 4);
        UsmNdArray b = ramp(on, 3, 4, 5);
        UsmNdArray c = Dpnp.matmul(a, b);
        assertArrayEquals(new long[] {2, 3, 3, 5}, c.shape());
        double[] av = values(a), bv = values(b), cv = values(c);
        for (int i = 0; i < 2; i++) for (int s = 0; s < 3; s++) for (int r = 0; r < 3; r++) for (int q = 0; q < 5; q++) {
            double want = 0;
            for (int p = 0; p < 4; p++) want += av[(i * 3 + r) * 4 + p] * bv[(s * 4 + p) * 5 + q];
            assertEquals(want, cv[((i * 3 + s) * 3 + r) * 5 + q], 0, "element " + i + "," + s + "," + r + "," + q);
        }
    }

    @OnEveryDevice
    void dotOfStacksSumsLastAxisAgainstSecondToLast(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray a = ramp(on, 2, 3, 4);
        UsmNdArray b = ramp(on, 2, 4, 5);
        UsmNdArray c = Dpnp.dot(a, b);
        assertArrayEquals(new long[] {2, 3, 2, 5}, c.shape());
        double[] av = values(a), bv = values(b), cv = values(c);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) for (int m = 0; m < 5; m++) {
            double want = 0;
            for (int p = 0; p < 4; p++) want += av[(i * 3 + j) * 4 + p] * bv[(k * 4 + p) * 5 + m];
            assertEquals(want, cv[((i * 3 + j) * 2 + k) * 5 + m], 0);
        }
    }

    @OnEveryDevice
    void innerAndTensordotOfThreeAxes(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray a = ramp(on, 2, 3, 4);
        UsmNdArray b = ramp(on, 5, 4);
        UsmNdArray in = Dpnp.inner(a, b);
        assertArrayEquals(new long[] {2, 3, 5}, in.shape());
        double[] av = values(a), bv = values(b), iv = values(in);
        for (int r = 0; r < 6; r++) for (int q = 0; q < 5; q++) {
            double want = 0;
            for (int p = 0; p < 4; p++) want += av[r * 4 + p] * bv[q * 4 + p];
            assertEquals(want, iv[r * 5 + q], 0);
        }
        UsmNdArray c = ramp(on, 3, 4, 2);
        UsmNdArray td = Dpnp.tensordot(a, c, 2);
        assertArrayEquals(new long[] {2, 2}, td.shape());
        double[] cv = values(c), tv = values(td);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) {
            double want = 0;
            for (int p = 0; p < 12; p++) want += av[i * 12 + p] * cv[p * 2 + j];
            assertEquals(want, tv[i * 2 + j], 0);
        }
    }
}
