package org.jdpx.dpnp;

import static org.jdpx.dpnp.LinalgLuLargeTest.eps;
import static org.jdpx.dpnp.LinalgLuLargeTest.fro;
import static org.jdpx.dpnp.LinalgLuLargeTest.gaussian;
import static org.jdpx.dpnp.LinalgLuLargeTest.host;
import static org.jdpx.dpnp.LinalgLuLargeTest.on;
import static org.jdpx.dpnp.LinalgLuLargeTest.residual;
import static org.jdpx.dpnp.LinalgLuLargeTest.rounded;
import static org.jdpx.dpnp.LinalgLuLargeTest.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.usm.UsmPool;

/**
 * solve at the sizes around the recursion's leaves and tiles (1, 2, 31, 64, 65, 300 and the
 * benchmark's 1024), on every device, float64 where the device has it and float32 everywhere:
 * <ul>
 *   <li>a row-permuted well-conditioned matrix (condition number below 4), whose diagonal is no
 *       pivot, so partial pivoting must undo the permutation: x against a plain Java LU with
 *       partial pivoting, within {@code 16 n eps max|x|};</li>
 *   <li>a Gaussian matrix (row interchanges at almost every column): the residual
 *       {@code ||AX - B||_F <= 40 ||A||_F ||X||_F n eps}, the backward-stability bound;</li>
 *   <li>a matrix with a zero row: NumPy's "Singular matrix" LinAlgError, with the way out.</li>
 * </ul>
 */
class LinalgSolveSizesTest {
    private static final int[] SIZES = {1, 2, 31, 64, 65, 300};

    /** {@code P (I + 0.3 G / sqrt(n))}, G Gaussian and P a random row permutation with no fixed row (n > 1). */
    private static double[] permutedWellConditioned(int n, long seed) {
        Random r = new Random(seed);
        double[] m = new double[n * n];
        for (int i = 0; i < n * n; i++) m[i] = 0.3 * r.nextGaussian() / Math.sqrt(n);
        for (int i = 0; i < n; i++) m[i * n + i] += 1;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(m, i * n, a, ((i + 1) % n) * n, n); // a cyclic shift: no row in place
        return a;
    }

    /** X of {@code A X = B} by a plain Java LU with partial pivoting, in double (B is n x r). */
    static double[] hostSolve(double[] a0, double[] b0, int n, int r) {
        double[] a = a0.clone();
        double[] b = b0.clone();
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) if (Math.abs(a[i * n + j]) > Math.abs(a[p * n + j])) p = i;
            swapRows(a, j, p, n);
            swapRows(b, j, p, r);
            for (int i = j + 1; i < n; i++) {
                double l = a[i * n + j] / a[j * n + j];
                for (int c = j + 1; c < n; c++) a[i * n + c] -= l * a[j * n + c];
                for (int c = 0; c < r; c++) b[i * r + c] -= l * b[j * r + c];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int c = 0; c < r; c++) {
                double s = b[i * r + c];
                for (int k = i + 1; k < n; k++) s -= a[i * n + k] * b[k * r + c];
                b[i * r + c] = s / a[i * n + i];
            }
        }
        return b;
    }

    private static void swapRows(double[] m, int i, int j, int cols) {
        if (i == j) return;
        for (int c = 0; c < cols; c++) {
            double x = m[i * cols + c];
            m[i * cols + c] = m[j * cols + c];
            m[j * cols + c] = x;
        }
    }

    private static void pivotedAgainstJava(Device device, DType t, int n, int r) {
        double[] a = rounded(n == 1 ? new double[] {-3} : permutedWellConditioned(n, 100 + n), t);
        double[] b = rounded(gaussian(200 + n, n * r), t);
        double[] expected = hostSolve(a, b, n, r);
        UsmNdArray x = r == 1 ? DpnpLinalg.solve(on(device, t, a, n, n), on(device, t, b, n))
                : DpnpLinalg.solve(on(device, t, a, n, n), on(device, t, b, n, r));
        assertArrayEquals(r == 1 ? new long[] {n} : new long[] {n, r}, x.shape());
        double[] got = host(x);
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        double tol = 16 * n * eps(t) * scale;
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], tol, "solve of a row-permuted " + n + "x" + n + " " + t + " on "
                    + device.filterString() + ", element " + i);
        }
    }

    private static void gaussianResidual(Device device, DType t, int n, int r) {
        double[] a = rounded(gaussian(300 + n, n * n), t);
        double[] b = rounded(gaussian(400 + n, n * r), t);
        double[] x = host(DpnpLinalg.solve(on(device, t, a, n, n), on(device, t, b, n, r)));
        double bound = 40 * fro(a) * fro(x) * n * eps(t);
        double res = residual(a, x, b, n, r);
        assertTrue(res <= bound, "solve of a Gaussian " + n + "x" + n + " " + t + " on " + device.filterString()
                + ": ||AX - B|| " + res + " above 40 ||A|| ||X|| n eps = " + bound);
    }

    @OnEveryDevice
    void solvesAroundTheLeavesMatchPlainJava(Device device) {
        for (DType t : types(device)) {
            for (int n : SIZES) {
                pivotedAgainstJava(device, t, n, 1);
                pivotedAgainstJava(device, t, n, 3);
                gaussianResidual(device, t, n, 2);
            }
        }
    }

    @OnEveryDevice
    void solveOf1024(Device device) {
        DType t = DTypes.defaultFloat(device);
        pivotedAgainstJava(device, t, 1024, 1);
        gaussianResidual(device, t, 1024, 1);
    }

    /**
     * A solve gives none of its arrays a JVM view (a shared arena whose close waits for a
     * handshake with every JVM thread, 50-65 µs on the reference machine, as long as a whole 31x31
     * solve). On the java device it runs as host tasks over its arrays' bytes, which made four such
     * views per solve before; other devices' memory has no JVM view to make.
     */
    @OnEveryDevice
    void solveMakesNoJvmViews(Device device) {
        DType t = DTypes.defaultFloat(device);
        int n = 31;
        double[] a = rounded(permutedWellConditioned(n, 131), t), b = rounded(gaussian(231, n), t);
        UsmNdArray da = on(device, t, a, n, n), db = on(device, t, b, n);
        long before = UsmPool.of(device).stats().viewArenas();
        UsmNdArray x = DpnpLinalg.solve(da, db).eval();
        assertEquals(0, UsmPool.of(device).stats().viewArenas() - before, "the solve made JVM views of its arrays on "
                + device.filterString());
        double[] expected = hostSolve(a, b, n, 1), got = host(x);
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        assertArrayEquals(expected, got, 16 * n * eps(t) * scale, device.filterString());
    }

    @OnEveryDevice
    void zeroRowIsSingular(Device device) {
        for (DType t : types(device)) {
            for (int n : new int[] {1, 2, 31, 65}) {
                double[] a = gaussian(500 + n, n * n);
                int zero = n / 2;
                for (int c = 0; c < n; c++) a[zero * n + c] = 0;
                UsmNdArray da = on(device, t, a, n, n);
                UsmNdArray db = on(device, t, gaussian(600 + n, n), n);
                LinAlgError e = assertThrows(LinAlgError.class, () -> DpnpLinalg.solve(da, db), n + "x" + n + " " + t);
                assertTrue(e.getMessage().contains("Singular matrix") && e.getMessage().contains("lstsq or pinv"),
                        e.getMessage());
            }
        }
    }
}
