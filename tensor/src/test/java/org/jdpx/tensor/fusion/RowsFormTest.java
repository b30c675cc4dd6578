package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Elementwise kernels over outputs of two or more axes that read strided views (a Jacobi sweep's
 * shifted interiors, a transposed 3-axis view, rows broadcast against columns): on a CPU OpenCL
 * driver they run as rows ({@link FusedKernels}: the last axis along the range's dimension 0),
 * elsewhere in the flat form, and both give plain Java's values bit for bit. Shapes are not
 * multiples of any vector width, and rows are both longer and shorter than the rows form's
 * minimum.
 */
class RowsFormTest {

    private static double[] data(int n, int seed) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = ((i * 37 + seed * 11) % 101) / 8.0 - 6;
        return v;
    }

    /** Whether {@code device} runs strided elementwise kernels as rows: a CPU OpenCL driver under its own plan. */
    private static boolean rows(Device device) {
        return !device.backend().equals("java") && device.type() != DeviceType.GPU && !DevicePlan.of(device).isGpu();
    }

    @OnEveryDevice
    void jacobiSweepThroughShiftedViews(Device device) {
        for (int[] rc : new int[][] {{37, 53}, {5, 131}, {70, 12}}) {
            int r = rc[0], c = rc[1];
            double[] a = data(r * c, 1);
            ArrayOptions on = ArrayOptions.on(device);
            UsmNdArray A = Tensor.asarray(a, new long[] {r, c}, on), B = Tensor.asarray(a, new long[] {r, c}, on).copy().eval();
            FusionDiagnostics.clear();
            B.set("1:-1, 1:-1", A.get(":-2, 1:-1").add(A.get("2:, 1:-1")).add(A.get("1:-1, :-2")).add(A.get("1:-1, 2:"))
                    .multiply(0.25));
            double[] got = B.toDoubleArray();
            List<String> events = FusionDiagnostics.events();
            String what = device.filterString() + " " + r + "x" + c;
            boolean asRows = rows(device) && c - 2 >= 16;
            assertEquals(asRows, events.stream().anyMatch(e -> e.contains("kernel fused on ") && e.contains(" rows: ")), what + ": " + events);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    boolean inside = i > 0 && j > 0 && i < r - 1 && j < c - 1;
                    double want = inside ? (a[(i - 1) * c + j] + a[(i + 1) * c + j] + a[i * c + j - 1] + a[i * c + j + 1]) * 0.25
                            : a[i * c + j];
                    assertEquals(want, got[i * c + j], 0.0, what + " element (" + i + ", " + j + ")");
                }
            }
        }
    }

    @OnEveryDevice
    void transposedThreeAxisViewAndBroadcastRows(Device device) {
        int p = 3, q = 4, s = 29;
        double[] x = data(p * q * s, 2), y = data(s * p * q, 3), col = data(s, 4);
        ArrayOptions on = ArrayOptions.on(device).dtype(DType.FLOAT32);
        UsmNdArray X = Tensor.asarray(x, new long[] {s, q, p}, on);
        UsmNdArray Y = Tensor.asarray(y, new long[] {p, q, s}, on);
        UsmNdArray C = Tensor.asarray(col, null, on);
        FusionDiagnostics.clear();
        // X.T is (p, q, s) read with steps (1, p, p*q); C broadcasts along the rows
        float[] got = X.T().multiply(2f).add(Y).subtract(C).toFloatArray();
        List<String> events = FusionDiagnostics.events();
        assertEquals(rows(device), events.stream().anyMatch(e -> e.contains("kernel fused on ") && e.contains(" rows: ")), device.filterString() + ": " + events);
        float[] xf = X.toFloatArray(), yf = Y.toFloatArray(), cf = C.toFloatArray();
        float[] want = new float[p * q * s];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                for (int k = 0; k < s; k++) {
                    want[(i * q + j) * s + k] = xf[(k * q + j) * p + i] * 2f + yf[(i * q + j) * s + k] - cf[k];
                }
            }
        }
        assertArrayEquals(want, got, 0f, device.filterString());
    }
}
