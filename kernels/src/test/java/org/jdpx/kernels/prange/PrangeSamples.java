package org.jdpx.kernels.prange;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.Parallel;

/** Methods with parallel loops; called directly they are the plain-Java reference. */
final class PrangeSamples {
    private PrangeSamples() {
    }

    static double pi(int steps) {
        double step = 1.0 / steps, sum = 0;
        for (@Parallel int i = 0; i < steps; i++) {
            double x = (i + 0.5) * step;
            sum += 4.0 / (1.0 + x * x);
        }
        return step * sum;
    }

    static float piFloat(int steps) {
        float step = 1f / steps, sum = 0;
        for (@Parallel int i = 0; i < steps; i++) {
            float x = (i + 0.5f) * step;
            sum += 4f / (1f + x * x);
        }
        return step * sum;
    }

    static double l2(DoubleArray x, DoubleArray y) {
        double sum = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            double d = x.get(i) - y.get(i);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    static float l2Float(FloatArray x, FloatArray y) {
        float sum = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            float d = x.get(i) - y.get(i);
            sum += d * d;
        }
        return (float) Math.sqrt(sum);
    }

    static void scale(FloatArray a, int rows, int cols, float factor) {
        for (@Parallel int i = 0; i < rows; i++) {
            for (@Parallel int j = 0; j < cols; j++) {
                a.set(i * cols + j, a.get(i * cols + j) * factor);
            }
        }
    }

    static float min(FloatArray x) {
        float m = Float.POSITIVE_INFINITY;
        for (@Parallel int i = 0; i < x.length(); i++) m = Math.min(m, x.get(i));
        return m;
    }

    static float max(FloatArray x) {
        float m = Float.NEGATIVE_INFINITY;
        for (@Parallel int i = 0; i < x.length(); i++) m = Math.max(x.get(i), m);
        return m;
    }

    static int minInt(IntArray x, int start) {
        int m = start;
        for (@Parallel int i = 0; i < x.length(); i++) m = Math.min(m, x.get(i));
        return m;
    }

    static int product(IntArray x) {
        int p = 1;
        for (@Parallel int i = 0; i < x.length(); i++) p *= x.get(i);
        return p;
    }

    static long sumMinusLong(LongArray x) {
        long s = 100;
        for (@Parallel long i = 0; i < x.length(); i++) s -= x.get((int) i);
        return s;
    }

    /** Counts and sums the elements above a threshold: two conditional reductions. */
    static float conditional(FloatArray x, float threshold) {
        float sum = 0;
        int count = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            float v = x.get(i);
            if (v > threshold) {
                sum += v;
                count++;
            }
        }
        return sum + count * 1000f;
    }

    /** Every iteration reads the shared table and never writes it. */
    static void polynomial(FloatArray coefficients, FloatArray x, FloatArray out) {
        for (@Parallel int i = 0; i < x.length(); i++) {
            float acc = 0;
            for (int k = coefficients.length() - 1; k >= 0; k--) acc = acc * x.get(i) + coefficients.get(k);
            out.set(i, acc);
        }
    }

    /** The inner parallel loop depends on i, so it runs serially inside the outer one. */
    static double triangle(DoubleArray a, int n) {
        double s = 0;
        for (@Parallel int i = 0; i < n; i++) {
            for (@Parallel int j = 0; j <= i; j++) s += a.get(j);
        }
        return s;
    }

    /** Iteration i needs the value iteration i-1 left in prev: refused. */
    static float carried(FloatArray x) {
        float prev = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            float v = x.get(i);
            x.set(i, v - prev);
            prev = v;
        }
        return prev;
    }

    /** Not a reduction: the update scales the running value. Refused. */
    static float decay(FloatArray x) {
        float s = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            s = s * 0.5f + x.get(i);
        }
        return s;
    }

    static int breaks(IntArray x) {
        int found = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            if (x.get(i) == 7) break;
            x.set(i, 0);
        }
        return found;
    }

    /** Reads a Java array in the body: refused (no silent copies). */
    static double javaArray(double[] x) {
        double s = 0;
        for (@Parallel int i = 0; i < x.length; i++) s += x[i];
        return s;
    }

    /** No parallel loop at all. */
    static int plain(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) s += i;
        return s;
    }

    /** A histogram of x over [lo, hi) in bins: a whole-array sum reduction on an int[]. */
    static int[] histogram(FloatArray x, float lo, float hi, int bins) {
        int[] hist = new int[bins];
        for (@Parallel int i = 0; i < x.length(); i++) {
            int b = (int) ((x.get(i) - lo) / (hi - lo) * bins);
            if (b >= 0 && b < bins) hist[b] += 1;
        }
        return hist;
    }

    /** Column sums of a rows x m matrix (Numba's {@code y[:] += x[i]}), added to what y holds. */
    static void columnSums(DoubleArray x, int rows, int m, double[] y) {
        for (@Parallel int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) y[j] += x.get(i * m + j);
        }
    }

    /** Per-bucket minimum and maximum (float) and a long product, three array reductions in one loop. */
    static float bucketRange(FloatArray x, float[] low, float[] high, long[] odd) {
        int buckets = low.length;
        float total = 0;
        for (@Parallel int i = 0; i < x.length(); i++) {
            float v = x.get(i);
            int k = i % buckets;
            low[k] = Math.min(low[k], v);
            high[k] = Math.max(v, high[k]);
            odd[k] *= 1 + 2 * (i % 3);
            total += v;
        }
        return total;
    }

    /** Reads the array it also reduces into: refused. */
    static double[] readsItsReduction(DoubleArray x) {
        double[] y = new double[4];
        for (@Parallel int i = 0; i < x.length(); i++) {
            y[i % 4] += x.get(i) * y[0];
        }
        return y;
    }

    /** Mixes + and * on one array: refused. */
    static long[] mixedArrayOps(LongArray x) {
        long[] y = {1, 1};
        for (@Parallel int i = 0; i < x.length(); i++) {
            y[0] += x.get(i);
            y[1] *= x.get(i);
        }
        return y;
    }

    /** Calls private and package-private helpers of this (package-private) class from the body. */
    static double smoothSum(DoubleArray x) {
        double s = 0;
        for (@Parallel int i = 0; i < x.length(); i++) s += smooth(x.get(i));
        return s;
    }

    private static double smooth(double v) {
        return square(v) / (1 + square(v)) * SCALE;
    }

    static double square(double v) {
        return v * v;
    }

    /** Not a compile-time constant, so javac reads it with getstatic. */
    private static final double SCALE = Math.sqrt(4.0);

    private static double[] table = {1, 2};

    /** Reads a mutable private static field in a helper: refused. */
    static double tableSum(DoubleArray x) {
        double s = 0;
        for (@Parallel int i = 0; i < x.length(); i++) s += lookup(x.get(i));
        return s;
    }

    private static double lookup(double v) {
        return v * table.length;
    }

    /** A long sum over a 2-D range: the unrolled copies must see the outer loop variable too. */
    static long weightedSum(IntArray a, int rows, int cols) {
        long s = 0;
        for (@Parallel int i = 0; i < rows; i++) {
            for (@Parallel int j = 0; j < cols; j++) s += (long) a.get(i * cols + j) * (i + 1) - j;
        }
        return s;
    }
}
