package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.fusion.FusedKernels;
import org.jdpx.tensor.fusion.FusionDiagnostics;

/**
 * Array code that uses an intermediate several times (Black-Scholes' {@code d1}) fuses by the
 * vertices a kernel computes, each shared one once, not by the size of the graph written out as
 * a tree; a graph whose tree grows without bound is still cut, a graph past the limit computes
 * only as many of its operands first as it must, and all give plain Java's values.
 */
class FusionSharingTest {
    private static final int N = 10_007;

    @OnEveryDevice
    void sharedIntermediatesFuseIntoOneKernel(Device device) {
        float[] s = FusionTest.data(N, 5), x = FusionTest.data(N, 6), t = FusionTest.data(N, 7);
        for (int i = 0; i < N; i++) {
            s[i] = 10 + Math.abs(s[i]);
            x[i] = 10 + Math.abs(x[i]);
            t[i] = 1 + Math.abs(t[i]);
        }
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray S = Tensor.asarray(s, null, on), X = Tensor.asarray(x, null, on), T = Tensor.asarray(t, null, on);
        FusionDiagnostics.clear();
        long before = FusedKernels.launches();
        // d is 10 vertices used six times: 6 x 10 + 12 = 72 counted per use, 23 distinct
        UsmNdArray d = Tensor.log(S.divide(X)).add(T.multiply(0.02)).divide(Tensor.sqrt(T).multiply(0.3));
        UsmNdArray y = d.multiply(d).add(Tensor.exp(d.multiply(-0.5)).multiply(d))
                .subtract(d.divide(Tensor.abs(d).add(1.0))).add(d);
        float[] got = y.toFloatArray();
        String report = FusionDiagnostics.report();
        assertFalse(report.contains("fusion cut"), report);
        assertEquals(1, FusedKernels.launches() - before, "one kernel computing d once: " + report);
        for (int i = 0; i < N; i++) {
            double di = (Math.log((double) s[i] / x[i]) + t[i] * 0.02) / (Math.sqrt(t[i]) * 0.3);
            double want = di * di + Math.exp(-0.5 * di) * di - di / (Math.abs(di) + 1) + di;
            assertEquals(want, got[i], 2e-5 * Math.max(1, Math.abs(want)), "element " + i);
        }
    }

    @OnEveryDevice
    void aGraphWhoseTreeTriplesAtEachStepIsCutAndStaysExact(Device device) {
        int n = 1000;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i % 7 - 3;
        UsmNdArray v = Tensor.asarray(a, null, ArrayOptions.on(device));
        FusionDiagnostics.clear();
        // each step uses the previous value three times: the tree triples, the distinct vertices grow by 5
        for (int step = 0; step < 40; step++) v = v.add(v.multiply(3)).subtract(v.multiply(3));
        int[] got = v.toIntArray();
        String report = FusionDiagnostics.report();
        assertTrue(report.contains("counting each use (limit 1024)"), report);
        for (int i = 0; i < n; i++) assertEquals(a[i], got[i], "element " + i);
    }

    @OnEveryDevice
    void aGraphTooLargeForOneKernelComputesOnlyTheOperandsItMust(Device device) {
        float[] s = FusionTest.data(N, 8), x = FusionTest.data(N, 9);
        for (int i = 0; i < N; i++) {
            s[i] = 10 + Math.abs(s[i]);
            x[i] = 10 + Math.abs(x[i]);
        }
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray S = Tensor.asarray(s, null, on), X = Tensor.asarray(x, null, on);
        UsmNdArray d = Tensor.log(S.divide(X)).multiply(0.5);
        // two polynomials in d (3 vertices a step): 6 + 30 + 33 + 1 distinct vertices in all, past
        // 64; with the larger computed first the rest (6 + 30 + 2) fits one kernel
        UsmNdArray a = d, b = d;
        for (int k = 0; k < 10; k++) a = a.multiply(d).add(0.1 * (k + 1));
        for (int k = 0; k < 11; k++) b = b.multiply(d).add(-0.05 * (k + 1));
        FusionDiagnostics.clear();
        long before = FusedKernels.launches();
        float[] got = a.subtract(b).toFloatArray();
        String report = FusionDiagnostics.report();
        assertTrue(report.contains("fusion cut"), report);
        assertEquals(2, FusedKernels.launches() - before, "the larger polynomial, then the rest in one kernel: " + report);
        for (int i = 0; i < N; i++) {
            double di = Math.log((double) s[i] / x[i]) * 0.5;
            double ai = di, bi = di;
            for (int k = 0; k < 10; k++) ai = ai * di + 0.1 * (k + 1);
            for (int k = 0; k < 11; k++) bi = bi * di - 0.05 * (k + 1);
            assertEquals(ai - bi, got[i], 1e-5 * Math.max(1, Math.abs(ai) + Math.abs(bi)), "element " + i);
        }
    }
}
