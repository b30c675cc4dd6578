package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.NpyData;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Every case {@code numpy/fft/generate_fft.py} computed with NumPy (lengths 1, powers of two,
 * 3·5·7 mixes, primes and other Bluestein lengths, n cut and padded, every axis and norm mode,
 * 2-D and n-D transforms, frequencies and shifts), run through {@link DpnpFft} on each device:
 * dtype (complex64/complex128 for NumPy's, whose files hold pairs of float32/float64; float64 read
 * as float32 and complex128 as complex64 without fp64) and shape exactly, values within
 * {@code N log2(N) eps max|NumPy's output|}, N the points transformed, eps that of the dtype
 * computed in. The real and imaginary parts are compared alike.
 */
class FftNumpyTest {

    @OnEveryDevice
    void numpyFftCasesMatch(Device device) throws Exception {
        Path dir = Path.of(FftNumpyTest.class.getResource("/numpy/fft/cases/cases.txt").toURI()).getParent();
        CaseFile r = CaseFile.run(dir.resolve("cases.txt"), f -> check(device, dir, f));
        assertTrue(r.failures().isEmpty(), r.failures().size() + " of " + r.checked() + " fft cases differ from NumPy on "
                + device.filterString() + ":\n" + String.join("\n", r.failures()));
        assertTrue(r.checked() > 500 && r.functions().size() >= 18, "cases read: " + r.checked() + ", functions: " + r.functions());
    }

    private static String check(Device device, Path dir, String[] f) throws java.io.IOException {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray x = null;
        if (!f[3].isEmpty()) {
            x = Dpnp.load(dir.resolve(f[3].replace("~c", "") + ".npy"), on);
            if (f[3].endsWith("~c")) x = FftValues.complexResult(x);
        }
        Args args = new Args(f[2]);
        UsmNdArray got = FftCalls.run(f[1], args, x, on);
        boolean complex = f[4].endsWith("~c");
        if (complex != got.dtype().isComplex()) return "dtype " + got.dtype() + ", NumPy's is " + (complex ? "" : "not ") + "complex";
        if (complex) got = FftValues.pairsOf(Dense.of(got));
        return compare(device, got, Npy.read(dir.resolve(f[4].replace("~c", "") + ".npy")), args.l("pts"));
    }

    private static String compare(Device device, UsmNdArray got, NpyData want, long n) {
        DType wantType = DTypes.forDevice(want.dtype(), device, false);
        if (got.dtype() != wantType) return "dtype " + got.dtype() + ", NumPy " + want.dtype();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.describe(got.shape()) + ", NumPy " + Shapes.describe(want.shape());
        }
        MemorySegment g = got.copy().eval().toHostSegment();
        int size = (int) Shapes.size(want.shape());
        double[] w = new double[size];
        double scale = 0;
        for (int i = 0; i < size; i++) {
            w[i] = value(want.data(), want.dtype(), i);
            scale = Math.max(scale, Math.abs(w[i]));
        }
        DType t = got.dtype();
        double eps = t == DType.FLOAT16 ? Math.scalb(1.0, -10) : t == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0); // float16: 10 fraction bits
        double tol = n * Math.max(1, Math.log(n) / Math.log(2)) * eps * Math.max(scale, Double.MIN_NORMAL);
        for (int i = 0; i < size; i++) {
            double a = value(g, t, i);
            if (!(Math.abs(a - w[i]) <= tol)) return "element " + i + " is " + a + ", NumPy " + w[i] + " (tolerance " + tol + ")";
        }
        return null;
    }

    private static double value(MemorySegment s, DType t, int i) {
        return switch (t) {
            case FLOAT16 -> Float.float16ToFloat(s.getAtIndex(ValueLayout.JAVA_SHORT, i));
            case FLOAT32 -> s.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            default -> s.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
        };
    }
}
