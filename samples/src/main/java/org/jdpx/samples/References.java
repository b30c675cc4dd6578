package org.jdpx.samples;

import java.util.SplittableRandom;

/**
 * Plain serial Java versions of every sample program, the references the device results are
 * checked against, and the seeded inputs they share. Written for clarity, not speed; all in
 * double precision except Mandelbrot, whose float iteration counts are the result itself.
 */
public final class References {
    private References() {
    }

    // ---- inputs ----

    /** {@code n} values uniform in {@code [lo, hi)}, the same for every run with one seed. */
    public static double[] uniform(int n, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(lo, hi);
        return v;
    }

    /** The values rounded to float, for the float32 kernels. */
    public static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    // ---- the programs ----

    /** pi as the midpoint rule for the integral of {@code 4 / (1 + x²)} over [0, 1]. */
    public static double pi(int steps) {
        double step = 1.0 / steps, sum = 0;
        for (int i = 0; i < steps; i++) {
            double x = (i + 0.5) * step;
            sum += 4.0 / (1.0 + x * x);
        }
        return step * sum;
    }

    /** Squared L2 distance {@code Σ (a[i] - b[i])²}. */
    public static double l2Distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    /**
     * Logistic regression by gradient steps: {@code w -= rate · ((σ(Y·Xw) - 1)·Y)ᵀX} with
     * {@code σ(z) = 1 / (1 + e^-z)}; {@code x} is {@code n × d} row-major, labels are ±1.
     */
    public static double[] logisticRegression(double[] y, double[] x, int d, int iterations, double rate) {
        int n = y.length;
        double[] w = new double[d];
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < d; j++) z += x[i * d + j] * w[j];
                double g = (1.0 / (1.0 + Math.exp(-y[i] * z)) - 1.0) * y[i];
                for (int j = 0; j < d; j++) grad[j] += g * x[i * d + j];
            }
            for (int j = 0; j < d; j++) w[j] -= rate * grad[j];
        }
        return w;
    }

    /** {@code exp(a - max a) / Σ exp(a - max a)}. */
    public static double[] softmax(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) max = Math.max(max, v);
        double[] e = new double[a.length];
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += e[i] = Math.exp(a[i] - max);
        for (int i = 0; i < a.length; i++) e[i] /= sum;
        return e;
    }

    /** {@code iterations} Jacobi sweeps on an {@code n × n} grid; the border stays fixed. */
    public static double[] jacobi(double[] grid, int n, int iterations) {
        double[] a = grid.clone(), b = grid.clone();
        for (int it = 0; it < iterations; it++) {
            for (int i = 1; i < n - 1; i++) {
                for (int j = 1; j < n - 1; j++) {
                    b[i * n + j] = 0.25 * (a[(i - 1) * n + j] + a[(i + 1) * n + j] + a[i * n + j - 1] + a[i * n + j + 1]);
                }
            }
            double[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** Black-Scholes call and put prices, {@code [call..., put...]}, for rate {@code r} and volatility {@code v}. */
    public static double[] blackScholes(double[] price, double[] strike, double[] years, double r, double v) {
        int n = price.length;
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double sqrtT = Math.sqrt(years[i]);
            double d1 = (Math.log(price[i] / strike[i]) + (r + 0.5 * v * v) * years[i]) / (v * sqrtT);
            double d2 = d1 - v * sqrtT;
            double discounted = strike[i] * Math.exp(-r * years[i]);
            double c1 = normalCdf(d1), c2 = normalCdf(d2);
            out[i] = price[i] * c1 - discounted * c2;
            out[n + i] = discounted * (1 - c2) - price[i] * (1 - c1);
        }
        return out;
    }

    /**
     * The standard normal distribution function by the Abramowitz–Stegun polynomial 26.2.17
     * (absolute error below 7.5e-8), the form Black-Scholes benchmarks use.
     */
    public static double normalCdf(double d) {
        double k = 1 / (1 + 0.2316419 * Math.abs(d));
        double poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
        double w = 1 - 0.3989422804014327 * Math.exp(-0.5 * d * d) * poly;
        return d < 0 ? 1 - w : w;
    }

    /**
     * Mandelbrot escape counts in float, as the kernel computes them: pixel {@code (px, py)} is
     * {@code c = (x0 + px·dx, y0 + py·dy)}; the count is the first iteration with {@code |z|² > 4},
     * or {@code maxIter}.
     */
    public static int[] mandelbrot(int width, int height, int maxIter, float x0, float y0, float dx, float dy) {
        int[] out = new int[width * height];
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                float cx = x0 + px * dx, cy = y0 + py * dy, x = 0f, y = 0f;
                int it = 0;
                while (x * x + y * y <= 4f && it < maxIter) {
                    float xt = x * x - y * y + cx;
                    y = 2f * x * y + cy;
                    x = xt;
                    it++;
                }
                out[py * width + px] = it;
            }
        }
        return out;
    }

    /** {@code C = A·B} for row-major {@code m × k} and {@code k × n}. */
    public static double[] matmul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
            }
        }
        return c;
    }
}
