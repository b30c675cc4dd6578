package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The decompositions whose factors NumPy does not fix (signs, bases of repeated values,
 * completions), checked by residuals on every device, each relative to {@code ||A|| * n * eps}
 * of the dtype computed in: {@code ||A - U S Vh||}, {@code ||A - Q R||}, {@code ||A V - V W||},
 * {@code ||L L^T - A||}, {@code ||A X - B||}, and the orthogonality of Q, U, V
 * ({@code ||Q^T Q - I|| <= n * eps}), the constant allowing a few dozen roundings per element.
 */
class LinalgResidualTest {
    private static final double C = 40;

    /** One stack of matrices on the host: [batch][row][col]. */
    private static double[][][] host(UsmNdArray x) {
        UsmNdArray s = x.reshape(-1, x.shape()[x.ndim() - 2], x.shape()[x.ndim() - 1]);
        int b = (int) s.shape()[0];
        int m = (int) s.shape()[1];
        int n = (int) s.shape()[2];
        double[] flat = x.dtype() == DType.FLOAT64 ? s.toDoubleArray() : toDoubles(s.toFloatArray());
        double[][][] r = new double[b][m][n];
        for (int i = 0; i < b; i++) for (int j = 0; j < m; j++) System.arraycopy(flat, (i * m + j) * n, r[i][j], 0, n);
        return r;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] r = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) for (int k = 0; k < b.length; k++) for (int j = 0; j < b[0].length; j++) r[i][j] += a[i][k] * b[k][j];
        return r;
    }

    private static double[][] transpose(double[][] a) {
        double[][] r = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) r[j][i] = a[i][j];
        return r;
    }

    private static double fro(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v * v;
        return Math.sqrt(s);
    }

    private static double diffFro(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) s += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
        return Math.sqrt(s);
    }

    private static double[][] eye(int n) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) r[i][i] = 1;
        return r;
    }

    private static UsmNdArray random(Device device, long seed, long... shape) {
        Random r = new Random(seed);
        long size = 1;
        for (long e : shape) size *= e;
        double[] v = new double[(int) size];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        return Tensor.asarray(v, shape, ArrayOptions.on(device).dtype(DTypes.defaultFloat(device)));
    }

    private static double eps(UsmNdArray x) {
        return x.dtype() == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
    }

    private static void small(String what, double residual, double bound) {
        assertTrue(residual <= bound, what + ": residual " + residual + " above " + bound);
    }

    /** Columns 0..k-1 of a. */
    private static double[][] cols(double[][] a, int k) {
        double[][] r = new double[a.length][k];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, r[i], 0, k);
        return r;
    }

    private static void checkSvd(String what, UsmNdArray a, boolean full) {
        UsmNdArray[] usv = DpnpLinalg.svd(a, full, true);
        double[][][] ah = host(a);
        double[][][] u = host(usv[0]);
        double[][][] vh = host(usv[2]);
        double[][][] s = host(usv[1].reshape(-1, 1, usv[1].shape()[usv[1].ndim() - 1]));
        double eps = eps(usv[1]);
        for (int b = 0; b < ah.length; b++) {
            int m = ah[b].length;
            int n = ah[b][0].length;
            int k = Math.min(m, n);
            double[][] us = cols(u[b], k);
            for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i][j] *= s[b][0][j];
            double[][] rec = mul(us, java.util.Arrays.copyOf(vh[b], k));
            double scale = Math.max(m, n) * eps;
            small(what + " batch " + b + " ||A - U S Vh||", diffFro(ah[b], rec), C * fro(ah[b]) * scale + Double.MIN_NORMAL);
            small(what + " ||U^T U - I||", diffFro(mul(transpose(u[b]), u[b]), eye(u[b][0].length)), C * scale);
            small(what + " ||Vh Vh^T - I||", diffFro(mul(vh[b], transpose(vh[b])), eye(vh[b].length)), C * scale);
            for (int j = 1; j < k; j++) assertTrue(s[b][0][j] <= s[b][0][j - 1], what + ": singular values not descending");
        }
    }

    @OnEveryDevice
    void svdFactorsReconstructAndAreOrthogonal(Device device) {
        long[][] shapes = {{1, 1}, {7, 7}, {33, 7}, {7, 33}, {1, 7}, {2, 5, 3}, {257, 7}, {33, 33}};
        for (long[] shape : shapes) {
            UsmNdArray a = random(device, shape.length * 31L + shape[0], shape);
            checkSvd("svd full " + java.util.Arrays.toString(shape), a, true);
            checkSvd("svd reduced " + java.util.Arrays.toString(shape), a, false);
        }
        checkSvd("svd of a transposed view", random(device, 5, 33, 7).swapaxes(0, 1), true);
        UsmNdArray rank3 = Dpnp.matmul(random(device, 6, 7, 3), random(device, 7, 3, 5));
        checkSvd("svd of a rank-3 7x5", rank3, true);
    }

    @OnEveryDevice
    void qrCompleteIsOrthogonalAndReconstructs(Device device) {
        for (long[] shape : new long[][] {{33, 7}, {7, 33}, {2, 9, 4}, {257, 33}}) {
            UsmNdArray a = random(device, shape[0] + 7L * shape[shape.length - 1], shape);
            UsmNdArray[] qr = DpnpLinalg.qr(a, "complete");
            double[][][] ah = host(a);
            double[][][] q = host(qr[0]);
            double[][][] r = host(qr[1]);
            double scale = Math.max(shape[shape.length - 2], shape[shape.length - 1]) * eps(qr[0]);
            for (int b = 0; b < ah.length; b++) {
                small("qr ||A - QR||", diffFro(ah[b], mul(q[b], r[b])), C * fro(ah[b]) * scale);
                small("qr ||Q^T Q - I||", diffFro(mul(transpose(q[b]), q[b]), eye(q[b].length)), C * scale);
                for (int i = 0; i < r[b].length; i++) for (int j = 0; j < Math.min(i, r[b][0].length); j++) {
                    assertTrue(r[b][i][j] == 0, "R is not upper triangular at " + i + "," + j);
                }
            }
        }
    }

    @OnEveryDevice
    void eighVectorsSatisfyTheEigenEquation(Device device) {
        UsmNdArray repeated = Tensor.asarray(new double[] {2, 1, 0, 1, 2, 0, 0, 0, 3}, new long[] {3, 3}, ArrayOptions.on(device).dtype(DTypes.defaultFloat(device)));
        Object[][] cases = {{random(device, 11, 7, 7), "L"}, {random(device, 12, 33, 33), "U"}, {random(device, 13, 3, 6, 6), "L"},
            {repeated, "L"}, {random(device, 14, 1, 1), "U"}};
        for (Object[] c : cases) {
            UsmNdArray a = (UsmNdArray) c[0];
            String uplo = (String) c[1];
            UsmNdArray[] wv = DpnpLinalg.eigh(a, uplo);
            double[][][] ah = host(a);
            double[][][] v = host(wv[1]);
            double[][][] w = host(wv[0].reshape(-1, 1, a.shape()[a.ndim() - 1]));
            int n = (int) a.shape()[a.ndim() - 1];
            double scale = n * eps(wv[0]);
            for (int b = 0; b < ah.length; b++) {
                double[][] sym = new double[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                    boolean fromLower = uplo.equals("L") ? i >= j : i <= j;
                    sym[i][j] = fromLower ? ah[b][i][j] : ah[b][j][i];
                }
                double[][] av = mul(sym, v[b]);
                double[][] vw = new double[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) vw[i][j] = v[b][i][j] * w[b][0][j];
                small("eigh " + uplo + " n=" + n + " ||A V - V W||", diffFro(av, vw), C * fro(sym) * scale);
                small("eigh ||V^T V - I||", diffFro(mul(transpose(v[b]), v[b]), eye(n)), C * scale);
                for (int j = 1; j < n; j++) assertTrue(w[b][0][j] >= w[b][0][j - 1], "eigenvalues not ascending");
            }
        }
        assertArrayEquals(new float[] {1, 3, 3}, DpnpLinalg.eigvalsh(repeated).astype(DType.FLOAT32).toFloatArray(), 1e-5f);
    }

    @OnEveryDevice
    void choleskyAndSolveResiduals(Device device) {
        UsmNdArray m = random(device, 21, 257, 257);
        UsmNdArray spd = Tensor.add(Dpnp.matmul(m, m.T()), Tensor.multiply(Dpnp.eye(257, 257, 0, ArrayOptions.on(device).dtype(DTypes.defaultFloat(device))), 257)).eval();
        UsmNdArray l = DpnpLinalg.cholesky(spd);
        double[][] a = host(spd)[0];
        double[][] lh = host(l)[0];
        double eps = eps(l);
        small("cholesky 257 ||L L^T - A||", diffFro(mul(lh, transpose(lh)), a), C * fro(a) * 257 * eps);
        UsmNdArray g = Tensor.add(random(device, 22, 2, 33, 33), Tensor.multiply(Dpnp.eye(33, 33, 0, ArrayOptions.on(device).dtype(DTypes.defaultFloat(device))), 8)).eval();
        UsmNdArray rhs = random(device, 23, 2, 33, 4);
        UsmNdArray x = DpnpLinalg.solve(g, rhs);
        double[][][] gh = host(g);
        double[][][] xh = host(x);
        double[][][] bh = host(rhs);
        for (int b = 0; b < 2; b++) {
            small("solve batched ||A X - B||", diffFro(mul(gh[b], xh[b]), bh[b]), C * fro(gh[b]) * fro(xh[b]) * 33 * eps);
        }
    }
}
