package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.jdpx.dpnp.ErrorsTest.says;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * The variants of NumericFunctions, PolyFunctions and UfuncFunctions jdpx leaves out, bad
 * arguments, arrays on two devices, and einsum_path's report against NumPy's text.
 */
class NumericsErrorsTest {

    @OnEveryDevice
    void leftOutVariantsNameTheFunctionAndTheWayAround(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray p = Dpnp.arange(1, 4, 1, on);
        says(UnsupportedOperationException.class, "roots: the roots of a polynomial are the complex eigenvalues", () -> Dpnp.roots(p));
        says(UnsupportedOperationException.class, "evaluate with polyval", () -> Dpnp.roots(p));
        says(UnsupportedOperationException.class, "poly: the characteristic polynomial of a matrix",
                () -> Dpnp.poly(Dpnp.ones(new long[] {3, 3}, on)));
        says(UnsupportedOperationException.class, "geomspace: start and stop of opposite signs", () -> Dpnp.geomspace(-1, 8, 4, true, on));
    }

    @OnEveryDevice
    void badArgumentsSayWhatIsWrong(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray m = Dpnp.ones(new long[] {3, 4}, on);
        UsmNdArray v = Dpnp.arange(0, 3, 1, on);
        says(IllegalArgumentException.class, "einsum: the subscripts 'ij,jk' name 2 operands but 1 were given", () -> Dpnp.einsum("ij,jk", m));
        says(IllegalArgumentException.class, "einsum: invalid subscript '1'", () -> Dpnp.einsum("i1", m));
        says(IllegalArgumentException.class, "einsum: size of label 'j' for operand 1 (3) does not match previous terms (4)",
                () -> Dpnp.einsum("ij,jk", m, m.reshape(3, 4)));
        says(IllegalArgumentException.class, "einsum: output subscript 'z' does not appear", () -> Dpnp.einsum("ij->z", m));
        says(IllegalArgumentException.class, "no '...' ellipsis provided", () -> Dpnp.einsum("...j->j", m.reshape(3, 2, 2)));
        says(IllegalArgumentException.class, "convolve: mode must be 'full', 'same' or 'valid', not 'middle'", () -> Dpnp.convolve(v, v, "middle"));
        says(IllegalArgumentException.class, "correlate: object too deep", () -> Dpnp.correlate(m, v));
        says(IllegalArgumentException.class, "gradient: shape of array too small", () -> Dpnp.gradient(v.get("0:2"), null, null, 2));
        says(IllegalArgumentException.class, "gradient: edge_order must be 1 or 2", () -> Dpnp.gradient(v, null, null, 3));
        says(IllegalArgumentException.class, "cross: incompatible dimensions for cross product", () -> Dpnp.cross(m, m));
        says(IllegalArgumentException.class, "gcd: ufunc 'gcd' is defined for integers only", () -> Dpnp.gcd(m, m));
        says(IllegalArgumentException.class, "bitwise_count: ufunc 'bitwise_count' is defined for integers", () -> Dpnp.bitwiseCount(m));
        says(IllegalArgumentException.class, "cumulative_sum: axis must be given", () -> Dpnp.cumulativeSum(m));
        says(IllegalArgumentException.class, "polyfit: expected x and y to have same length", () -> Dpnp.polyfit(v, m.reshape(-1), 1));
        says(IllegalArgumentException.class, "polyder: order of derivative must be positive", () -> Dpnp.polyder(v, -1));
        says(IllegalArgumentException.class, "matrix_transpose: input array must be at least 2-dimensional", () -> Dpnp.matrixTranspose(v));
        says(IllegalArgumentException.class, "geomspace: geometric sequence cannot include zero", () -> Dpnp.geomspace(0, 8, 4, true, on));
    }

    @Test
    void einsumOperandsOnTwoDevicesAreAPlacementError() {
        List<Device> devices = TestDevices.all().toList();
        if (devices.size() < 2) return;
        UsmNdArray a = Dpnp.arange(0, 4, 1, ArrayOptions.on(devices.get(0))).reshape(2, 2);
        UsmNdArray b = Dpnp.arange(0, 4, 1, ArrayOptions.on(devices.get(1))).reshape(2, 2);
        assertThrows(ExecutionPlacementError.class, () -> Dpnp.einsum("ij,jk", a, b));
        assertThrows(ExecutionPlacementError.class, () -> Dpnp.convolve(a.reshape(-1), b.reshape(-1)));
    }

    /** The report NumPy prints for einsum_path (scaling, FLOP counts, intermediates), character for character. */
    @Test
    void einsumPathReportIsNumpys() throws Exception {
        Path dir = Path.of(NumericsErrorsTest.class.getResource("/numpy/numerics/cases/cases.txt").toURI()).getParent();
        ArrayOptions on = ArrayOptions.on(TestDevices.all().findFirst().orElseThrow());
        for (String name : new String[] {"matmul", "bilinear", "chain3", "chain4"}) {
            String[] text = Files.readString(dir.resolve("report_" + name + ".txt")).split("\n", 3);
            String[] ins = text[1].split(",");
            UsmNdArray[] ops = new UsmNdArray[ins.length];
            for (int i = 0; i < ins.length; i++) ops[i] = Dpnp.load(dir.resolve(ins[i] + ".npy"), on);
            assertEquals(text[2], Dpnp.einsumPath(text[0], ops).report(), name);
        }
    }
}
