package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jdpx.device.Aspect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full and axis reductions on every device under its own plan and under the forced GPU plan
 * (work-group trees, several groups per output, a second pass over group results), against
 * plain Java: sizes that are no multiple of any group size, int and float dtypes, NaN, and
 * arg-reductions with ties (the first index wins, as NumPy). Float data holds small integers,
 * so every summation order gives the exact sum and results compare exactly.
 */
class ReductionPlanTest {
    private static final int[] SIZES = {1, 31, 1000, (1 << 20) + 3};

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    /** Integers in [lo, hi], with many repeats (ties for arg-reductions). */
    static int[] ints(int n, long seed, int lo, int hi) {
        Random r = new Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = lo + r.nextInt(hi - lo + 1);
        return a;
    }

    static float[] floats(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = v[i];
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void fullReductionsOfIntsAndFloats(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        for (int n : SIZES) {
            int[] v = ints(n, n, -8, 8);
            float[] f = floats(v);
            c.run(() -> {
                UsmNdArray x = Tensor.asarray(v, null, on);
                UsmNdArray y = Tensor.asarray(f, null, on);
                String at = c + " n=" + n;
                long sum = 0;
                long prod = 1;
                int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE, argmin = 0, argmax = 0;
                boolean anySeven = false;
                for (int i = 0; i < n; i++) {
                    sum += v[i];
                    prod *= v[i] | 1;
                    if (v[i] < min) { min = v[i]; argmin = i; }
                    if (v[i] > max) { max = v[i]; argmax = i; }
                    anySeven |= v[i] == 7;
                }
                assertEquals(sum, Tensor.sum(x, null, false).itemLong(), "int sum " + at);
                assertEquals(prod, Tensor.prod(Tensor.bitwiseOr(x, 1), null, false).itemLong(), "int prod " + at);
                assertEquals(min, Tensor.min(x, null, false).itemLong(), "int min " + at);
                assertEquals(max, Tensor.max(x, null, false).itemLong(), "int max " + at);
                assertEquals(argmin, Tensor.argmin(x, null).itemLong(), "int argmin (first of ties) " + at);
                assertEquals(argmax, Tensor.argmax(x, null).itemLong(), "int argmax (first of ties) " + at);
                assertEquals(anySeven ? 1 : 0, Tensor.any(Tensor.equal(x, 7), null, false).itemLong(), "any " + at);
                assertEquals(1, Tensor.all(Tensor.greater(x, -9), null, false).itemLong(), "all " + at);
                assertEquals(min > -8 ? 1 : 0, Tensor.all(Tensor.greater(x, -8), null, false).itemLong(), "all false " + at);
                assertEquals(positives(v), Tensor.sum(Tensor.greater(x, 0), null, false).itemLong(), "count_nonzero " + at);
                assertEquals((double) sum, Tensor.sum(y, null, false).item(), "float sum " + at);
                assertEquals((float) sum / n, (float) Tensor.mean(y, null, false).item(), 1e-6 * Math.max(1, Math.abs((float) sum / n)), "mean " + at);
                assertEquals(min, Tensor.min(y, null, false).item(), "float min " + at);
                assertEquals(argmax, Tensor.argmax(y, null).itemLong(), "float argmax (first of ties) " + at);
                assertEquals(argmin, Tensor.argmin(y, null).itemLong(), "float argmin (first of ties) " + at);
            });
        }
    }

    private static long positives(int[] v) {
        long k = 0;
        for (int e : v) if (e > 0) k++;
        return k;
    }

    /**
     * Products and sums of values the kernel knows without loading them: {@code isinf} of a bool
     * array is 0 everywhere, {@code isfinite} 1. Under the GPU plan on PoCL the product of the
     * zeros came out 1 (the group tree lost the items' values across its first barrier).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void reductionsOfConstantElements(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        for (int n : new int[] {1, 31, 80, 1000}) {
            boolean[] v = new boolean[n];
            for (int i = 0; i < n; i++) v[i] = i % 3 == 0;
            c.run(() -> {
                UsmNdArray x = Tensor.asarray(v, new long[] {n}, on);
                String at = c + " n=" + n;
                assertEquals(0L, Tensor.isinf(x).prod().toLongArray()[0], at + ": prod(isinf(bool array))");
                assertEquals(1L, Tensor.isfinite(x).prod().toLongArray()[0], at + ": prod(isfinite(bool array))");
                assertEquals((long) n, Tensor.isfinite(x).sum().toLongArray()[0], at + ": sum(isfinite(bool array))");
                assertEquals(0L, Tensor.isinf(x).max().toLongArray()[0], at + ": max(isinf(bool array))");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void nanPropagatesAndTheFirstNanWins(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        for (int n : SIZES) {
            if (n < 3) continue;
            float[] f = floats(ints(n, 7 * n, -5, 5));
            int first = n / 3 + 1, second = n - 1;
            f[second] = Float.NaN;
            f[first] = Float.NaN;
            c.run(() -> {
                UsmNdArray y = Tensor.asarray(f, null, on);
                String at = c + " n=" + n;
                assertTrue(Double.isNaN(Tensor.sum(y, null, false).item()), "sum " + at);
                assertTrue(Double.isNaN(Tensor.min(y, null, false).item()), "min " + at);
                assertTrue(Double.isNaN(Tensor.max(y, null, false).item()), "max " + at);
                assertEquals(first, Tensor.argmin(y, null).itemLong(), "argmin " + at);
                assertEquals(first, Tensor.argmax(y, null).itemLong(), "argmax " + at);
                // nansum's way: NaN replaced before the sum.
                double want = 0;
                for (float e : f) if (!Float.isNaN(e)) want += e;
                assertEquals(want, Tensor.sum(Tensor.where(Tensor.isnan(y), 0f, y), null, false).item(), "nansum " + at);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void float64SumsAndVariance(PlanCase c) {
        if (!c.device().hasAspect(Aspect.FP64)) return;
        int n = (1 << 20) + 3;
        Random r = new Random(5);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = r.nextGaussian() + 3;
        double s = 0, a = 0;
        for (double e : d) { s += e; a += Math.abs(e); }
        double sum = s, abs = a;
        double mean = sum / n, ss = 0;
        for (double e : d) ss += (e - mean) * (e - mean);
        double var = ss / n;
        double wantVar = var;
        c.run(() -> {
            UsmNdArray x = Tensor.asarray(d, null, ArrayOptions.on(c.device()));
            assertEquals(sum, Tensor.sum(x, null, false).item(), 1e-13 * abs, "sum " + c);
            assertEquals(wantVar, Tensor.var(x, null, false, 0).item(), 1e-10 * wantVar, "var " + c);
        });
    }

    /** Shapes and reduced axes: few long outputs, long strided outputs, many short outputs, several axes. */
    private static final long[][] SHAPES = {{3, 60001}, {60001, 3}, {1000, 31}, {5000, 5}, {40, 50, 60}, {2, 3, 70001}};
    private static final int[][] AXES = {{1}, {0}, {1}, {1}, {0, 2}, {2}};

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void axisReductionsMatchJava(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        for (int s = 0; s < SHAPES.length; s++) {
            long[] shape = SHAPES[s];
            int[] axes = AXES[s];
            int n = (int) Shapes.size(shape);
            int[] v = ints(n, 11 + s, -6, 6);
            float[] f = floats(v);
            f[n / 2] = Float.NaN;
            Ref ref = new Ref(shape, axes);
            String at = c + " " + Shapes.describe(shape) + " axes " + java.util.Arrays.toString(axes);
            c.run(() -> {
                UsmNdArray x = Tensor.asarray(v, shape, on);
                UsmNdArray y = Tensor.asarray(f, shape, on);
                assertArrayEquals(ref.sum(v), Tensor.sum(x, axes, false).toLongArray(), "int sum " + at);
                assertArrayEquals(ref.max(f), Tensor.max(y, axes, false).toFloatArray(), "float max with NaN " + at);
                assertArrayEquals(ref.max(floats(v)), Tensor.max(Tensor.asarray(floats(v), shape, on), axes, false).toFloatArray(),
                        "float max " + at);
                if (axes.length == 1) {
                    assertArrayEquals(ref.argmax(v), Tensor.argmax(x, axes[0]).toLongArray(), "int argmax " + at);
                    assertArrayEquals(ref.argmax(f), Tensor.argmax(y, axes[0]).toLongArray(), "float argmax with NaN " + at);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void reductionOf2To25Elements(PlanCase c) {
        if (c.llvmpipe()) return; // software rasterizer's OpenCL: too slow at this size for every commit
        int n = 1 << 25;
        int[] v = ints(n, 25, -3, 3);
        v[n - 2] = 9;
        v[n - 1] = 9;
        long sum = 0;
        for (int e : v) sum += e;
        long want = sum;
        c.run(() -> {
            UsmNdArray x = Tensor.asarray(v, null, ArrayOptions.on(c.device()));
            assertEquals(want, Tensor.sum(x, null, false).itemLong(), "sum " + c);
            assertEquals(n - 2, Tensor.argmax(x, null).itemLong(), "argmax " + c);
        });
    }

    /** Plain-Java reductions over C-order data of a shape, by output (C order of the kept axes). */
    static final class Ref {
        final long[] shape;
        final boolean[] reduced;
        final long outputs;
        final long inner;

        Ref(long[] shape, int[] axes) {
            this.shape = shape;
            reduced = new boolean[shape.length];
            for (int a : axes) reduced[a] = true;
            long o = 1, in = 1;
            for (int a = 0; a < shape.length; a++) if (reduced[a]) in *= shape[a]; else o *= shape[a];
            outputs = o;
            inner = in;
        }

        /** The output and the position in the reduced axes (C order) of every flat index. */
        private long[][] map() {
            int n = (int) Shapes.size(shape);
            long[] out = new long[n], pos = new long[n];
            long[] idx = new long[shape.length];
            for (int i = 0; i < n; i++) {
                long o = 0, p = 0;
                for (int a = 0; a < shape.length; a++) {
                    if (reduced[a]) p = p * shape[a] + idx[a]; else o = o * shape[a] + idx[a];
                }
                out[i] = o;
                pos[i] = p;
                for (int a = shape.length - 1; a >= 0 && ++idx[a] == shape[a]; a--) idx[a] = 0;
            }
            return new long[][] {out, pos};
        }

        long[] sum(int[] v) {
            long[] r = new long[(int) outputs];
            long[] out = map()[0];
            for (int i = 0; i < v.length; i++) r[(int) out[i]] += v[i];
            return r;
        }

        float[] max(float[] v) {
            float[] r = new float[(int) outputs];
            java.util.Arrays.fill(r, Float.NEGATIVE_INFINITY);
            long[] out = map()[0];
            for (int i = 0; i < v.length; i++) {
                int o = (int) out[i];
                if (Float.isNaN(r[o]) || Float.isNaN(v[i])) r[o] = Float.NaN; else r[o] = Math.max(r[o], v[i]);
            }
            return r;
        }

        long[] argmax(int[] v) {
            return argmax(floats(v));
        }

        long[] argmax(float[] v) {
            float[] best = new float[(int) outputs];
            long[] at = new long[(int) outputs];
            java.util.Arrays.fill(at, -1);
            long[][] m = map();
            for (int i = 0; i < v.length; i++) {
                int o = (int) m[0][i];
                boolean take = at[o] < 0 || (!Float.isNaN(best[o]) && (Float.isNaN(v[i]) || v[i] > best[o]));
                if (take) { best[o] = v[i]; at[o] = m[1][i]; }
            }
            return at;
        }
    }
}
