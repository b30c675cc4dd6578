package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random expression trees ({@code numpy/generate_fuzz.py}: elementwise functions, comparisons,
 * where, clip, astype, views and a reduction at the root, over random shapes with broadcasting,
 * 0-d and size-1 axes, and every dtype) evaluated by tensor's lazy fusion on each device and
 * compared with NumPy: dtype and shape exactly, integers and bools exactly, floats within the
 * bound the generator propagated for each element (an exact zero keeps its sign). On a device
 * without fp64 the expected values are NumPy's on float32 (the {@code r32} arrays).
 *
 * <p>Only the cases whose names start so: {@code -Djdpx.fuzz.case=s0042} (the fixed reproducers:
 * {@code fx_}). Other seeds: {@code python3 generate_fuzz.py FIRST COUNT}.
 */
class FuzzDifferentialTest {
    /**
     * Wrong results the generator found outside tensor, by case and the device whose name holds
     * the key: the test requires them to stay wrong there (so a fix shows up and the entry goes)
     * and right everywhere else. On opencl:cpu:1 (Mesa llvmpipe):
     * {@code x / 0.0f} is 0 when the zero is a compile-time constant (here the constant false of
     * isnan on integers, reached through a conversion that the kernel compiler does not fold).
     * Python's modulo of a long by an int widened to long used to miss its sign fix-up there too
     * (case fx_remainder_int64_by_int32); the OpenCL C emitter now spells widening out, and the
     * case passes on every device.
     */
    private static final Map<String, String> KNOWN = Map.of(
            "fx_divide_by_constant_zero", "llvmpipe",
            "s0197", "llvmpipe");
    private static Path dir;

    @BeforeAll
    static void unpack() throws IOException, URISyntaxException {
        Path res = Path.of(FuzzDifferentialTest.class.getResource("/numpy/fuzz/cases.txt").toURI()).getParent();
        dir = Files.createTempDirectory("jdpx-fuzz");
        try (ZipFile z = new ZipFile(res.resolve("arrays.npz").toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = z.getInputStream(entry)) {
                    Files.copy(in, dir.resolve(entry.getName()));
                }
            }
        }
        Files.copy(res.resolve("cases.txt"), dir.resolve("cases.txt"));
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @OnEveryDevice
    void randomExpressionsMatchNumpy(Device device) throws IOException {
        String only = System.getProperty("jdpx.fuzz.case", "");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(dir.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\\|", 2);
            if (!f[0].startsWith(only)) continue;
            String problem;
            try {
                problem = check(device, f[0], f[1]);
            } catch (RuntimeException e) {
                problem = e.toString();
            }
            boolean known = KNOWN.containsKey(f[0]) && device.name().toLowerCase(Locale.ROOT).contains(KNOWN.get(f[0]));
            if (known && problem == null) {
                failures.add(f[0] + ": the known defect no longer shows on " + device.name() + "; remove it from KNOWN");
            } else if (known) {
                System.out.println("known device defect, still present on " + device.filterString() + ": " + f[0] + ": " + problem);
            } else if (problem != null) {
                failures.add(f[0] + " " + f[1] + ": " + problem);
            }
            checked++;
        }
        assertTrue(checked >= (only.isEmpty() ? 200 : 1), "cases read: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " random expressions differ from NumPy on "
                + device.filterString() + ":\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static String check(Device device, String name, String expr) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        List<UsmNdArray> in = new ArrayList<>();
        for (int k = 0; Files.exists(dir.resolve(name + ".x" + k + ".npy")); k++) {
            in.add(NpyGolden.load(dir.resolve(name + ".x" + k + ".npy"), on));
        }
        UsmNdArray got = FuzzExpr.eval(expr, in.toArray(UsmNdArray[]::new));
        String suffix = !device.hasAspect(Aspect.FP64) && Files.exists(dir.resolve(name + ".r32.npy")) ? "32" : "";
        NpyGolden.Data want = NpyGolden.read(dir.resolve(name + ".r" + suffix + ".npy"));
        DType wantType = DTypes.forDevice(want.dtype(), device, false);
        if (got.dtype() != wantType) return "dtype " + got.dtype() + ", NumPy " + want.dtype();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.describe(got.shape()) + ", NumPy " + Shapes.describe(want.shape());
        }
        MemorySegment g = got.toHostSegment();
        long n = Shapes.size(want.shape());
        if (!want.dtype().isFloat()) {
            for (long i = 0; i < n; i++) {
                long a = HostData.getLong(g, got.dtype(), i);
                long b = HostData.getLong(want.data(), want.dtype(), i);
                if (a != b) return "element " + i + " is " + a + ", NumPy " + b;
            }
            return null;
        }
        NpyGolden.Data bound = NpyGolden.read(dir.resolve(name + ".e" + suffix + ".npy"));
        for (long i = 0; i < n; i++) {
            double a = HostData.getDouble(g, got.dtype(), i);
            double b = HostData.getDouble(want.data(), want.dtype(), i);
            double e = HostData.getDouble(bound.data(), bound.dtype(), i);
            boolean same = Double.isNaN(b) ? Double.isNaN(a)
                    : Double.isInfinite(b) ? a == b
                    : b == 0 && e == 0 ? Double.compare(a, b) == 0 // an exact zero keeps its sign
                    : Math.abs(a - b) <= e;
            if (!same) return "element " + i + " is " + a + ", NumPy " + b + " (bound " + e + ")";
        }
        return null;
    }
}
