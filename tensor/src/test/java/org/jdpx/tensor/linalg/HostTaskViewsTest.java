package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.usm.UsmPool;
import org.junit.jupiter.api.Test;

/**
 * GEMM, GEMV and dot on the java device read the arrays' blocks while their command holds them
 * ({@code UsmMemory.withSegments}), without JVM views the arrays' close would have to
 * invalidate (a shared arena each, whose close waits for a handshake with every JVM thread).
 */
class HostTaskViewsTest {

    @Test
    void productsMakeNoViewsTheirArraysMustInvalidate() {
        Device java = TestDevices.java();
        ArrayOptions on = ArrayOptions.on(java).dtype(DType.FLOAT64);
        int n = 33;
        double[] a = new double[n * n], x = new double[n];
        for (int i = 0; i < a.length; i++) a[i] = (i % 13) - 6;
        for (int i = 0; i < n; i++) x[i] = (i % 5) - 2;
        UsmNdArray am = Tensor.asarray(a, null, on).reshape(n, n), xv = Tensor.asarray(x, null, on);
        long before = UsmPool.of(java).stats().viewArenas();
        UsmNdArray c = Tensor.matmul(am, am).eval();
        UsmNdArray y = Tensor.matmul(am, xv).eval();
        UsmNdArray d = Tensor.dot(xv, xv).eval();
        assertEquals(0, UsmPool.of(java).stats().viewArenas() - before,
                "the products made JVM views of their arrays' memory");

        double[] wantC = new double[n * n], wantY = new double[n];
        double wantD = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * a[k * n + j];
                wantC[i * n + j] = s;
                wantY[i] += a[i * n + j] * x[j];
            }
            wantD += x[i] * x[i];
        }
        // small integers: every product and partial sum is exact in float64
        assertArrayEquals(wantC, c.toDoubleArray(), 0.0);
        assertArrayEquals(wantY, y.toDoubleArray(), 0.0);
        assertEquals(wantD, d.item(), 0.0);
    }
}
