package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.fusion.FusionDiagnostics;

/**
 * Softmax written as NumPy users write it, {@code e = exp(x - x.max()); e / e.sum()}, on every
 * device against plain Java: sizes that are no multiple of any part or group count, and the
 * special values whose NumPy results are fixed (an {@code -inf} entry gives 0, an all
 * {@code -inf} input, a NaN or a {@code +inf} gives NaN everywhere).
 */
class SoftmaxTest {

    /** NumPy's result for one line, computed in double from the float inputs. */
    static float[] reference(float[] x, int from, int to) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) max = Math.max(max, x[i]); // NaN wins, as in NumPy
        double[] e = new double[to - from];
        double sum = 0;
        for (int i = from; i < to; i++) {
            e[i - from] = Math.exp((double) (x[i] - max)); // -inf - -inf and inf - inf are NaN, as in NumPy
            sum += e[i - from];
        }
        float[] y = new float[to - from];
        for (int i = 0; i < y.length; i++) y[i] = (float) (e[i] / sum);
        return y;
    }

    static float[] inputs(int n, int seed) {
        float[] x = new float[n];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * 4);
        return x;
    }

    static void assertClose(float[] want, float[] got, int offset, String what) {
        for (int i = 0; i < want.length; i++) {
            float w = want[i];
            float g = got[offset + i];
            if (Float.isNaN(w)) {
                assertTrue(Float.isNaN(g), what + ": element " + i + " is " + g + ", NumPy gives NaN");
            } else {
                // exp within 2 ulp and one division, over a float32 sum whose rounding grows about as sqrt(n)
                double rel = 1e-6 + 4e-7 * Math.sqrt(want.length);
                assertEquals(w, g, Math.max(w * rel, Float.MIN_NORMAL), what + ": element " + i);
            }
        }
    }

    static float[] softmax(UsmNdArray x) {
        UsmNdArray e = Tensor.exp(x.subtract(x.max()));
        return e.divide(e.sum()).toFloatArray();
    }

    @OnEveryDevice
    void fullSoftmaxMatchesPlainJavaAtSizesThatAreNoMultipleOfAnything(Device device) {
        for (int n : new int[] {1, 31, 1000, (1 << 20) + 3}) {
            float[] x = inputs(n, n);
            float[] got = softmax(Tensor.asarray(x, null, ArrayOptions.on(device)));
            assertClose(reference(x, 0, n), got, 0, "softmax of " + n);
        }
    }

    @OnEveryDevice
    void infinitiesAndNanGiveNumpysResults(Device device) {
        for (int n : new int[] {1, 31, 1000, (1 << 20) + 3}) {
            float[] some = inputs(n, 7);
            for (int i = 0; i < n; i += 3) some[i] = Float.NEGATIVE_INFINITY;
            float[] allNegInf = new float[n];
            java.util.Arrays.fill(allNegInf, Float.NEGATIVE_INFINITY);
            float[] posInf = inputs(n, 8);
            posInf[n / 2] = Float.POSITIVE_INFINITY;
            float[] nan = inputs(n, 9);
            nan[n - 1] = Float.NaN;
            for (var c : List.of(some, allNegInf, posInf, nan)) {
                float[] got = softmax(Tensor.asarray(c, null, ArrayOptions.on(device)));
                assertClose(reference(c, 0, n), got, 0, "softmax of " + n + " special values");
            }
            if (n > 1) { // with one element, "some" is all -inf
                float[] got = softmax(Tensor.asarray(some, null, ArrayOptions.on(device)));
                assertEquals(0f, got[0], "exp(-inf - max) is 0");
                assertFalse(Float.isNaN(got[n - 1]), "-inf entries among finite ones leave the rest finite");
            }
            assertTrue(Float.isNaN(softmax(Tensor.asarray(allNegInf, null, ArrayOptions.on(device)))[0]),
                    "an all -inf input gives NaN, as NumPy");
        }
    }

    @OnEveryDevice
    void rowSoftmaxKeepsEachRowsSpecialValuesToItself(Device device) {
        int cols = 1000;
        float[] x = inputs(5 * cols, 3);
        for (int j = 0; j < cols; j += 2) x[cols + j] = Float.NEGATIVE_INFINITY; // row 1: some -inf
        java.util.Arrays.fill(x, 2 * cols, 3 * cols, Float.NEGATIVE_INFINITY); // row 2: all -inf
        x[3 * cols + 5] = Float.NaN; // row 3: one NaN
        x[4 * cols + 7] = Float.POSITIVE_INFINITY; // row 4: one +inf
        UsmNdArray a = Tensor.asarray(x, new long[] {5, cols}, ArrayOptions.on(device));
        UsmNdArray e = Tensor.exp(a.subtract(Tensor.max(a, new int[] {1}, true)));
        float[] got = e.divide(Tensor.sum(e, new int[] {1}, true)).toFloatArray();
        for (int r = 0; r < 5; r++) assertClose(reference(x, r * cols, (r + 1) * cols), got, r * cols, "row " + r);
    }

    /** The fusion events of one checked softmax over 2^20+3 elements, the scale pass last. */
    static List<String> checkedSoftmaxKernels(Device device, int seed) {
        int n = (1 << 20) + 3;
        float[] x = inputs(n, seed);
        FusionDiagnostics.clear();
        float[] got = softmax(Tensor.asarray(x, null, ArrayOptions.on(device)));
        assertClose(reference(x, 0, n), got, 0, "softmax of " + n);
        return FusionDiagnostics.events();
    }

    @OnEveryDevice
    void expIsComputedAgainInTheScalePassWhereItRunsInSimdLanes(Device device) {
        List<String> events = checkedSoftmaxKernels(device, 12);
        String last = events.get(events.size() - 1);
        // OpenCL drivers vectorize the IR exp and the java device runs it in Vector API lanes (the tests' JVM has
        // jdk.incubator.vector): cheaper than writing and re-reading e.
        assertTrue(last.contains("exp("), device.filterString() + " computes exp in the scale pass: " + events);
        if (device.backend().equals("java")) {
            assertTrue(events.stream().allMatch(e -> e.contains("in Vector API lanes")), "every pass in lanes: " + events);
        }
    }

    @OnEveryDevice
    void theScalePassReadsFoldedPartialsNotAFoldPerElement(Device device) {
        List<String> events = checkedSoftmaxKernels(device, 11);
        String last = events.get(events.size() - 1);
        if (device.backend().equals("java")) return; // few chunked work-items there: each folds the partials once
        assertFalse(last.contains("partials("), "the scale kernel of " + device.filterString()
                + " runs one element per work-item, so the reductions' partials are folded before it: " + events);
    }
}
