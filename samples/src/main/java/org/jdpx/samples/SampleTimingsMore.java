package org.jdpx.samples;

import org.jdpx.samples.SampleTimings.Timed;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** The second half of {@link SampleTimings}: stencils, Black-Scholes, Mandelbrot and the matrix products. */
final class SampleTimingsMore {
    private SampleTimingsMore() {
    }

    static Timed of(Sample sample) {
        return switch (sample) {
            case JacobiArray p -> {
                int n = JacobiArray.N, it = JacobiArray.ITERATIONS;
                double[] grid = References.uniform(n * n, 0, 1, 5);
                yield new Timed(n, d -> () -> JacobiArray.jacobi(SampleTimings.upload(grid, new long[] {n, n}, d), it).toDoubleArray(),
                        () -> References.jacobi(grid, n, it));
            }
            case JacobiKernel p -> {
                int n = JacobiKernel.N, it = JacobiKernel.ITERATIONS;
                double[] grid = References.uniform(n * n, 0, 1, 5);
                float[] g = References.toFloats(grid);
                yield new Timed(n, d -> () -> JacobiKernel.jacobi(d, g, n, it), () -> References.jacobi(grid, n, it));
            }
            case JacobiStencil p -> {
                int n = JacobiStencil.N, it = JacobiStencil.ITERATIONS;
                double[] grid = References.uniform(n * n, 0, 1, 5);
                yield new Timed(n, d -> () -> JacobiStencil.jacobi(SampleTimings.upload(grid, new long[] {n, n}, d), it).toDoubleArray(),
                        () -> References.jacobi(grid, n, it));
            }
            case BlackScholesArray p -> {
                int n = BlackScholesArray.N;
                double[] s = References.uniform(n, 10, 50, 6), x = References.uniform(n, 10, 50, 7), t = References.uniform(n, 1, 2, 8);
                double r = BlackScholesArray.RATE, v = BlackScholesArray.VOLATILITY;
                yield new Timed(n, d -> () -> {
                    for (UsmNdArray a : BlackScholesArray.price(SampleTimings.upload(s, d), SampleTimings.upload(x, d),
                            SampleTimings.upload(t, d), r, v)) {
                        a.toDoubleArray();
                    }
                }, () -> References.blackScholes(s, x, t, r, v));
            }
            case BlackScholesKernel p -> {
                int n = BlackScholesKernel.N;
                double[] s = References.uniform(n, 10, 50, 6), x = References.uniform(n, 10, 50, 7), t = References.uniform(n, 1, 2, 8);
                float[] fs = References.toFloats(s), fx = References.toFloats(x), ft = References.toFloats(t);
                float r = BlackScholesKernel.RATE, v = BlackScholesKernel.VOLATILITY;
                yield new Timed(n, d -> () -> BlackScholesKernel.price(d, fs, fx, ft, r, v),
                        () -> References.blackScholes(s, x, t, r, v));
            }
            case MandelbrotKernel p -> {
                int w = MandelbrotKernel.WIDTH, h = MandelbrotKernel.HEIGHT, it = MandelbrotKernel.MAX_ITER;
                float step = MandelbrotKernel.STEP;
                yield new Timed((long) w * h, d -> () -> MandelbrotKernel.escapeCounts(d, w, h, it),
                        () -> References.mandelbrot(w, h, it, MandelbrotKernel.X0, MandelbrotKernel.Y0, step, step));
            }
            case MatmulArray p -> {
                int n = MatmulArray.N;
                double[] a = References.uniform(n * n, -1, 1, 9), b = References.uniform(n * n, -1, 1, 10);
                long[] shape = {n, n};
                yield new Timed(n, d -> () -> Tensor.matmul(SampleTimings.upload(a, shape, d), SampleTimings.upload(b, shape, d)).toDoubleArray(),
                        () -> References.matmul(a, b, n, n, n));
            }
            case MatmulKernel p -> {
                int n = MatmulKernel.N;
                double[] a = References.uniform(n * n, -1, 1, 9), b = References.uniform(n * n, -1, 1, 10);
                float[] fa = References.toFloats(a), fb = References.toFloats(b);
                yield new Timed(n, d -> () -> MatmulKernel.matmul(d, fa, fb, n), () -> References.matmul(a, b, n, n, n));
            }
            case GemvArray p -> {
                int rows = GemvArray.ROWS, cols = GemvArray.COLS;
                double[] m = References.uniform(rows * cols, -1, 1, 11), v = References.uniform(cols, -1, 1, 12);
                yield new Timed((long) rows * cols, d -> () -> Tensor.matmul(SampleTimings.upload(m, new long[] {rows, cols}, d),
                        SampleTimings.upload(v, d)).toDoubleArray(), () -> References.matmul(m, v, rows, cols, 1));
            }
            case GemvKernel p -> {
                int rows = GemvKernel.ROWS, cols = GemvKernel.COLS;
                double[] m = References.uniform(rows * cols, -1, 1, 11), v = References.uniform(cols, -1, 1, 12);
                float[] fm = References.toFloats(m), fv = References.toFloats(v);
                yield new Timed((long) rows * cols, d -> () -> GemvKernel.gemv(d, fm, fv, rows, cols),
                        () -> References.matmul(m, v, rows, cols, 1));
            }
            default -> throw new IllegalArgumentException("no timing for the sample " + sample.name() + " ("
                    + sample.style().label() + "); add it to SampleTimings");
        };
    }
}
