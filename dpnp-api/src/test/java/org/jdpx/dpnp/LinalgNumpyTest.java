package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.NpyData;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Every case {@code numpy/linalg/generate_linalg.py} computed with NumPy (square, rectangular,
 * tall-skinny, 1 x n, batched and transposed operands of sizes 1, 7, 33 and 257), run through
 * {@link DpnpLinalg} on each device: dtype and shape exactly (float64 read as float32 on a device
 * without fp64), integers exactly, floats within {@code 100 * n * eps * max|NumPy's output|}, n the
 * largest extent of the inputs and eps that of the dtype computed in.
 */
class LinalgNumpyTest {

    @OnEveryDevice
    void numpyLinalgCasesMatch(Device device) throws Exception {
        Path dir = Path.of(LinalgNumpyTest.class.getResource("/numpy/linalg/cases/cases.txt").toURI()).getParent();
        CaseFile r = CaseFile.run(dir.resolve("cases.txt"), f -> check(device, dir, f));
        List<String> failures = r.failures();
        int checked = r.checked();
        Set<String> functions = r.functions();
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " linalg cases differ from NumPy on "
                + device.filterString() + ":\n" + String.join("\n", failures));
        assertTrue(checked > 150 && functions.size() >= 24, "cases read: " + checked + ", functions: " + functions);
    }

    private static String check(Device device, Path dir, String[] f) throws java.io.IOException {
        ArrayOptions on = ArrayOptions.on(device);
        String[] ins = f[3].split(",");
        UsmNdArray[] x = new UsmNdArray[ins.length];
        long n = 1;
        for (int i = 0; i < ins.length; i++) {
            x[i] = Dpnp.load(dir.resolve(ins[i] + ".npy"), on);
            for (long e : x[i].shape()) n = Math.max(n, e);
        }
        UsmNdArray[] got = LinalgCalls.run(f[1], new Args(f[2]), x, on);
        String[] outs = f[4].split(",");
        if (got.length != outs.length) return got.length + " outputs, NumPy " + outs.length;
        for (int k = 0; k < outs.length; k++) {
            String p = compare(device, got[k], Npy.read(dir.resolve(outs[k] + ".npy")), n);
            if (p != null) return (outs.length > 1 ? "output " + k + ": " : "") + p;
        }
        return null;
    }

    private static String compare(Device device, UsmNdArray got, NpyData want, long n) {
        DType wantType = DTypes.forDevice(want.dtype(), device, false);
        if (got.dtype() != wantType) return "dtype " + got.dtype() + ", NumPy " + want.dtype();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.describe(got.shape()) + ", NumPy " + Shapes.describe(want.shape());
        }
        MemorySegment g = got.toHostSegment();
        long size = Shapes.size(want.shape());
        if (!want.dtype().isFloat()) {
            for (long i = 0; i < size; i++) {
                long a = g.getAtIndex(ValueLayout.JAVA_LONG, i);
                long b = want.data().getAtIndex(ValueLayout.JAVA_LONG, i);
                if (a != b) return "element " + i + " is " + a + ", NumPy " + b;
            }
            return null;
        }
        boolean f32 = got.dtype() == DType.FLOAT32;
        double[] w = new double[(int) size];
        double scale = 0;
        for (int i = 0; i < size; i++) {
            w[i] = want.dtype() == DType.FLOAT32 ? want.data().getAtIndex(ValueLayout.JAVA_FLOAT, i)
                    : want.data().getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            if (Double.isFinite(w[i])) scale = Math.max(scale, Math.abs(w[i]));
        }
        double tol = 100 * n * (f32 ? Math.ulp(1.0f) : Math.ulp(1.0)) * Math.max(scale, Double.MIN_NORMAL);
        for (int i = 0; i < size; i++) {
            double a = f32 ? g.getAtIndex(ValueLayout.JAVA_FLOAT, i) : g.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            boolean same = Double.isNaN(w[i]) ? Double.isNaN(a) : Double.isInfinite(w[i]) ? a == w[i] : Math.abs(a - w[i]) <= tol;
            if (!same) return "element " + i + " is " + a + ", NumPy " + w[i] + " (tolerance " + tol + ")";
        }
        return null;
    }
}
