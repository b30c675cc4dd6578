package org.jdpx.perf;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Times {@code Tensor.matmul} of random square matrices under the GEMM shape in force
 * ({@code JDPX_GEMM_CONFIG}, or the device's row of the table), checking 200 sampled elements of
 * each product against a double-precision dot product on the host. {@code scripts/gpu/gemm-sweep.sh}
 * runs it once per shape, each in a fresh process, to choose a new device class's row. Prints one
 * line: the shape, then per size the median of 10 or 30 products, TFLOP/s and the worst relative
 * error (marked WRONG past 1e-4 in float32, 1e-12 in float64).
 */
public final class GemmShapes {

    private GemmShapes() {
    }

    /** Usage: {@code GemmShapes DEVICE_FILTER SIZE...}, a size {@code n} (float32) or {@code nd} (float64). */
    public static void main(String[] args) {
        Device d = BenchDevices.require(args.length > 0 ? args[0] : "opencl:gpu:0");
        String shape = System.getenv("JDPX_GEMM_CONFIG");
        StringBuilder out = new StringBuilder(shape == null || shape.isBlank() ? "table" : shape);
        for (String arg : Arrays.copyOfRange(args, Math.min(1, args.length), args.length)) {
            boolean f64 = arg.endsWith("d");
            int n = Integer.parseInt(f64 ? arg.substring(0, arg.length() - 1) : arg);
            SplittableRandom r = new SplittableRandom(n);
            int nn = n * n;
            double[] ah = new double[nn], bh = new double[nn];
            for (int i = 0; i < nn; i++) { ah[i] = r.nextDouble() - 0.5; bh[i] = r.nextDouble() - 0.5; }
            ArrayOptions on = ArrayOptions.on(d).dtype(f64 ? DType.FLOAT64 : DType.FLOAT32);
            Object aj, bj;
            if (f64) { aj = ah; bj = bh; } else {
                float[] af = new float[nn], bf = new float[nn];
                for (int i = 0; i < nn; i++) { af[i] = (float) ah[i]; bf[i] = (float) bh[i]; ah[i] = af[i]; bh[i] = bf[i]; }
                aj = af; bj = bf;
            }
            UsmNdArray a = Tensor.asarray(aj, new long[] {n, n}, on).eval();
            UsmNdArray b = Tensor.asarray(bj, new long[] {n, n}, on).eval();
            UsmNdArray c = Tensor.matmul(a, b).eval();
            double[] ch = f64 ? c.toDoubleArray() : toD(c.toFloatArray());
            double worst = 0;
            for (int s = 0; s < 200; s++) {
                int i = r.nextInt(n), j = r.nextInt(n);
                double e = 0, mag = 0;
                for (int k = 0; k < n; k++) { e += ah[i * n + k] * bh[k * n + j]; mag += Math.abs(ah[i * n + k] * bh[k * n + j]); }
                worst = Math.max(worst, Math.abs(ch[i * n + j] - e) / mag);
            }
            int reps = n >= 4096 ? 10 : 30;
            double[] t = new double[reps];
            for (int w = 0; w < 3; w++) Tensor.matmul(a, b).queue().finish();
            for (int q = 0; q < reps; q++) {
                long t0 = System.nanoTime();
                Tensor.matmul(a, b).queue().finish();
                t[q] = (System.nanoTime() - t0) * 1e-9;
            }
            Arrays.sort(t);
            double med = t[reps / 2];
            out.append(String.format(" | %s%d %.1f us %.2f TF/s relerr %.1e%s", f64 ? "f64-" : "f32-", n, med * 1e6,
                    2.0 * n * n * (double) n / med / 1e12, worst, worst > (f64 ? 1e-12 : 1e-4) ? " WRONG" : ""));
        }
        System.out.println(out);
        System.exit(0);
    }

    private static double[] toD(float[] f) {
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) x[i] = f[i];
        return x;
    }
}
