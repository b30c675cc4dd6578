package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.fusion.FusedKernels;
import org.jdpx.tensor.fusion.FusionDiagnostics;

/** Lazy graphs become the number of kernels the design promises, with results equal to plain Java. */
class FusionTest {

    static float[] data(int n, int seed) {
        float[] a = new float[n];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    @OnEveryDevice
    void inPlaceAxpyIsOneKernelReadingEachInputOnce(Device device) {
        int n = 100_003;
        float[] a = data(n, 1), b = data(n, 2), c = data(n, 3);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray A = Tensor.asarray(a, null, on), B = Tensor.asarray(b, null, on), C = Tensor.asarray(c, null, on);
        FusionDiagnostics.clear();
        long before = FusedKernels.launches();
        A.addi(B.add(C.multiply(5)));
        assertEquals(1, FusedKernels.launches() - before, FusionDiagnostics.report());
        assertTrue(FusionDiagnostics.report().contains("add(a0, add(a1, multiply(a2, scalar)))"), FusionDiagnostics.report());
        float[] got = A.toFloatArray();
        for (int i = 0; i < n; i++) {
            float want = a[i] + (b[i] + c[i] * 5f);
            assertEquals(want, got[i], 0f, "element " + i);
        }
    }

    @OnEveryDevice
    void softmaxIsThreeKernelsAndTwoFolds(Device device) {
        int n = 1 << 20;
        float[] x = data(n, 4);
        UsmNdArray X = Tensor.asarray(x, null, ArrayOptions.on(device));
        long before = FusedKernels.launches();
        UsmNdArray e = Tensor.exp(X.subtract(X.max()));
        UsmNdArray y = e.divide(e.sum());
        float[] got = y.toFloatArray();
        // OpenCL devices fold the two reductions' partials in one-item kernels before the scale
        // pass, whose work-items hold one element each (and compute exp again there).
        int folds = device.backend().equals("java") ? 0 : 2;
        assertEquals(3 + folds, FusedKernels.launches() - before, "max, subtract-exp-sum, scale: " + FusionDiagnostics.report());
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) max = Math.max(max, v);
        double sum = 0;
        for (float v : x) sum += Math.exp(v - max);
        for (int i = 0; i < n; i += 997) {
            double want = Math.exp(x[i] - max) / sum;
            assertEquals(want, got[i], want * 2e-4, "element " + i);
        }
    }

    @OnEveryDevice
    void lazyResultKeepsTheValuesItWasWrittenWith(Device device) {
        UsmNdArray a = Tensor.asarray(new int[] {1, 2, 3}, null, ArrayOptions.on(device));
        UsmNdArray b = a.add(1);
        a.addi(10);
        assertArrayEquals(new int[] {2, 3, 4}, b.toIntArray());
        assertArrayEquals(new int[] {11, 12, 13}, a.toIntArray());
        UsmNdArray v = Tensor.arange(0, 6, 1, ArrayOptions.on(device));
        v.get("1:").assign(v.get(":-1"));
        assertArrayEquals(new long[] {0, 0, 1, 2, 3, 4}, v.toLongArray(), "overlapping views copy through a temporary");
    }

    @OnEveryDevice
    void reductionsOfBroadcastProductsKeepTheirOwnKernels(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray x = Tensor.asarray(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new long[] {3, 4}, on);
        UsmNdArray row = Tensor.asarray(new float[] {1, 0, 2, 0}, new long[] {1, 4}, on);
        UsmNdArray col = Tensor.asarray(new float[] {1, 10, 100}, new long[] {3, 1}, on);
        UsmNdArray full = Tensor.onesLike(x);
        assertArrayEquals(new float[] {10, 26, 42}, Tensor.sum(x.multiply(full), new int[] {1}, false).toFloatArray());
        assertArrayEquals(new float[] {7, 19, 31}, Tensor.sum(x.multiply(row), new int[] {1}, false).toFloatArray());
        assertArrayEquals(new float[] {10, 260, 4200}, Tensor.sum(x.multiply(col), new int[] {1}, false).toFloatArray());
        assertArrayEquals(new float[] {15, 0, 42, 0}, Tensor.sum(x.multiply(row), new int[] {0}, false).toFloatArray());
    }

    @OnEveryDevice
    void largeReductionsVisitEveryElement(Device device) {
        int n = 1 << 25;
        ArrayOptions bytes = ArrayOptions.on(device).dtype(DType.INT8);
        UsmNdArray ones = Tensor.ones(new long[] {n}, bytes);
        assertEquals(n, ones.sum().itemLong(), "sum of 2^25 ones");
        ones.set(String.valueOf(n - 1), 3);
        assertEquals(3, ones.max().itemLong(), "the last element is visited");
        UsmNdArray fones = Tensor.ones(new long[] {n}, ArrayOptions.on(device).dtype(DType.FLOAT32));
        assertEquals(n, fones.sum().item(), 0.0, "float32 partials are combined without rounding away counts");
        UsmNdArray small = Tensor.ones(new long[] {70_000}, bytes);
        // Longer than llvmpipe runs one loop: block scans there, so every element still counts.
        assertEquals(70_000, Tensor.cumsum(small, null).get("-1").itemLong());
    }

    @OnEveryDevice
    void sameExpressionOnNewDataReusesTheKernel(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        Tensor.sqrt(Tensor.asarray(new float[] {4, 9}, null, on).add(1.5)).eval();
        int cached = FusedKernels.cachedKernels();
        float[] got = Tensor.sqrt(Tensor.asarray(new float[] {1, 2, 3, 4, 5}, null, on).add(2.0)).toFloatArray();
        assertEquals(cached, FusedKernels.cachedKernels(), "values and sizes are arguments, not structure");
        assertArrayEquals(new float[] {(float) Math.sqrt(3), 2, (float) Math.sqrt(5), (float) Math.sqrt(6),
            (float) Math.sqrt(7)}, got, 1e-6f);
    }
}
