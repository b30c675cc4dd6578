package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's products of two vectors on every device and plan: {@code vdot} conjugates its first
 * argument (NumPy: {@code np.vdot([1+2j, 3-1j], [2+1j, -1+4j]) == -3+8j}, while {@code np.dot}
 * gives {@code 1+18j}) and flattens both; {@code inner} and {@code dot} of 1-D arrays are the
 * plain sum of products, floats within {@code 2 n eps sum|a b|} of a plain-Java sum, ints exact.
 */
class VectorDotTest {

    @OnEveryPlan
    void vdotConjugatesItsFirstArgument(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            ArrayOptions on = ArrayOptions.on(d);
            for (DType t : d.hasAspect(Aspect.FP64) ? List.of(DType.COMPLEX64, DType.COMPLEX128) : List.of(DType.COMPLEX64)) {
                UsmNdArray a = Tensor.asComplexArray(new double[] {1, 2, 3, -1}, null, on.dtype(t));
                UsmNdArray b = Tensor.asComplexArray(new double[] {2, 1, -1, 4}, null, on.dtype(t));
                assertArrayEquals(new double[] {-3, 8}, Dpnp.vdot(a, b).toComplexDoubleArray(), 1e-6, t.toString());
                assertArrayEquals(new double[] {1, 18}, Dpnp.dot(a, b).toComplexDoubleArray(), 1e-6, t.toString());
                assertArrayEquals(new double[] {1, 18}, Dpnp.inner(a, b).toComplexDoubleArray(), 1e-6, t.toString());
                // flattened: a 2 x 2 against a 4-vector
                UsmNdArray m = Tensor.asComplexArray(new double[] {1, 1, 0, 2, -1, 0, 3, -3}, new long[] {2, 2}, on.dtype(t));
                UsmNdArray v = Tensor.asComplexArray(new double[] {1, 0, 0, 1, 2, 2, 1, -1}, null, on.dtype(t));
                // conj(m) . v = (1-i)(1) + (-2i)(i) + (-1)(2+2i) + (3+3i)(1-i) = 1-i + 2 - 2-2i + 6
                assertArrayEquals(new double[] {7, -3}, Dpnp.vdot(m, v).toComplexDoubleArray(), 1e-5, t.toString());
            }
        });
    }

    @OnEveryPlan
    void dotAndInnerOfVectorsMatchPlainJava(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            Random rnd = new Random(31);
            ArrayOptions on = ArrayOptions.on(d);
            for (int n : new int[] {1, 7, 1000, (1 << 20) + 3}) {
                double[] x = new double[n];
                double[] y = new double[n];
                double want = 0;
                double mag = 0;
                for (int i = 0; i < n; i++) {
                    x[i] = rnd.nextInt(9) - 4;
                    y[i] = rnd.nextInt(9) - 4;
                    want += x[i] * y[i];
                    mag += Math.abs(x[i] * y[i]);
                }
                UsmNdArray xl = Tensor.asarray(x, null, on.dtype(DType.INT64));
                UsmNdArray yl = Tensor.asarray(y, null, on.dtype(DType.INT64));
                assertEquals(want, Dpnp.dot(xl, yl).item(), 0, "int64 dot n=" + n);
                assertEquals(want, Dpnp.inner(xl, yl).item(), 0, "int64 inner n=" + n);
                assertEquals(want, Dpnp.vdot(xl, yl).item(), 0, "int64 vdot n=" + n);
                UsmNdArray xf = Tensor.asarray(x, null, on.dtype(DType.FLOAT32)).get("::-1");
                UsmNdArray yf = Tensor.asarray(y, null, on.dtype(DType.FLOAT32)).get("::-1");
                double bound = 2 * n * 0x1p-23 * mag;
                for (UsmNdArray r : List.of(Dpnp.dot(xf, yf), Dpnp.inner(xf, yf), Dpnp.vdot(xf, yf))) {
                    assertEquals(DType.FLOAT32, r.dtype());
                    assertArrayEquals(new long[0], r.shape());
                    assertTrue(Math.abs(r.item() - want) <= bound, "float32 n=" + n + ": " + r.item() + " vs " + want);
                }
            }
        });
    }
}
