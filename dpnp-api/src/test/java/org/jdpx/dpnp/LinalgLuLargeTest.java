package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The recursive LU ({@link LinalgRecursion}) at sizes that are no multiple of its panels and
 * diagonal blocks and that recurse several levels, on every device (the java device's host steps,
 * the kernel steps elsewhere), float64 where the device has it and float32 everywhere: residuals
 * of solve and inv relative to {@code ||A|| ||X|| n eps}, slogdet against a plain Java LU, a
 * batch, and an exact zero pivot deep in a large matrix. Gaussian matrices make partial pivoting
 * interchange rows at almost every column.
 */
class LinalgLuLargeTest {
    private static final double C = 40;

    static double[] gaussian(long seed, int size) {
        Random r = new Random(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = r.nextGaussian();
        return v;
    }

    static UsmNdArray on(Device device, DType t, double[] v, long... shape) {
        return Tensor.asarray(v, shape, ArrayOptions.on(device).dtype(t));
    }

    static double[] host(UsmNdArray x) {
        if (x.dtype() == DType.FLOAT64) return x.toDoubleArray();
        float[] f = x.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** The host values of {@code v} as the device stored them (rounded to float32 for float32). */
    static double[] rounded(double[] v, DType t) {
        double[] r = v.clone();
        if (t == DType.FLOAT32) for (int i = 0; i < r.length; i++) r[i] = (float) r[i];
        return r;
    }

    static double fro(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** {@code ||A X - B||_F} of row-major host matrices, A n x n, X and B n x r. */
    static double residual(double[] a, double[] x, double[] b, int n, int r) {
        double s = 0;
        double[] row = new double[r];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(row, 0);
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int c = 0; c < r; c++) row[c] += aik * x[k * r + c];
            }
            for (int c = 0; c < r; c++) s += (row[c] - b[i * r + c]) * (row[c] - b[i * r + c]);
        }
        return Math.sqrt(s);
    }

    static double eps(DType t) {
        return t == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
    }

    private static void solveResidual(Device device, DType t, int n, int r, long seed) {
        double[] a = rounded(gaussian(seed, n * n), t);
        double[] b = rounded(gaussian(seed + 1, n * r), t);
        UsmNdArray x = DpnpLinalg.solve(on(device, t, a, n, n), on(device, t, b, n, r));
        assertEquals(t, x.dtype());
        double[] xh = host(x);
        double bound = C * fro(a) * fro(xh) * n * eps(t);
        double res = residual(a, xh, b, n, r);
        assertTrue(res <= bound, "solve " + n + "x" + n + " " + t + " on " + device.filterString() + ": ||AX - B|| "
                + res + " above " + bound);
    }

    static DType[] types(Device device) {
        DType best = DTypes.defaultFloat(device);
        return best == DType.FLOAT32 ? new DType[] {DType.FLOAT32} : new DType[] {DType.FLOAT64, DType.FLOAT32};
    }

    @OnEveryDevice
    void solveOf300And1000(Device device) {
        for (DType t : types(device)) solveResidual(device, t, 300, 3, 31);
        solveResidual(device, DTypes.defaultFloat(device), 1000, 1, 32);
    }

    @OnEveryDevice
    void invAndSlogdetOf300(Device device) {
        int n = 300;
        for (DType t : types(device)) {
            double[] a = rounded(gaussian(41, n * n), t);
            UsmNdArray da = on(device, t, a, n, n);
            double[] inv = host(DpnpLinalg.inv(da));
            double[] eye = new double[n * n];
            for (int i = 0; i < n; i++) eye[i * n + i] = 1;
            double bound = C * fro(a) * fro(inv) * n * eps(t);
            double res = residual(a, inv, eye, n, n);
            assertTrue(res <= bound, "inv 300 " + t + " on " + device.filterString() + ": ||A inv - I|| " + res + " above " + bound);
            UsmNdArray[] sl = DpnpLinalg.slogdet(da);
            double[] expected = hostSlogdet(a, n);
            assertEquals(expected[0], sl[0].item(), "slogdet sign, " + t + " on " + device.filterString());
            double tol = C * n * eps(t) * Math.abs(expected[1]) + C * n * eps(t);
            assertEquals(expected[1], sl[1].item(), tol, "slogdet logabsdet, " + t);
        }
    }

    /** sign and log|det| from a plain Java LU with partial pivoting, in double. */
    private static double[] hostSlogdet(double[] a0, int n) {
        double[] a = a0.clone();
        double sign = 1;
        double log = 0;
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) if (Math.abs(a[i * n + j]) > Math.abs(a[p * n + j])) p = i;
            if (p != j) {
                sign = -sign;
                for (int c = 0; c < n; c++) {
                    double x = a[j * n + c];
                    a[j * n + c] = a[p * n + c];
                    a[p * n + c] = x;
                }
            }
            double d = a[j * n + j];
            sign *= Math.signum(d);
            log += Math.log(Math.abs(d));
            for (int i = j + 1; i < n; i++) {
                double l = a[i * n + j] / d;
                for (int c = j + 1; c < n; c++) a[i * n + c] -= l * a[j * n + c];
            }
        }
        return new double[] {sign, log};
    }

    @OnEveryDevice
    void batchedSolveOf70(Device device) {
        int batch = 3;
        int n = 70;
        int r = 5;
        DType t = DTypes.defaultFloat(device);
        double[] a = rounded(gaussian(51, batch * n * n), t);
        double[] b = rounded(gaussian(52, batch * n * r), t);
        double[] x = host(DpnpLinalg.solve(on(device, t, a, batch, n, n), on(device, t, b, batch, n, r)));
        for (int g = 0; g < batch; g++) {
            double[] ag = java.util.Arrays.copyOfRange(a, g * n * n, (g + 1) * n * n);
            double[] xg = java.util.Arrays.copyOfRange(x, g * n * r, (g + 1) * n * r);
            double[] bg = java.util.Arrays.copyOfRange(b, g * n * r, (g + 1) * n * r);
            double bound = C * fro(ag) * fro(xg) * n * eps(t);
            double res = residual(ag, xg, bg, n, r);
            assertTrue(res <= bound, "batched solve, matrix " + g + " on " + device.filterString() + ": " + res + " above " + bound);
        }
    }

    @OnEveryDevice
    void zeroColumnDeepInsideIsSingular(Device device) {
        int n = 300;
        DType t = DTypes.defaultFloat(device);
        double[] a = gaussian(61, n * n);
        for (int i = 0; i < n; i++) a[i * n + 200] = 0;
        UsmNdArray da = on(device, t, a, n, n);
        LinAlgError e = assertThrows(LinAlgError.class, () -> DpnpLinalg.solve(da, on(device, t, gaussian(62, n), n)));
        assertTrue(e.getMessage().contains("Singular matrix") && e.getMessage().contains("column 200"), e.getMessage());
        UsmNdArray[] sl = DpnpLinalg.slogdet(da);
        assertEquals(0.0, sl[0].item());
        assertEquals(Double.NEGATIVE_INFINITY, sl[1].item());
    }
}
