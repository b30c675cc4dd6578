package org.jdpx.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;

/**
 * The kernel-style l2 sample on every device against plain Java's float loop over the same
 * inputs: the devices add the squares in another order (groups first, then the groups' sums),
 * so they agree within n·eps·Σ|terms|, the bound of any order.
 */
class L2KernelTest {

    @OnEveryDevice
    void distanceMatchesPlainJavaWithinReassociation(Device device) {
        for (int[] shape : new int[][] {{L2Kernel.ROWS, L2Kernel.COLS}, {37, 91}, {1, 1000}}) {
            int rows = shape[0], cols = shape[1], n = rows * cols;
            float[] a = References.toFloats(References.uniform(n, 0, 1, 1));
            float[] b = References.toFloats(References.uniform(n, 0, 1, 2));
            float inOrder = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                float d = a[i] - b[i];
                inOrder += d * d;
                abs += d * d;
            }
            float got = L2Kernel.l2Distance(device, a, b, rows, cols);
            assertEquals(inOrder, got, n * Math.ulp(1f) * abs, rows + "x" + cols + " on " + device);
        }
    }
}
