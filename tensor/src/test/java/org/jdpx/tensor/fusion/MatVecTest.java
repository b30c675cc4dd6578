package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.plan.GemvConfig;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.PlanCase;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.linalg.Gemm;
import org.jdpx.tensor.linalg.Strided;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matrix-vector products through {@link Gemm#run} on every device and plan, against plain Java
 * in double precision: both layouts of the matrix (rows or columns contiguous), {@code m == 1}
 * products, K cut into slices (few rows, long rows), several tiles of outputs, stacks, x and y
 * with steps (negative ones too), alpha and beta. On OpenCL CPU drivers (their own plan) the
 * products with non-negative steps must run as the GEMV kernels ({@link MatVec}), and under the
 * GPU plan every product as the GPU plan's ({@link GpuMatVec}), not as a one-column GEMM (a single
 * 1 x k @ k x 1 product as the dot kernels, {@link DotProduct}); the GPU plan's row form also with
 * other {@link GemvConfig} shapes (narrower rows, several sums per item). An element passes within
 * {@code 2 k eps (|alpha| |A| |x| + |beta| |y|)[i]}.
 */
class MatVecTest {
    private static final Random RND = new Random(5);

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    /** One product: the matrix stored {@code m x k} (rows contiguous) or {@code k x m} (columns contiguous). */
    private record Shape(long batch, long m, long k, boolean columns, int xStep, int yStep) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(1, 1, 1, false, 1, 1), new Shape(1, 7, 7, false, 1, 1), new Shape(1, 33, 257, true, 1, 1),
            new Shape(1, 257, 33, false, 3, 2), new Shape(1, 1000, 1000, true, 2, 1), new Shape(1, 4097, 7, false, 1, 1),
            new Shape(1, 4097, 33, true, 1, 3), new Shape(1, 3, 20_011, false, 1, 1), new Shape(1, 5, 20_011, true, 1, 1),
            new Shape(1, 2500, 77, true, 1, 1), new Shape(3, 257, 33, false, 1, 1), new Shape(3, 33, 1000, true, 2, 2),
            new Shape(2, 1, 4097, false, 1, 1), new Shape(1, 1000, 4097, false, -1, 1),
            new Shape(2, 4097, 257, true, -2, 1), new Shape(1, 7, 4097, true, 1, -1), new Shape(3, 1, 1000, false, -3, 2),
            new Shape(2, 33, 7, false, 1, -2), new Shape(1, 257, 1, true, -1, 1));

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void productsMatchPlainJavaAndRunTheGemvKernelsOfThePlan(PlanCase c) {
        // the plan in force: JDPX_SCHEDULE=gpu (run-tests.sh's second pass) forces it without c.gpu()
        boolean gpuPlan = c.run(() -> DevicePlan.of(c.device()).isGpu());
        boolean cpuDriver = !c.device().backend().equals("java") && !gpuPlan && !c.llvmpipe();
        for (DType t : c.device().hasAspect(Aspect.FP64) ? List.of(DType.FLOAT32, DType.FLOAT64) : List.of(DType.FLOAT32)) {
            for (Shape s : SHAPES) {
                for (double[] ab : new double[][] {{1, 0}, {-2, 0.5}}) {
                    List<String> events = c.run(() -> {
                        FusionDiagnostics.clear();
                        check(c, t, s, ab[0], ab[1]);
                        return FusionDiagnostics.events();
                    });
                    boolean forward = s.xStep() > 0 && s.yStep() > 0;
                    if ((cpuDriver && forward) || gpuPlan) {
                        // one 1 x k @ k x 1 product without alpha and beta is the dot of two vectors
                        boolean dot = s.batch() == 1 && s.m() == 1 && ab[0] == 1 && ab[1] == 0;
                        String form = dot ? "[dot " : "[gemv " + (gpuPlan ? "group " : "")
                                + (s.columns() && s.m() > 1 ? "columns" : "rows");
                        assertTrue(events.stream().anyMatch(e -> e.contains(form))
                                && events.stream().noneMatch(e -> e.contains("[gemm")), c + " " + t + " " + s + ": " + events);
                    }
                }
            }
        }
    }

    /** Row shapes the sweep on a GPU would try: narrow rows, several sums per item, odd unrolls. */
    private static final List<GemvConfig> ROW_CONFIGS = List.of(new GemvConfig(32, 4), new GemvConfig(8, 3),
            new GemvConfig(1, 8), new GemvConfig(64, 2));

    static java.util.stream.Stream<PlanCase> gpuPlans() {
        return PlanCase.all().filter(c -> !c.device().backend().equals("java") && c.gpuPlan());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gpuPlans")
    void gpuRowKernelWithOtherWidthsAndUnrollsMatchesPlainJava(PlanCase c) {
        for (GemvConfig cfg : ROW_CONFIGS) {
            for (DType t : c.device().hasAspect(Aspect.FP64) ? List.of(DType.FLOAT32, DType.FLOAT64) : List.of(DType.FLOAT32)) {
                for (Shape s : SHAPES) {
                    if (s.columns() && s.m() > 1) continue;
                    List<String> events = GemvConfig.forcing(cfg, () -> c.run(() -> {
                        FusionDiagnostics.clear();
                        check(c, t, s, -2, 0.5);
                        return FusionDiagnostics.events();
                    }));
                    // the row form with this shape: at most cfg.width() items per row, cfg.unroll() sums each
                    String sums = ", " + cfg.unroll() + " sums per item]";
                    assertTrue(events.stream().anyMatch(e -> e.contains("[gemv group rows, ") && e.contains(sums)
                            && itemsPerRow(e) <= cfg.width()), c + " " + cfg + " " + t + " " + s + ": " + events);
                }
            }
        }
    }

    /** The items per row a GPU row-form event names. */
    private static long itemsPerRow(String event) {
        String tail = event.substring(event.indexOf("[gemv group rows, ") + "[gemv group rows, ".length());
        return Long.parseLong(tail.substring(0, tail.indexOf(' ')));
    }

    private static void check(PlanCase c, DType t, Shape s, double alpha, double beta) {
        ArrayOptions on = ArrayOptions.on(c.device()).dtype(t);
        long m = s.m();
        long k = s.k();
        double[] a = random(s.batch() * m * k);
        int xs = Math.abs(s.xStep());
        int ys = Math.abs(s.yStep());
        double[] x = random(s.batch() * k * xs);
        double[] y = random(s.batch() * m * ys);
        UsmNdArray da = Tensor.asarray(a, null, on);
        UsmNdArray dx = Tensor.asarray(x, null, on);
        UsmNdArray dy = Tensor.asarray(y, null, on);
        double[] av = da.toDoubleArray();
        double[] xv = dx.toDoubleArray();
        double[] yv = dy.toDoubleArray();
        Strided sa = s.columns() ? new Strided(0, 1, m, m * k) : new Strided(0, k, 1, m * k);
        // a negative step starts at the far end of each vector of the stack
        long x0 = s.xStep() < 0 ? (k - 1) * xs : 0;
        long y0 = s.yStep() < 0 ? (m - 1) * ys : 0;
        Strided sx = new Strided(x0, s.xStep(), 1, k * xs);
        Strided sy = new Strided(y0, s.yStep(), 1, m * ys);
        Gemm.run(da.queue(), t, da.memory(), sa, dx.memory(), sx, dy.memory(), sy, s.batch(), m, 1, k, alpha, beta);
        double[] got = dy.toDoubleArray();
        double eps = t == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
        for (long b = 0; b < s.batch(); b++) {
            for (long i = 0; i < m; i++) {
                double sum = 0;
                double mag = 0;
                for (long p = 0; p < k; p++) {
                    double v = av[(int) (b * m * k + i * sa.rowStride() + p * sa.colStride())]
                            * xv[(int) (b * k * xs + x0 + p * s.xStep())];
                    sum += v;
                    mag += Math.abs(v);
                }
                int at = (int) (b * m * ys + y0 + i * s.yStep());
                double want = alpha * sum + beta * yv[at];
                double bound = 2 * (k + 2) * eps * (Math.abs(alpha) * mag + Math.abs(beta * yv[at])) + Double.MIN_NORMAL;
                double err = Math.abs(got[at] - want);
                long bi = b;
                long ii = i;
                assertTrue(err <= bound, () -> c + " " + t + " " + s + " alpha " + alpha + " beta " + beta + ": y[" + bi + ", "
                        + ii + "] is " + got[at] + ", expected " + want + " (error " + err + " > " + bound + ")");
            }
            for (long i = 0; i < m * ys; i++) {
                int at = (int) (b * m * ys + i);
                if ((i - y0) % ys != 0) {
                    assertTrue(got[at] == yv[at], c + " " + t + " " + s + ": y element " + at + " between the steps changed");
                }
            }
        }
    }

    private static double[] random(long n) {
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = RND.nextDouble() * 2 - 1;
        return v;
    }
}
