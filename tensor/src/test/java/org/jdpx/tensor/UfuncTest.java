package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.kernels.Vectorize;
import org.jdpx.tensor.fusion.FusedKernels;
import org.jdpx.tensor.fusion.FusionDiagnostics;
import org.junit.jupiter.api.Test;

/** {@code @Vectorize} ufuncs: fused with built-in operations, compared with the methods run as plain Java. */
class UfuncTest {

    /** The functions under test, also called directly as the reference. */
    static final class Fns {
        static float relu(float x) { return x > 0 ? x : 0f; }

        static double relu(double x) { return x > 0 ? x : 0.0; }

        /** A helper call and a loop: the inlined body keeps its control flow and its callee. */
        static float poly(float x, float c) {
            float acc = 0f;
            for (int k = 0; k < 3; k++) acc = acc * x + coefficient(k, c);
            return acc;
        }

        private static float coefficient(int k, float c) { return k == 1 ? c : 1f + k; }

        @Vectorize({"int32(int32, int32)", "int64(int64, int64)"})
        static int gcd(int a, int b) {
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            return Math.abs(a);
        }

        static long gcd(long a, long b) {
            long x = Math.abs(a), y = Math.abs(b);
            for (long t; y != 0; x = t) {
                t = y;
                y = x % y;
            }
            return x;
        }

        static float smax(float a, float b) { return a >= b ? a : b - 0.5f * (b - a); }

        static boolean inUnitBall(float x, float y) { return x * x + y * y <= 1f; }

        static float cube(float x) { return x * x * x; }

        float notStatic(float x) { return x; }

        static float takesString(String s) { return 0f; }

        @Vectorize({"float32(float32, float32)"})
        static float noSuchOverload(float x) { return x; }

        @Vectorize({"float32[float32]"})
        static float malformed(float x) { return x; }

        @Vectorize({"float32(float32)"})
        static float allocates(float x) { return new float[] {x, 1}.length * x + String.valueOf(x).length(); }

        static int onlyInt(int x) { return x + 1; }

        /** Float in and out, but computed in double as Java does (0.1 is no float). */
        static float wobble(float x) { return (float) (x * 0.1 + 1.0); }
    }

    private static float[] data(int n, int seed) {
        return FusionTest.data(n, seed);
    }

    @OnEveryDevice
    void vectorizedFunctionFusesWithBuiltInsIntoOneKernel(Device device) {
        int n = 10_007;
        float[] x = data(n, 1), y = data(n, 2);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray X = Tensor.asarray(x, null, on), Y = Tensor.asarray(y, null, on);
        Ufunc relu = Ufunc.of(Fns.class, "relu");
        Ufunc poly = Ufunc.of(Fns.class, "poly");
        FusionDiagnostics.clear();
        long before = FusedKernels.launches();
        UsmNdArray r = poly.apply(relu.apply(X.multiply(2f)).add(Y), 0.5f).subtract(X);
        float[] got = r.toFloatArray();
        assertEquals(1, FusedKernels.launches() - before, FusionDiagnostics.report());
        assertTrue(FusionDiagnostics.report().contains("poly(add(relu(multiply(a0, scalar)), a1), scalar)"), FusionDiagnostics.report());
        for (int i = 0; i < n; i++) {
            float want = Fns.poly(Fns.relu(x[i] * 2f) + y[i], 0.5f) - x[i];
            assertEquals(want, got[i], 0f, "element " + i);
        }
    }

    @OnEveryDevice
    void broadcastsPromotesAndPicksTheLoopNumPyWould(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray col = Tensor.asarray(new int[] {12, 18, -27}, new long[] {3, 1}, on);
        UsmNdArray row8 = Tensor.asarray(new byte[] {4, 9, 0, -6}, new long[] {4}, on);
        Ufunc gcd = Ufunc.of(Fns.class, "gcd");
        assertEquals(List.of("ii->i", "ll->l"), gcd.types());
        UsmNdArray g = gcd.apply(col, row8);
        assertEquals(DType.INT32, g.dtype(), "int32 with int8 takes the ii->i loop");
        assertArrayEquals(new long[] {3, 4}, g.shape());
        int[] cols = {12, 18, -27}, rows = {4, 9, 0, -6};
        int[] got = g.toIntArray();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) assertEquals(Fns.gcd(cols[i], rows[j]), got[i * 4 + j]);
        UsmNdArray big = Tensor.asarray(new long[] {1L << 40, 6}, null, on);
        UsmNdArray gl = gcd.apply(big, 1L << 36);
        assertEquals(DType.INT64, gl.dtype(), "int64 needs the ll->l loop; the Java long scalar is weak");
        assertArrayEquals(new long[] {1L << 36, 2}, gl.toLongArray());
        // Bool results, a weak float scalar with a float32 array.
        UsmNdArray x = Tensor.asarray(new float[] {0.5f, 0.9f, -0.2f}, null, on);
        UsmNdArray inside = Ufunc.of(Fns.class, "inUnitBall").apply(x, 0.5);
        assertEquals(DType.BOOL, inside.dtype());
        assertArrayEquals(new boolean[] {true, false, true}, inside.toBooleanArray());
        // The double overload where the device has fp64, the float one where it has not.
        UsmNdArray r = Ufunc.of(Fns.class, "relu").apply(Tensor.asarray(new double[] {-1, 2.5}, null, on));
        assertEquals(device.hasAspect(Aspect.FP64) ? DType.FLOAT64 : DType.FLOAT32, r.dtype());
        assertArrayEquals(new double[] {0, 2.5}, r.toDoubleArray());
    }

    @OnEveryDevice
    void outAndWhereWriteOnlyTheSelectedElements(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray x = Tensor.asarray(new float[] {-2, -1, 1, 2}, null, on);
        UsmNdArray out = Tensor.asarray(new float[] {9, 9, 9, 9}, null, on);
        UsmNdArray mask = Tensor.asarray(new boolean[] {true, false, true, false}, null, on);
        Ufunc cube = Ufunc.of(Fns::cube);
        long before = FusedKernels.launches();
        cube.apply(new Object[] {x.add(1f)}, out, mask);
        assertEquals(1, FusedKernels.launches() - before);
        assertArrayEquals(new float[] {-1, 9, 8, 9}, out.toFloatArray());
        cube.apply(new Object[] {x}, out, null);
        assertArrayEquals(new float[] {-8, -1, 1, 8}, out.toFloatArray());
        UsmNdArray ints = Tensor.asarray(new int[] {0, 0, 0, 0}, null, on);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cube.apply(new Object[] {x}, ints, null));
        assertTrue(e.getMessage().contains("same_kind"), e.getMessage());
    }

    @OnEveryDevice
    void reduceAndAccumulateFoldInOrderAlongAnAxis(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        int rows = 5, cols = 7;
        float[] a = data(rows * cols, 3);
        UsmNdArray A = Tensor.asarray(a, new long[] {rows, cols}, on);
        Ufunc smax = Ufunc.of(Fns.class, "smax");
        float[] byCol = smax.reduce(A, 0).toFloatArray();
        float[] byRow = smax.reduce(A.multiply(1f), 1).toFloatArray();
        float[] all = smax.reduce(A, null).toFloatArray();
        float[] acc = smax.accumulate(A.T(), 1).toFloatArray();
        float flat = a[0];
        for (int k = 1; k < a.length; k++) flat = Fns.smax(flat, a[k]);
        assertEquals(flat, all[0], 0f);
        for (int j = 0; j < cols; j++) {
            float f = a[j];
            for (int i = 1; i < rows; i++) f = Fns.smax(f, a[i * cols + j]);
            assertEquals(f, byCol[j], 0f, "column " + j);
            float run = a[j];
            for (int i = 0; i < rows; i++) {
                if (i > 0) run = Fns.smax(run, a[i * cols + j]);
                assertEquals(run, acc[j * rows + i], 0f, "accumulate of the transposed array at " + j + "," + i);
            }
        }
        for (int i = 0; i < rows; i++) {
            float f = a[i * cols];
            for (int j = 1; j < cols; j++) f = Fns.smax(f, a[i * cols + j]);
            assertEquals(f, byRow[i], 0f, "row " + i);
        }
        UsmNdArray ints = Tensor.asarray(new long[] {84, 36, 60, 18}, null, on);
        assertEquals(6L, Ufunc.of(Fns.class, "gcd").reduce(ints).itemLong(), "gcd.reduce as numpy.gcd.reduce");
    }

    @OnEveryDevice
    void aLoopComputingInDoubleRunsOnlyWhereTheDeviceHasFp64(Device device) {
        UsmNdArray x = Tensor.asarray(new float[] {1, 2}, null, ArrayOptions.on(device));
        Ufunc wobble = Ufunc.of(Fns.class, "wobble");
        if (device.hasAspect(Aspect.FP64)) {
            assertArrayEquals(new float[] {Fns.wobble(1), Fns.wobble(2)}, wobble.apply(x).toFloatArray(), 0f);
        } else {
            assertMessage(() -> wobble.apply(x), "that runs without fp64 on " + device.filterString());
        }
    }

    @OnEveryDevice
    void aUfuncFeedsAReductionKernel(Device device) {
        int n = 200_003;
        float[] x = data(n, 5);
        UsmNdArray X = Tensor.asarray(x, null, ArrayOptions.on(device));
        double want = 0, abs = 0;
        for (float v : x) {
            want += Fns.relu(v) * 3f;
            abs += Math.abs(Fns.relu(v) * 3f);
        }
        double got = Ufunc.of(Fns.class, "relu").apply(X).multiply(3f).sum().item();
        assertEquals(want, got, 2.0 * n * Math.ulp(1f) * abs, "reassociated float32 sum");
        if (org.jdpx.kernels.plan.DevicePlan.loopLimit(device) < n) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> Ufunc.of(Fns.class, "smax").reduce(X));
            assertTrue(e.getMessage().contains("loop limit"), e.getMessage());
        }
    }

    @Test
    void badFunctionsAndCallsAreRefusedWithTheFix() {
        Device d = TestDevices.all().findFirst().orElseThrow();
        UsmNdArray x = Tensor.asarray(new float[] {1, 2}, null, ArrayOptions.on(d));
        assertMessage(() -> Ufunc.of(Fns.class, "notStatic"), "instance method");
        assertMessage(() -> Ufunc.of(Fns.class, "takesString"), "java.lang.String");
        assertMessage(() -> Ufunc.of(Fns.class, "missing"), "no method missing");
        assertMessage(() -> Ufunc.of(Fns.class, "noSuchOverload"), "no matching overload");
        assertMessage(() -> Ufunc.of(Fns.class, "malformed"), "malformed");
        assertMessage(() -> Ufunc.of(Fns.class, "onlyInt").apply(x), "no loop for inputs [float32]");
        assertMessage(() -> Ufunc.of(Fns.class, "relu").apply(x, x), "takes 1 inputs");
        assertMessage(() -> Ufunc.of(Fns.class, "relu").reduce(x), "needs a binary ufunc");
        assertMessage(() -> Ufunc.of(Fns.class, "smax").reduce(Tensor.asarray(new float[0], null, ArrayOptions.on(d))), "no identity");
        assertMessage(() -> Ufunc.of(Fns.class, "smax").reduce(x, 3), "out of bounds");
        KernelCompileException k = assertThrows(KernelCompileException.class, () -> Ufunc.of(Fns.class, "allocates"));
        assertTrue(k.getMessage().contains("UfuncTest.java"), k.getMessage());
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
