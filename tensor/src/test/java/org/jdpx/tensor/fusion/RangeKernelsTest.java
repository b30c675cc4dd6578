package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * {@code arange} of a long range is one kernel on the array's OpenCL device (no host values
 * copied there) and gives Java's {@code start + i * step} bit for bit, as the host path does, on
 * every device; a device without fp64, and the java device, keep the host path.
 */
class RangeKernelsTest {

    @OnEveryDevice
    void aLongRangeIsOneKernelWithJavasValues(Device device) {
        boolean fp64 = device.aspects().contains(Aspect.FP64);
        boolean kernel = fp64 && !device.backend().equals("java");
        double[][] cases = {{0.5, 100_003.5, 1}, {-3.7, 2.1, 0.0001}, {0.1, 3000.1, 0.3}, {1e6, -1e6, -7.77}};
        for (double[] c : cases) {
            long before = FusedKernels.launches();
            UsmNdArray a = Tensor.arange(c[0], c[1], c[2], ArrayOptions.on(device));
            assertEquals(kernel ? 1 : 0, FusedKernels.launches() - before, "kernels for arange" + java.util.Arrays.toString(c));
            long n = (long) Math.ceil((c[1] - c[0]) / c[2]);
            assertEquals(n, a.size(), "length of arange" + java.util.Arrays.toString(c));
            double[] got = a.toDoubleArray();
            for (int i = 0; i < n; i++) {
                double want = c[0] + i * c[2];
                assertEquals(fp64 ? want : (float) want, got[i], 0.0, "element " + i + " of arange"
                        + java.util.Arrays.toString(c) + " on " + device.filterString());
            }
        }
    }

    @OnEveryDevice
    void anIntegralRangeIsInt64(Device device) {
        UsmNdArray a = Tensor.arange(-50_000, 250_000, 3, ArrayOptions.on(device));
        assertEquals(DType.INT64, a.dtype());
        long[] got = a.toLongArray();
        assertEquals(100_000, got.length);
        for (int i = 0; i < got.length; i++) assertEquals(-50_000L + 3L * i, got[i], "element " + i + " on " + device.filterString());
    }
}
