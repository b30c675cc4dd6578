package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * {@link FftEngine} against the textbook O(n^2) DFT in plain Java (float64) on every device, in
 * float64 (float32 without fp64) and float32: Stockham lengths (powers of 2, 3·5·7 mixes, 1),
 * Bluestein lengths (primes, 2·prime), forward and inverse with a scale, three rows at once.
 * Tolerance: {@code n log2(n) eps} times the largest magnitude of the exact result. The GPU plan's
 * local-memory kernel runs too, forced on the CPU drivers.
 */
class FftEngineTest {
    private static final int[] LENGTHS = {1, 2, 3, 4, 5, 7, 8, 12, 16, 30, 49, 64, 105, 210, 243, 1024, 1000,
        11, 13, 17, 22, 97, 211, 1009};
    private static final int ROWS = 3;

    static double[] dft(double[] x, int rows, int n, boolean inverse, double scale) {
        double[] y = new double[x.length];
        double sign = inverse ? 1 : -1;
        for (int b = 0; b < rows; b++) {
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double a = sign * 2 * Math.PI * ((long) j * k % n) / n;
                    double xr = x[2 * (b * n + j)];
                    double xi = x[2 * (b * n + j) + 1];
                    sr += xr * Math.cos(a) - xi * Math.sin(a);
                    si += xr * Math.sin(a) + xi * Math.cos(a);
                }
                y[2 * (b * n + k)] = sr * scale;
                y[2 * (b * n + k) + 1] = si * scale;
            }
        }
        return y;
    }

    /** The first element outside {@code n log2 n eps max|want|}, or null. */
    static String compare(double[] got, double[] want, int n, DType t) {
        double scale = 0;
        for (double w : want) scale = Math.max(scale, Math.abs(w));
        double eps = t == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
        double tol = n * Math.max(1, Math.log(n) / Math.log(2)) * eps * Math.max(scale, Double.MIN_NORMAL);
        if (got.length != want.length) return "length " + got.length + ", expected " + want.length;
        for (int i = 0; i < got.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= tol)) {
                return "n=" + n + " " + t + ": value " + i + " is " + got[i] + ", expected " + want[i] + " (tolerance " + tol + ")";
            }
        }
        return null;
    }

    /** The elements of a float32 or float64 array as doubles (read on the host). */
    static double[] values(UsmNdArray x) {
        if (x.dtype() == DType.FLOAT64) return x.toDoubleArray();
        float[] f = x.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @OnEveryDevice
    void transformsMatchTheTextbookDft(Device device) {
        List<String> failures = failures(device);
        assertTrue(failures.isEmpty(), device.filterString() + ":\n" + String.join("\n", failures));
    }

    /** The GPU plan's kernel (a work-group per row, every pass in local memory) on the CPU drivers. */
    @OnEveryDevice
    void gpuPlanTransformsMatchTheTextbookDft(Device device) {
        List<String> failures = DevicePlan.forcing(DevicePlan.Kind.GPU, () -> failures(device));
        // 256 complex float64 in two buffers take 8 KiB, half of what OpenCL's smallest local memory (32 KiB) leaves
        // a group; n=1024 (32 KiB) fits PoCL's but not an NVIDIA GPU's 48 KiB
        boolean local = DevicePlan.forcing(DevicePlan.Kind.GPU,
                () -> FftEngine.inLocalMemory(DevicePlan.of(device), 256, DTypes.forDevice(DType.FLOAT64, device, false)));
        assertTrue(local == !device.backend().equals("java"), "local-memory kernel for n=256: " + local);
        assertTrue(failures.isEmpty(), device.filterString() + " (GPU plan):\n" + String.join("\n", failures));
    }

    private static List<String> failures(Device device) {
        Random rnd = new Random(17);
        List<String> failures = new ArrayList<>();
        for (DType requested : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            DType t = DTypes.forDevice(requested, device, false);
            for (int n : LENGTHS) {
                double[] x = new double[2 * ROWS * n];
                for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
                if (t == DType.FLOAT32) for (int i = 0; i < x.length; i++) x[i] = (float) x[i];
                UsmNdArray in = Tensor.asarray(x, new long[] {ROWS, n, 2}, ArrayOptions.on(device).dtype(t));
                for (boolean inverse : new boolean[] {false, true}) {
                    double scale = inverse ? 1.0 / n : 1.0;
                    UsmNdArray out = FftEngine.transform(in, inverse, scale);
                    assertArrayEquals(new long[] {ROWS, n, 2}, out.shape());
                    String p = compare(values(out), dft(x, ROWS, n, inverse, scale), n, t);
                    if (p != null) failures.add((inverse ? "inverse " : "forward ") + p);
                }
            }
        }
        return failures;
    }

    @Test
    void radicesMultiplyToTheLength() {
        assertArrayEquals(new int[] {4, 4, 2, 3, 5, 7}, FftTables.radices(32 * 105));
        assertArrayEquals(new int[0], FftTables.radices(1));
        assertNull(FftTables.radices(11));
        assertNull(FftTables.radices(2 * 13));
        assertTrue(FftTables.convolutionLength(11) == 21 && FftTables.convolutionLength(1009) == 2025);
    }
}
