package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tensor {@code exp} (a polynomial in the IR, {@link ExpLowering}) against
 * {@link StrictMath#exp}: at most 2 ulp apart over a sweep of the whole range and the edge cases
 * (overflow and underflow thresholds, subnormal results, infinities, NaN, zeros), in float32 and
 * float64, on every device; and the same bits on every device.
 */
class ExpLoweringTest {
    private static final int MAX_ULP = 2;

    /** Inputs spanning float32's whole exp range, its edges and the special values. */
    static float[] floatInputs() {
        float[] edges = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f, -1e-30f, 1f, -1f, 0.5f, 0.34657359f,
            -0.34657359f, 88.72283f, 88.722839f, 88.7229f, 89f, 100f, -87.33654f, -87.3366f, -103.27893f, -103.972076f,
            -103.97208f, -104f, -110f, -150f};
        Random rnd = new Random(13);
        int sweep = 200_000, random = 60_000;
        float[] x = Arrays.copyOf(edges, edges.length + sweep + random);
        for (int i = 0; i < sweep; i++) x[edges.length + i] = -105f + 195f * i / sweep;
        for (int i = 0; i < random; i++) {
            // Random bit patterns of magnitude up to ~2^7, so tiny arguments are covered too.
            float v = Float.intBitsToFloat(rnd.nextInt(0x43000000));
            x[edges.length + sweep + i] = rnd.nextBoolean() ? v : -v;
        }
        return x;
    }

    static double[] doubleInputs() {
        double[] edges = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e-300, 1.0, -1.0, 0.34657359027997264,
            709.782712893384, 709.7827128933841, 709.79, 710.0, 800.0, -708.3964185322641, -708.4, -744.4400719213812,
            -745.1332191019411, -745.1332191019412, -745.2, -746.0, -760.0, -800.0};
        Random rnd = new Random(17);
        int sweep = 200_000, random = 60_000;
        double[] x = Arrays.copyOf(edges, edges.length + sweep + random);
        for (int i = 0; i < sweep; i++) x[edges.length + i] = -750.0 + 1462.0 * i / sweep;
        for (int i = 0; i < random; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong(0x4088000000000000L));
            x[edges.length + sweep + i] = rnd.nextBoolean() ? v : -v;
        }
        return x;
    }

    @OnEveryDevice
    void float32WithinTwoUlpOfStrictMath(Device device) {
        float[] x = floatInputs();
        float[] got = Tensor.exp(Tensor.asarray(x, null, ArrayOptions.on(device))).toFloatArray();
        int worst = 0;
        for (int i = 0; i < x.length; i++) {
            float want = (float) StrictMath.exp(x[i]);
            if (Float.isNaN(want)) {
                assertTrue(Float.isNaN(got[i]), "exp(" + x[i] + ") = " + got[i] + ", expected NaN");
                continue;
            }
            int ulps = Math.abs(Float.floatToIntBits(got[i]) - Float.floatToIntBits(want));
            assertTrue(ulps <= MAX_ULP, "exp(" + x[i] + ") = " + got[i] + ", StrictMath gives " + want + ": " + ulps + " ulp");
            worst = Math.max(worst, ulps);
        }
        assertEquals(Float.POSITIVE_INFINITY, got[1], "exp(+inf)");
        assertEquals(0f, got[2], "exp(-inf)");
        assertEquals(1f, got[3], "exp(0)");
        assertTrue(worst <= MAX_ULP, worst + " ulp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jdpx.device.testing.TestDevices#withFp64")
    void float64WithinTwoUlpOfStrictMath(Device device) {
        double[] x = doubleInputs();
        double[] got = Tensor.exp(Tensor.asarray(x, null, ArrayOptions.on(device))).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            double want = StrictMath.exp(x[i]);
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got[i]), "exp(" + x[i] + ") = " + got[i] + ", expected NaN");
                continue;
            }
            long ulps = Math.abs(Double.doubleToLongBits(got[i]) - Double.doubleToLongBits(want));
            assertTrue(ulps <= MAX_ULP, "exp(" + x[i] + ") = " + got[i] + ", StrictMath gives " + want + ": " + ulps + " ulp");
        }
        assertEquals(Double.POSITIVE_INFINITY, got[1], "exp(+inf)");
        assertEquals(0.0, got[2], "exp(-inf)");
        assertEquals(1.0, got[3], "exp(0)");
    }

    /** IEEE additions and multiplications only, never fused: every device computes the java device's bits. */
    @OnEveryDevice
    void sameBitsAsTheJavaDevice(Device device) {
        float[] x = floatInputs();
        float[] reference = Tensor.exp(Tensor.asarray(x, null, ArrayOptions.on(TestDevices.java()))).toFloatArray();
        float[] got = Tensor.exp(Tensor.asarray(x, null, ArrayOptions.on(device))).toFloatArray();
        assertArrayEquals(reference, got, "float32 exp on " + device.filterString());
    }

    /**
     * The same in float64, where a device has it. On the java device {@code exp} alone runs in
     * Vector API lanes ({@code DoubleBlocks}); {@code exp(x) * w}, with w a strided view, takes
     * the IR kernel's scalar loop instead: both must give the OpenCL devices' bits.
     */
    @OnEveryDevice
    void sameBitsAsTheJavaDeviceInFloat64(Device device) {
        Assumptions.assumeTrue(device.hasAspect(Aspect.FP64), "needs fp64");
        double[] x = doubleInputs();
        double[] ones = new double[2 * x.length];
        Arrays.fill(ones, 1.0);
        ArrayOptions java = ArrayOptions.on(TestDevices.java());
        double[] lanes = Tensor.exp(Tensor.asarray(x, null, java)).toDoubleArray();
        double[] scalar = Tensor.exp(Tensor.asarray(x, null, java)).multiply(Tensor.asarray(ones, null, java).get("::2"))
                .toDoubleArray();
        assertArrayEquals(lanes, scalar, "float64 exp on the java device: lanes against the IR kernel");
        double[] got = Tensor.exp(Tensor.asarray(x, null, ArrayOptions.on(device))).toDoubleArray();
        assertArrayEquals(lanes, got, "float64 exp on " + device.filterString());
    }
}
