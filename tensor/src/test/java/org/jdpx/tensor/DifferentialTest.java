package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * Every case NumPy computed in {@code numpy/generate_arrays.py} (elementwise functions with
 * broadcasting and promotion, reductions over axes, cumulative sums, matmul, indexing, astype),
 * run on each device and compared with NumPy's output: dtype exactly (float64 read as float32 on
 * a device without fp64), integers and bools exactly, floats within a few ulps of the dtype
 * (float32 reductions and the fp64-less device within float32 accumulation error).
 */
class DifferentialTest {

    private static Path dir() throws URISyntaxException {
        return Path.of(DifferentialTest.class.getResource("/numpy/arrays/cases.txt").toURI()).getParent();
    }

    @OnEveryDevice
    void numpyCasesMatch(Device device) throws Exception {
        runCases(device, dir(), 400, DifferentialTest::check);
    }

    /** Checks one case (operation, arguments, input files, output file); null when it matches NumPy. */
    interface CaseCheck {
        String check(Device device, Path dir, String op, String args, String[] ins, String out) throws IOException;
    }

    /**
     * Runs every case of {@code dir}/cases.txt ({@code name|op|args|inputs|output}) on
     * {@code device} and fails listing the ones that differ; more than {@code minimum} must be read.
     */
    static void runCases(Device device, Path dir, int minimum, CaseCheck check) throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(dir.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\\|", -1);
            try {
                String problem = check.check(device, dir, f[1], f[2], f[3].split(","), f[4]);
                if (problem != null) failures.add(f[0] + ": " + problem);
            } catch (RuntimeException e) {
                failures.add(f[0] + ": " + e);
            }
            checked++;
        }
        assertTrue(checked > minimum, "cases read: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " cases differ from NumPy on "
                + device.filterString() + ":\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    private static String check(Device device, Path dir, String op, String args, String[] ins, String out) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray[] x = new UsmNdArray[ins.length];
        for (int i = 0; i < ins.length; i++) x[i] = NpyGolden.load(dir.resolve(ins[i] + ".npy"), on);
        UsmNdArray got = run(op, args, x);
        NpyGolden.Data want = NpyGolden.read(dir.resolve(out + ".npy"));
        DType wantType = DTypes.forDevice(want.dtype(), device, false);
        if (got.dtype() != wantType) return "dtype " + got.dtype() + ", NumPy " + want.dtype();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.describe(got.shape()) + ", NumPy " + Shapes.describe(want.shape());
        }
        MemorySegment g = got.toHostSegment();
        boolean reduced = !DTypes.defaultFloat(device).equals(DType.FLOAT64) || got.dtype() == DType.FLOAT32;
        double rtol = reduced ? (isReduction(op) ? 2e-4 : 2e-6) : 1e-12;
        double atol = reduced ? 1e-5 : 1e-12;
        for (long i = 0; i < Shapes.size(want.shape()); i++) {
            if (want.dtype().isFloat()) {
                double a = HostData.getDouble(g, got.dtype(), i);
                double b = HostData.getDouble(want.data(), want.dtype(), i);
                boolean same = Double.isNaN(a) ? Double.isNaN(b) : Double.isInfinite(b) ? a == b
                        : Math.abs(a - b) <= atol + rtol * Math.abs(b);
                if (!same) return "element " + i + " is " + a + ", NumPy " + b;
            } else {
                long a = HostData.getLong(g, got.dtype(), i);
                long b = HostData.getLong(want.data(), want.dtype(), i);
                if (a != b) return "element " + i + " is " + a + ", NumPy " + b;
            }
        }
        return null;
    }

    private static boolean isReduction(String op) {
        return List.of("sum", "prod", "mean", "var", "std", "cumsum", "matmul", "matmul_T").contains(op);
    }

    private static int[] axes(String args) {
        String a = param(args, "axes");
        return a.isEmpty() ? null : Arrays.stream(a.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static String param(String args, String name) {
        for (String kv : args.split(";")) {
            if (kv.startsWith(name + "=")) return kv.substring(name.length() + 1);
        }
        return "";
    }

    private static UsmNdArray run(String op, String args, UsmNdArray[] x) {
        boolean kd = param(args, "keepdims").equals("1");
        String axis = param(args, "axis");
        Integer ax = axis.isEmpty() ? null : Integer.valueOf(axis);
        return switch (op) {
            case "sum" -> Tensor.sum(x[0], axes(args), kd);
            case "prod" -> Tensor.prod(x[0], axes(args), kd);
            case "min" -> Tensor.min(x[0], axes(args), kd);
            case "max" -> Tensor.max(x[0], axes(args), kd);
            case "mean" -> Tensor.mean(x[0], axes(args), kd);
            case "var" -> Tensor.var(x[0], axes(args), kd, 0);
            case "std" -> Tensor.std(x[0], axes(args), kd, 0);
            case "any" -> Tensor.any(x[0], axes(args), kd);
            case "all" -> Tensor.all(x[0], axes(args), kd);
            case "argmax" -> Tensor.argmax(x[0], ax);
            case "argmin" -> Tensor.argmin(x[0], ax);
            case "cumsum" -> Tensor.cumsum(x[0], ax);
            case "matmul" -> Tensor.matmul(x[0], x[1]);
            case "matmul_T" -> Tensor.matmul(x[0], x[1].T());
            case "clip" -> Tensor.clip(x[0], Double.parseDouble(args.split(",")[0]), Double.parseDouble(args.split(",")[1]));
            case "index" -> x[0].get(args);
            case "astype" -> x[0].astype(DType.of(args));
            default -> Tensor.apply(elementOp(op), (Object[]) x);
        };
    }

    private static ElementOp elementOp(String numpyName) {
        for (ElementOp e : ElementOp.values()) if (e.numpyName().equals(numpyName)) return e;
        throw new IllegalArgumentException("no element op " + numpyName);
    }
}
