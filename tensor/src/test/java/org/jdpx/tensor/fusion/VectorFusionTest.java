package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused float graphs the java device runs in Vector API lanes ({@link VectorFusion}), on every
 * device against plain Java: each elementwise operation of the block subset with NaN, infinities,
 * signed zeros and exp's overflow and underflow among the inputs; sum/prod/min/max over all axes,
 * the last axis (block path) and the first (the IR kernel), with inputs whose sums are exact so
 * a lost or doubled element shows; sizes 1, 31, 1000 and 2^20+3 in float32 and float64. On the java
 * device the elementwise values must have the IR kernel's bits exactly.
 */
class VectorFusionTest {
    private static final int[] SIZES = {1, 31, 1000, (1 << 20) + 3};

    /** Random values with the special ones spread through them. */
    static double[] inputs(int n, int seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextGaussian() * 30;
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 100.0, -120.0,
            800.0, -800.0, 1e-40, -1e-310, 88.5, -104.0};
        for (int k = 0; k < special.length && k * 7 < n; k++) x[(k * 7919 + seed) % n] = special[k];
        return x;
    }

    /** One operation of the block subset: how the tensor API spells it and what plain Java computes. */
    record Case(String name, Function<UsmNdArray[], UsmNdArray> tensor, DoubleBinaryOperator java, boolean exactOnOpenCl) {
    }

    static List<Case> cases(boolean f32) {
        DoubleBinaryOperator maximum = (a, b) -> Double.isNaN(a) ? a : Double.isNaN(b) ? b : a > b ? a : b;
        DoubleBinaryOperator minimum = (a, b) -> Double.isNaN(a) ? a : Double.isNaN(b) ? b : a < b ? a : b;
        return List.of(
                new Case("add", v -> v[0].add(v[1]), (a, b) -> r(f32, a + b), true),
                new Case("subtract", v -> v[0].subtract(v[1]), (a, b) -> r(f32, a - b), true),
                new Case("multiply", v -> v[0].multiply(v[1]), (a, b) -> r(f32, a * b), true),
                new Case("divide", v -> v[0].divide(v[1]), (a, b) -> r(f32, a / b), false),
                new Case("negative", v -> Tensor.negative(v[0]), (a, b) -> -a, true),
                new Case("abs", v -> Tensor.abs(v[0]), (a, b) -> Math.abs(a), true),
                new Case("square", v -> Tensor.square(v[0]), (a, b) -> r(f32, a * a), true),
                new Case("reciprocal", v -> Tensor.reciprocal(v[0]), (a, b) -> r(f32, 1 / a), false),
                new Case("sqrt", v -> Tensor.sqrt(v[0]), (a, b) -> r(f32, Math.sqrt(a)), false),
                new Case("maximum", v -> Tensor.maximum(v[0], v[1]), maximum, true),
                new Case("minimum", v -> Tensor.minimum(v[0], v[1]), minimum, true),
                new Case("exp", v -> Tensor.exp(v[0]), (a, b) -> r(f32, StrictMath.exp(a)), false),
                // Scalars and a fused chain: the kernel sees broadcast constants and several steps in one block.
                new Case("exp(x - y*0.5) / 4", v -> Tensor.exp(v[0].subtract(v[1].multiply(0.5))).divide(4),
                        (a, b) -> r(f32, r(f32, StrictMath.exp(r(f32, a - r(f32, b * 0.5)))) / 4), false));
    }

    private static double r(boolean f32, double v) {
        return f32 ? (float) v : v;
    }

    /** Exact on the java device (and for IEEE-exact operations everywhere); within 3 ulp otherwise (OpenCL's division and sqrt, and exp). */
    private static void check(Case c, boolean f32, Device device, double[] x, double[] y, double[] got, int n) {
        boolean exact = c.exactOnOpenCl() || device.backend().equals("java") && !c.name().startsWith("exp");
        for (int i = 0; i < n; i++) {
            double want = c.java().applyAsDouble(r(f32, x[i]), r(f32, y[i]));
            String what = c.name() + " of " + x[i] + ", " + y[i] + " on " + device.filterString() + " (n=" + n + ", element " + i + ")";
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got[i]), what + ": got " + got[i] + ", want NaN");
            } else if (want == 0 && (c.name().equals("maximum") || c.name().equals("minimum"))) {
                assertEquals(0.0, got[i], 0.0, what); // which zero of two equal ones is free
            } else if (exact) {
                assertEquals(want, got[i], 0.0, what);
            } else {
                double ulps = f32 ? Math.abs(Float.floatToIntBits((float) got[i]) - Float.floatToIntBits((float) want))
                        : Math.abs(Double.doubleToLongBits(got[i]) - Double.doubleToLongBits(want));
                // rusticl's expf flushes subnormal results to zero
                boolean flushed = got[i] == 0 && Math.abs(want) < (f32 ? Float.MIN_NORMAL : Double.MIN_NORMAL);
                assertTrue(ulps <= 3 || flushed, what + ": got " + got[i] + ", want " + want + " (" + ulps + " ulp)");
            }
        }
    }

    private static void elementwise(Device device, boolean f32) {
        for (int n : SIZES) {
            double[] x = inputs(n, n), y = inputs(n, n + 1);
            ArrayOptions o = ArrayOptions.on(device);
            UsmNdArray[] v = f32
                    ? new UsmNdArray[] {Tensor.asarray(floats(x), null, o), Tensor.asarray(floats(y), null, o)}
                    : new UsmNdArray[] {Tensor.asarray(x, null, o), Tensor.asarray(y, null, o)};
            for (Case c : cases(f32)) check(c, f32, device, x, y, c.tensor().apply(v).toDoubleArray(), n);
        }
    }

    @OnEveryDevice
    void float32OperationsMatchPlainJava(Device device) {
        elementwise(device, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jdpx.device.testing.TestDevices#withFp64")
    void float64OperationsMatchPlainJava(Device device) {
        elementwise(device, false);
    }

    static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    /** Quarters in [-1, 1]: every sum of up to 2^22 of them is exact in float32, so sums must match exactly. */
    static double[] quarters(int n, int seed) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = ((i * 7 + seed) % 9 - 4) * 0.25;
        return x;
    }

    /** Ones with a few twos and halves: products exact and in range. */
    static double[] nearOnes(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0);
        for (int k = 0; k < 12 && k < n; k++) x[(k * 104729) % n] = k % 2 == 0 ? 2.0 : 0.5;
        if (n > 3) x[n - 1] = 2.0;
        return x;
    }

    private static double javaReduce(String op, double[] x, int from, int to, int step) {
        double acc = switch (op) {
            case "sum" -> 0;
            case "prod" -> 1;
            case "max" -> Double.NEGATIVE_INFINITY;
            default -> Double.POSITIVE_INFINITY;
        };
        for (int i = from; i < to; i += step) {
            double v = x[i];
            acc = switch (op) {
                case "sum" -> acc + v;
                case "prod" -> acc * v;
                case "max" -> Double.isNaN(v) || v > acc ? v : acc;
                default -> Double.isNaN(v) || v < acc ? v : acc;
            };
        }
        return acc;
    }

    private static UsmNdArray reduce(String op, UsmNdArray a, int[] axes) {
        return switch (op) {
            case "sum" -> Tensor.sum(a, axes, false);
            case "prod" -> Tensor.prod(a, axes, false);
            case "max" -> Tensor.max(a, axes, false);
            default -> Tensor.min(a, axes, false);
        };
    }

    private static void reductions(Device device, boolean f32) {
        for (int n : SIZES) {
            for (String op : List.of("sum", "prod", "max", "min")) {
                double[] base = op.equals("prod") ? nearOnes(n) : quarters(n, n);
                double[] nan = base.clone();
                nan[n / 2] = Double.NaN;
                double[] inf = base.clone();
                inf[n - 1] = Double.POSITIVE_INFINITY;
                inf[0] = n > 1 ? Double.NEGATIVE_INFINITY : inf[0];
                for (double[] x : List.of(base, nan, inf)) {
                    UsmNdArray a = f32 ? Tensor.asarray(floats(x), null, ArrayOptions.on(device))
                            : Tensor.asarray(x, null, ArrayOptions.on(device));
                    // The elementwise step in front is fused into the reduction: x * 1 + 0 keeps the values.
                    double got = reduce(op, a.multiply(1).add(0), null).toDoubleArray()[0];
                    assertSame(javaReduce(op, x, 0, n, 1), got, op + " of " + n + " on " + device.filterString());
                    // Rows and columns: the last axis (contiguous lines) and the first (strided ones).
                    int cols = n >= 1000 ? 1000 : n;
                    int rows = n / cols;
                    UsmNdArray m = a.get("0:" + rows * cols).reshape(rows, cols);
                    double[] lastAxis = reduce(op, m, new int[] {1}).toDoubleArray();
                    double[] firstAxis = reduce(op, m, new int[] {0}).toDoubleArray();
                    for (int row = 0; row < rows; row++) {
                        assertSame(javaReduce(op, x, row * cols, (row + 1) * cols, 1), lastAxis[row], op + " of row " + row);
                    }
                    for (int col = 0; col < cols; col++) {
                        assertSame(javaReduce(op, x, col, rows * cols, cols), firstAxis[col], op + " of column " + col);
                    }
                }
            }
        }
    }

    private static void assertSame(double want, double got, String what) {
        if (Double.isNaN(want)) assertTrue(Double.isNaN(got), what + ": got " + got + ", want NaN");
        else assertEquals(want, got, 0.0, what);
    }

    @OnEveryDevice
    void float32ReductionsAreExactWhereTheSumIs(Device device) {
        reductions(device, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jdpx.device.testing.TestDevices#withFp64")
    void float64ReductionsAreExactWhereTheSumIs(Device device) {
        reductions(device, false);
    }

    /**
     * Which sums the java device leaves to the IR kernel ({@link VectorFusion#sumsAsScalarLoop}):
     * arithmetic over two dense arrays goes there, a sum of one array, a maximum and a sum with a
     * broadcast input stay in lanes; each against plain Java (exact: small integers).
     */
    @Test
    void javaDeviceSumsTwoDenseArraysAsTheIrKernel() {
        Device java = TestDevices.java();
        int n = (1 << 18) + 5;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 9;
            y[i] = (i % 5) - 2;
        }
        ArrayOptions on = ArrayOptions.on(java).dtype(org.jdpx.tensor.DType.FLOAT64);
        UsmNdArray a = Tensor.asarray(x, null, on), b = Tensor.asarray(y, null, on);
        UsmNdArray two = Tensor.asarray(new double[] {2}, null, on);
        double sq = 0, one = 0, max = Double.NEGATIVE_INFINITY, scaled = 0;
        for (int i = 0; i < n; i++) {
            sq += (x[i] - y[i]) * (x[i] - y[i]);
            one += x[i];
            max = Math.max(max, x[i] * y[i]);
            scaled += x[i] * 2;
        }
        String[] wants = {"IR", "lanes", "lanes", "lanes"};
        double[] want = {sq, one, max, scaled};
        for (int k = 0; k < 4; k++) {
            FusionDiagnostics.clear();
            UsmNdArray r = switch (k) {
                case 0 -> Tensor.square(a.subtract(b)).sum();
                case 1 -> a.sum();
                case 2 -> a.multiply(b).max();
                default -> a.multiply(two).sum();
            };
            assertEquals(want[k], r.item(), 0.0, "case " + k);
            boolean lanes = FusionDiagnostics.events().stream().anyMatch(e -> e.startsWith("kernel reduce in Vector API lanes"));
            assertEquals(wants[k], lanes ? "lanes" : "IR", "case " + k + ": " + FusionDiagnostics.events());
        }
    }

    /** A row softmax on the java device: the row maxima broadcast along each row are a per-row constant of the block loop. */
    @Test
    void javaDeviceRunsSoftmaxInVectorLanesWithTheIrKernelsBits() {
        Device java = TestDevices.java();
        int rows = 7, cols = 1003;
        float[] x = floats(inputs(rows * cols, 5));
        UsmNdArray a = Tensor.asarray(x, new long[] {rows, cols}, ArrayOptions.on(java));
        FusionDiagnostics.clear();
        float[] vector = rowSoftmax(a);
        List<String> events = FusionDiagnostics.events();
        assertTrue(events.stream().filter(e -> e.contains("in Vector API lanes")).count() >= 3,
                "max, sum and the scale pass run in Vector API lanes on the java device: " + events);
        float[] ir;
        VectorFusion.enabled = false;
        try {
            FusionDiagnostics.clear();
            ir = rowSoftmax(a);
            assertTrue(FusionDiagnostics.events().stream().noneMatch(e -> e.contains("in Vector API lanes")), "switched off");
        } finally {
            VectorFusion.enabled = true;
        }
        // The same exp bits; the row sums may differ in their last bit (another order of additions).
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(ir[i])) {
                assertTrue(Float.isNaN(vector[i]), "element " + i);
            } else {
                assertEquals(ir[i], vector[i], Math.max(Math.abs(ir[i]) * 2e-6f, Float.MIN_NORMAL), "element " + i);
            }
        }
        float[] e = Tensor.exp(a.subtract(Tensor.max(a, new int[] {1}, true))).toFloatArray();
        VectorFusion.enabled = false;
        try {
            assertArrayEquals(Tensor.exp(a.subtract(Tensor.max(a, new int[] {1}, true))).toFloatArray(), e,
                    "exp(x - rowmax) has the IR kernel's bits");
        } finally {
            VectorFusion.enabled = true;
        }
    }

    private static float[] rowSoftmax(UsmNdArray a) {
        UsmNdArray e = Tensor.exp(a.subtract(Tensor.max(a, new int[] {1}, true)));
        return e.divide(Tensor.sum(e, new int[] {1}, true)).toFloatArray();
    }
}
