package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.NpyData;
import org.jdpx.tensor.UsmNdArray;

/**
 * Every case {@code numpy/numerics/generate_numerics.py} computed with NumPy (einsum and
 * einsum_path, convolve/correlate, gradient, trapezoid, unwrap, cross, kron, vander, the vector
 * and matrix products, polynomials, the special ufuncs, windows, geomspace and the cumulative
 * functions), run through {@link Dpnp} on each device and compared as {@link NumpyDifferentialTest}
 * compares. The "bits" class (frexp, modf, nextafter, spacing) is exact in the result's dtype;
 * its float64 cases need fp64, and every function must have a case checked on every device.
 */
class NumericsNumpyTest {

    @OnEveryDevice
    void numericsCasesMatch(Device device) throws Exception {
        Path dir = Path.of(NumericsNumpyTest.class.getResource("/numpy/numerics/cases/cases.txt").toURI()).getParent();
        boolean fp64 = device.hasAspect(Aspect.FP64);
        Set<String> checkedFunctions = new TreeSet<>();
        CaseFile r = CaseFile.run(dir.resolve("cases.txt"), f -> {
            String problem = check(device, fp64, dir, f);
            if (!"n/a".equals(problem)) checkedFunctions.add(f[1]);
            return "n/a".equals(problem) ? null : problem;
        });
        List<String> failures = r.failures();
        assertTrue(failures.isEmpty(), failures.size() + " of " + r.checked() + " numerics cases differ from NumPy on "
                + device.filterString() + ":\n" + String.join("\n", failures));
        assertTrue(r.checked() > 200 && r.functions().size() >= 40, "cases read: " + r.checked() + ", functions: " + r.functions());
        assertEquals(r.functions(), checkedFunctions, "functions without a case checked on " + device.filterString());
    }

    private static String check(Device device, boolean fp64, Path dir, String[] f) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        String[] ins = f[3].isEmpty() ? new String[0] : f[3].split(",");
        UsmNdArray[] x = new UsmNdArray[ins.length];
        boolean float64Data = false;
        for (int i = 0; i < ins.length; i++) {
            float64Data |= Npy.read(dir.resolve(ins[i] + ".npy")).dtype() == DType.FLOAT64;
            x[i] = Dpnp.load(dir.resolve(ins[i] + ".npy"), on);
        }
        String tol = f[5];
        if (tol.equals("bits")) {
            if (float64Data && !fp64) return "n/a";
            tol = "exact";
        }
        UsmNdArray[] got = NumericsCalls.run(f[1], new Args(f[2]), x, on);
        String[] outs = f[4].split(",");
        if (got.length != outs.length) return got.length + " outputs, NumPy " + outs.length;
        boolean float32Data = Arrays.stream(x).anyMatch(a -> a.dtype() == DType.FLOAT32);
        for (int k = 0; k < outs.length; k++) {
            String p = NumpyDifferentialTest.compare(device, got[k], Npy.read(dir.resolve(outs[k] + ".npy")), tol, float32Data);
            if (p != null) return (outs.length > 1 ? "output " + k + ": " : "") + p;
        }
        return null;
    }
}
