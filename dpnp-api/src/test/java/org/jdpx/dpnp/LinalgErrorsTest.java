package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.function.Executable;

/** numpy.linalg's errors as NumPy raises them, on every device; and where the results live. */
class LinalgErrorsTest {

    private static void says(Class<? extends Throwable> type, String words, Executable r) {
        Throwable t = assertThrows(type, r);
        assertTrue(t.getMessage().contains(words), "message \"" + t.getMessage() + "\" should contain \"" + words + "\"");
    }

    private static UsmNdArray matrix(Device device, double[] values, long... shape) {
        return Tensor.asarray(values, shape, ArrayOptions.on(device).dtype(DTypes.defaultFloat(device)));
    }

    @OnEveryDevice
    void singularAndIndefiniteMatricesRaiseLinAlgError(Device device) {
        UsmNdArray singular = matrix(device, new double[] {1, 2, 3, 2, 4, 6, 1, 0, 1}, 3, 3);
        UsmNdArray b = matrix(device, new double[] {1, 2, 3}, 3);
        says(LinAlgError.class, "Singular matrix", () -> DpnpLinalg.solve(singular, b));
        says(LinAlgError.class, "Singular matrix", () -> DpnpLinalg.inv(singular));
        UsmNdArray stack = matrix(device, new double[] {2, 0, 0, 2, 1, 1, 1, 1}, 2, 2, 2);
        says(LinAlgError.class, "matrix 1 of the stack", () -> DpnpLinalg.inv(stack));
        UsmNdArray indefinite = matrix(device, new double[] {1, 2, 2, 1}, 2, 2);
        says(LinAlgError.class, "Matrix is not positive definite", () -> DpnpLinalg.cholesky(indefinite));
        says(LinAlgError.class, "Matrix is not positive definite", () -> DpnpLinalg.cholesky(DpnpLinalg.matrixPower(indefinite, 0).negative()));
        assertEquals(0.0, DpnpLinalg.det(singular).item(), 1e-6);
        UsmNdArray[] sl = DpnpLinalg.slogdet(singular);
        assertEquals(0.0, sl[0].item());
        assertEquals(Double.NEGATIVE_INFINITY, sl[1].item());
        assertEquals(Double.POSITIVE_INFINITY, DpnpLinalg.cond(singular, 1).item());
    }

    @OnEveryDevice
    void shapeErrorsAreNumPys(Device device) {
        UsmNdArray rect = matrix(device, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        UsmNdArray vec = matrix(device, new double[] {1, 2, 3}, 3);
        says(LinAlgError.class, "Last 2 dimensions of the array must be square", () -> DpnpLinalg.inv(rect));
        says(LinAlgError.class, "Last 2 dimensions of the array must be square", () -> DpnpLinalg.det(rect));
        says(LinAlgError.class, "1-dimensional array given. Array must be at least two-dimensional", () -> DpnpLinalg.qr(vec));
        says(LinAlgError.class, "1-dimensional array given", () -> DpnpLinalg.svd(vec));
        UsmNdArray sq = matrix(device, new double[] {2, 1, 1, 2}, 2, 2);
        says(IllegalArgumentException.class, "mismatch in its core dimension 0", () -> DpnpLinalg.solve(sq, vec));
        says(IllegalArgumentException.class, "qr: unrecognized mode 'full'", () -> DpnpLinalg.qr(sq, "full"));
        says(IllegalArgumentException.class, "UPLO argument must be 'L' or 'U'", () -> DpnpLinalg.eigh(sq, "X"));
        says(IllegalArgumentException.class, "invalid norm order 'nuc' for vectors", () -> DpnpLinalg.norm(vec, "nuc", null, false));
    }

    @OnEveryDevice
    void resultsLiveOnTheInputsDevice(Device device) {
        UsmNdArray sq = matrix(device, new double[] {2, 1, 1, 2}, 2, 2);
        UsmNdArray det = DpnpLinalg.det(sq);
        assertEquals(0, det.ndim());
        assertEquals(3.0, det.item(), 1e-6);
        assertEquals(device, det.device());
        assertEquals(device, DpnpLinalg.inv(sq).device());
        assertEquals(device, DpnpLinalg.svd(sq)[0].device());
        assertEquals(device, DpnpLinalg.eigh(sq)[1].device());
    }
}
