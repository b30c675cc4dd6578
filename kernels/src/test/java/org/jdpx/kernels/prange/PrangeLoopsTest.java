package org.jdpx.kernels.prange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.usm.UsmMemory;

/**
 * Parallel loops on every device against the same methods called as plain Java. Floating-point
 * sums may differ by reassociation only: the bound used is the classic worst case for summing
 * {@code n} terms in any order, {@code 2 n eps sum|terms|}.
 */
class PrangeLoopsTest {

    private static double reassociation(long n, double eps, double absSum) {
        return 2.0 * n * eps * absSum;
    }

    /** Runs {@code body} where the device has fp64; elsewhere expects the clear aspect error. */
    private static void withFp64(Device device, Runnable body) {
        if (device.hasAspect(Aspect.FP64)) {
            body.run();
        } else {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, body::run);
            assertTrue(e.getMessage().contains("fp64"), e.getMessage());
        }
    }

    private static UsmMemory floats(Device d, float[] v) {
        UsmMemory m = UsmMemory.allocateDevice(d, 4L * v.length);
        m.copyFromHost(v);
        return m;
    }

    private static UsmMemory doubles(Device d, double[] v) {
        UsmMemory m = UsmMemory.allocateDevice(d, 8L * v.length);
        m.copyFromHost(v);
        return m;
    }

    private static float[] randomFloats(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }

    @OnEveryDevice
    void piWithTenMillionStepsInDouble(Device device) {
        int steps = 10_000_000;
        withFp64(device, () -> assertEquals(PrangeSamples.pi(steps), Prange.compile(PrangeSamples::pi, device).apply(steps),
                reassociation(steps, Math.ulp(1.0), Math.PI)));
    }

    @OnEveryDevice
    void piInFloat(Device device) {
        int steps = 1_000_000;
        assertEquals(PrangeSamples.piFloat(steps), Prange.compile(PrangeSamples::piFloat, device).apply(steps),
                reassociation(steps, Math.ulp(1f), Math.PI));
    }

    @OnEveryDevice
    void l2Distance(Device device) {
        int n = 100_003;
        float[] xf = randomFloats(n, 1), yf = randomFloats(n, 2);
        double[] x = new double[n], y = new double[n];
        double abs = 0;
        for (int i = 0; i < n; i++) {
            x[i] = xf[i];
            y[i] = yf[i];
            abs += (x[i] - y[i]) * (x[i] - y[i]);
        }
        double absSum = abs;
        try (UsmMemory xm = floats(device, xf); UsmMemory ym = floats(device, yf)) {
            float got = Prange.compile(PrangeSamples::l2Float).apply(FloatArray.on(xm), FloatArray.on(ym));
            assertEquals(PrangeSamples.l2Float(FloatArray.of(xf), FloatArray.of(yf)), got,
                    reassociation(n, Math.ulp(1f), absSum) / Math.sqrt(absSum));
        }
        try (UsmMemory xm = doubles(device, x); UsmMemory ym = doubles(device, y)) {
            withFp64(device, () -> assertEquals(PrangeSamples.l2(DoubleArray.of(x), DoubleArray.of(y)),
                    Prange.compile(PrangeSamples::l2).apply(DoubleArray.on(xm), DoubleArray.on(ym)),
                    reassociation(n, Math.ulp(1.0), absSum) / Math.sqrt(absSum)));
        }
    }

    @OnEveryDevice
    void nestedLoopsScaleAMatrixOverATwoDimensionalRange(Device device) {
        int rows = 37, cols = 129;
        float[] a = randomFloats(rows * cols, 3);
        float[] want = a.clone();
        PrangeSamples.scale(FloatArray.of(want), rows, cols, 3f);
        try (UsmMemory m = floats(device, a)) {
            Prange.compile(PrangeSamples::scale).run(FloatArray.on(m), rows, cols, 3f);
            float[] got = new float[a.length];
            m.copyToHost(got);
            assertArrayEquals(want, got, 0f);
        }
        assertTrue(Prange.diagnostics(PrangeSamples.class, "scale").contains("2-D range"));
    }

    @OnEveryDevice
    void minAndMaxReductions(Device device) {
        float[] v = randomFloats(50_001, 4);
        v[31_337] = -7f;
        v[4_242] = 9f;
        try (UsmMemory m = floats(device, v)) {
            assertEquals(-7f, Prange.compile(PrangeSamples::min).apply(FloatArray.on(m)));
            assertEquals(9f, Prange.compile(PrangeSamples::max).apply(FloatArray.on(m)));
        }
        int[] ints = new int[10_007];
        for (int i = 0; i < ints.length; i++) ints[i] = (i * 7919) % 10_007 - 5_000;
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * ints.length)) {
            m.copyFromHost(ints);
            var minInt = Prange.compile(PrangeSamples::minInt);
            assertEquals(PrangeSamples.minInt(IntArray.of(ints), 0), minInt.apply(IntArray.on(m), 0));
            assertEquals(-9_999, minInt.apply(IntArray.on(m), -9_999), "the value before the loop takes part");
        }
    }

    @OnEveryDevice
    void intProductWrapsExactlyAsJava(Device device) {
        int[] v = new int[20_011];
        Random r = new Random(5);
        for (int i = 0; i < v.length; i++) v[i] = 1 + 2 * r.nextInt(3);
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * v.length)) {
            m.copyFromHost(v);
            assertEquals(PrangeSamples.product(IntArray.of(v)), Prange.compile(PrangeSamples::product).apply(IntArray.on(m)));
        }
    }

    @OnEveryDevice
    void longSubtractionOverALongLoopVariable(Device device) {
        long[] v = new long[9_999];
        for (int i = 0; i < v.length; i++) v[i] = (long) i * 1_000_003L;
        try (UsmMemory m = UsmMemory.allocateDevice(device, 8L * v.length)) {
            m.copyFromHost(v);
            assertEquals(PrangeSamples.sumMinusLong(LongArray.of(v)),
                    Prange.compile(PrangeSamples::sumMinusLong).apply(LongArray.on(m)));
        }
    }

    @OnEveryDevice
    void conditionalReductions(Device device) {
        float[] v = randomFloats(70_000, 6);
        double abs = 0;
        for (float f : v) abs += Math.abs(f);
        try (UsmMemory m = floats(device, v)) {
            float got = Prange.compile(PrangeSamples::conditional).apply(FloatArray.on(m), 0.25f);
            float want = PrangeSamples.conditional(FloatArray.of(v), 0.25f);
            assertEquals(want, got, reassociation(v.length, Math.ulp(1f), abs) + Math.ulp(want));
            assertEquals((int) (want / 1000f), (int) (got / 1000f), "the count is exact");
        }
    }

    @OnEveryDevice
    void readsASharedArrayItNeverWrites(Device device) {
        float[] coefficients = {1f, -0.5f, 0.25f, 2f};
        float[] x = randomFloats(4_099, 7);
        float[] want = new float[x.length];
        PrangeSamples.polynomial(FloatArray.of(coefficients), FloatArray.of(x), FloatArray.of(want));
        try (UsmMemory c = floats(device, coefficients); UsmMemory xm = floats(device, x);
             UsmMemory out = UsmMemory.allocateDevice(device, 4L * x.length)) {
            Prange.compile(PrangeSamples::polynomial).run(FloatArray.on(c), FloatArray.on(xm), FloatArray.on(out));
            float[] got = new float[x.length];
            out.copyToHost(got);
            for (int i = 0; i < x.length; i++) assertEquals(want[i], got[i], 4 * Math.ulp(want[i]) + 1e-7f, "x[" + i + "]");
            float[] back = new float[coefficients.length];
            c.copyToHost(back);
            assertArrayEquals(coefficients, back, 0f);
        }
    }

    @OnEveryDevice
    void innerParallelLoopThatDependsOnTheOuterRunsSerially(Device device) {
        int n = 300;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = 1.0 / (i + 1);
        try (UsmMemory m = doubles(device, a)) {
            withFp64(device, () -> assertEquals(PrangeSamples.triangle(DoubleArray.of(a), n),
                    Prange.compile(PrangeSamples::triangle).apply(DoubleArray.on(m), n), reassociation(n * n, Math.ulp(1.0), n * 7.0)));
        }
        String report = Prange.diagnostics(PrangeSamples.class, "triangle");
        assertTrue(report.contains("PrangeSamples.java:115 (for j): serialized"), report);
        assertTrue(report.contains("bounds depend on an outer loop variable"), report);
    }

    @OnEveryDevice
    void emptyRangeLeavesReductionsAsTheyWere(Device device) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4)) {
            IntArray none = IntArray.on(m, 0);
            assertEquals(1, Prange.compile(PrangeSamples::product).apply(none));
            assertEquals(7, Prange.compile(PrangeSamples::minInt).apply(none, 7));
        }
    }

    @OnEveryDevice
    void histogramIsAnArrayReduction(Device device) {
        float[] v = randomFloats(100_003, 8);
        try (UsmMemory m = floats(device, v)) {
            var histogram = Prange.compile(PrangeSamples::histogram, device);
            int[] got = histogram.apply(FloatArray.on(m), -1f, 1f, 10);
            assertArrayEquals(PrangeSamples.histogram(FloatArray.of(v), -1f, 1f, 10), got);
            assertEquals(v.length, java.util.Arrays.stream(got).sum(), "every element lands in one bin");
            assertArrayEquals(PrangeSamples.histogram(FloatArray.of(v), -0.5f, 0.5f, 1024),
                    histogram.apply(FloatArray.on(m), -0.5f, 0.5f, 1024), "the largest private copy");
            String tooLarge = failure(IllegalArgumentException.class, () -> histogram.apply(FloatArray.on(m), -1f, 1f, 1025));
            assertTrue(tooLarge.contains("'hist'") && tooLarge.contains("1025 elements"), tooLarge);
        }
        String report = Prange.diagnostics(PrangeSamples.class, "histogram");
        assertTrue(report.contains("array reduction hist (int[], + per element"), report);
    }

    @OnEveryDevice
    void columnSumsAddToTheArrayInPlace(Device device) {
        int rows = 20_011, m = 7;
        double[] x = new double[rows * m];
        Random r = new Random(9);
        double abs = 0;
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextDouble() * 2 - 1;
            abs += Math.abs(x[k]);
        }
        double[] want = {1, 2, 3, 4, 5, 6, 7};
        PrangeSamples.columnSums(DoubleArray.of(x), rows, m, want);
        double bound = reassociation(rows, Math.ulp(1.0), abs + 28);
        try (UsmMemory xm = doubles(device, x)) {
            withFp64(device, () -> {
                double[] got = {1, 2, 3, 4, 5, 6, 7};
                Prange.compile(PrangeSamples::columnSums, device).run(DoubleArray.on(xm), rows, m, got);
                assertArrayEquals(want, got, bound);
            });
        }
    }

    @OnEveryDevice
    void minMaxAndProductArrayReductionsNextToAScalarOne(Device device) {
        float[] v = randomFloats(30_001, 10);
        v[12_345] = -3f;
        v[22_222] = 5f;
        float[] low = {Float.POSITIVE_INFINITY, 0f, -2f, -5f, 1f}, high = {0f, 0f, 0f, 0f, 9f};
        long[] odd = {1, 2, 3, 4, 5};
        float[] wantLow = low.clone(), wantHigh = high.clone();
        long[] wantOdd = odd.clone();
        float want = PrangeSamples.bucketRange(FloatArray.of(v), wantLow, wantHigh, wantOdd);
        double abs = 0;
        for (float f : v) abs += Math.abs(f);
        try (UsmMemory m = floats(device, v)) {
            float got = Prange.compile(PrangeSamples::bucketRange, device).apply(FloatArray.on(m), low, high, odd);
            assertArrayEquals(wantLow, low, 0f);
            assertArrayEquals(wantHigh, high, 0f);
            assertArrayEquals(wantOdd, odd, "long products wrap exactly as in Java");
            assertEquals(want, got, reassociation(v.length, Math.ulp(1f), abs));
        }
    }

    @OnEveryDevice
    void bodyCallsPrivateAndPackagePrivateHelpers(Device device) {
        double[] v = new double[10_001];
        double abs = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.sin(k);
            abs += 2;
        }
        double bound = reassociation(v.length, Math.ulp(1.0), abs) + 1e-12;
        try (UsmMemory m = doubles(device, v)) {
            withFp64(device, () -> assertEquals(PrangeSamples.smoothSum(DoubleArray.of(v)),
                    Prange.compile(PrangeSamples::smoothSum, device).apply(DoubleArray.on(m)), bound));
        }
    }

    @OnEveryDevice
    void unrolledReductionOverATwoDimensionalRangeIsExact(Device device) {
        int rows = 29, cols = 1_003;
        int[] v = new int[rows * cols];
        Random r = new Random(11);
        for (int k = 0; k < v.length; k++) v[k] = r.nextInt(2_000_001) - 1_000_000;
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * v.length)) {
            m.copyFromHost(v);
            assertEquals(PrangeSamples.weightedSum(IntArray.of(v), rows, cols),
                    Prange.compile(PrangeSamples::weightedSum, device).apply(IntArray.on(m), rows, cols));
        }
    }

    static <T extends Throwable> String failure(Class<T> type, Supplier<?> call) {
        return assertThrows(type, call::get).getMessage();
    }
}
