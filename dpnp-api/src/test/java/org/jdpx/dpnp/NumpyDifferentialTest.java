package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Npy;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Every case {@code numpy/generate_cases.py} computed with NumPy, run through {@link Dpnp} on
 * each device and compared output by output: dtype exactly (float64 read as float32 on a device
 * without fp64), shape exactly, integers and bools exactly, floats by the case's tolerance class
 * (exact; ulp: one correctly rounded function; composed: several operations or a reduction),
 * widened to float32 accuracy where the data is float32.
 */
class NumpyDifferentialTest {

    static Path dir() throws URISyntaxException {
        return Path.of(NumpyDifferentialTest.class.getResource("/numpy/cases/cases.txt").toURI()).getParent();
    }

    @OnEveryDevice
    void numpyCasesMatch(Device device) throws Exception {
        Path dir = dir();
        CaseFile r = CaseFile.run(dir.resolve("cases.txt"), f -> check(device, dir, f));
        List<String> failures = r.failures();
        int checked = r.checked();
        Set<String> functions = r.functions();
        assertTrue(checked > 400 && functions.size() > 180, "cases read: " + checked + ", functions: " + functions.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " cases differ from NumPy on "
                + device.filterString() + ":\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    private static String check(Device device, Path dir, String[] f) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        String[] ins = f[3].isEmpty() ? new String[0] : f[3].split(",");
        UsmNdArray[] x = new UsmNdArray[ins.length];
        for (int i = 0; i < ins.length; i++) x[i] = Dpnp.load(dir.resolve(ins[i] + ".npy"), on);
        UsmNdArray[] got = Calls.run(f[1], new Args(f[2]), x, on);
        String[] outs = f[4].split(",");
        if (got.length != outs.length) return got.length + " outputs, NumPy " + outs.length;
        boolean float32Data = Arrays.stream(x).anyMatch(a -> a.dtype() == DType.FLOAT32);
        for (int k = 0; k < outs.length; k++) {
            String p = compare(device, got[k], Npy.read(dir.resolve(outs[k] + ".npy")), f[5], float32Data);
            if (p != null) return (outs.length > 1 ? "output " + k + ": " : "") + p;
        }
        return null;
    }

    static String compare(Device device, UsmNdArray got, Npy.Data want, String tol, boolean float32Data) {
        DType wantType = DTypes.forDevice(want.dtype(), device, false);
        if (got.dtype() != wantType) return "dtype " + got.dtype() + ", NumPy " + want.dtype();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.describe(got.shape()) + ", NumPy " + Shapes.describe(want.shape());
        }
        if (tol.equals("shape")) return null;
        MemorySegment g = got.toHostSegment();
        boolean f32 = got.dtype() == DType.FLOAT32;
        boolean reduced = f32 && want.dtype() == DType.FLOAT64 || float32Data;
        double rtol;
        double atol;
        switch (tol) {
            case "exact", "exact_reshaped" -> {
                rtol = reduced && !f32 ? 2e-6 : 0;
                atol = 0;
            }
            case "ulp" -> {
                rtol = f32 || reduced ? 1e-5 : 1e-13;
                atol = f32 || reduced ? 1e-6 : 1e-15;
            }
            default -> {
                rtol = f32 || reduced ? 2e-4 : 1e-9;
                atol = f32 || reduced ? 2e-5 : 1e-12;
            }
        }
        long n = Shapes.size(want.shape());
        for (long i = 0; i < n; i++) {
            if (want.dtype().isFloat()) {
                double a = f32 ? g.getAtIndex(ValueLayout.JAVA_FLOAT, i) : g.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                double b = want.dtype() == DType.FLOAT32 ? want.data().getAtIndex(ValueLayout.JAVA_FLOAT, i)
                        : want.data().getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                if (f32 && want.dtype() == DType.FLOAT64 && tol.startsWith("exact")) b = (float) b;
                boolean same = Double.isNaN(b) ? Double.isNaN(a) : Double.isInfinite(b) ? a == b
                        : b == 0 && atol == 0 && rtol == 0 ? Double.compare(a, b) == 0 // an exact zero keeps its sign
                        : Math.abs(a - b) <= atol + rtol * Math.abs(b);
                if (!same) return "element " + i + " is " + a + ", NumPy " + b;
            } else {
                long a = readLong(g, got.dtype(), i);
                long b = readLong(want.data(), want.dtype(), i);
                if (a != b) return "element " + i + " is " + a + ", NumPy " + b;
            }
        }
        return null;
    }

    private static long readLong(MemorySegment s, DType t, long i) {
        return switch (t.itemSize()) {
            case 1 -> t == DType.UINT8 || t == DType.BOOL ? Byte.toUnsignedLong(s.get(ValueLayout.JAVA_BYTE, i)) : s.get(ValueLayout.JAVA_BYTE, i);
            case 2 -> t == DType.UINT16 ? Short.toUnsignedLong(s.getAtIndex(ValueLayout.JAVA_SHORT, i)) : s.getAtIndex(ValueLayout.JAVA_SHORT, i);
            case 4 -> t == DType.UINT32 ? Integer.toUnsignedLong(s.getAtIndex(ValueLayout.JAVA_INT, i)) : s.getAtIndex(ValueLayout.JAVA_INT, i);
            default -> s.getAtIndex(ValueLayout.JAVA_LONG, i);
        };
    }
}
