package org.jdpx.tensor;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * Every float16 and complex case NumPy computed in {@code numpy/generate_dtypes.py}, run on each
 * device and compared with NumPy: dtype exactly (complex128 read as complex64 and float64 as
 * float32 on a device without fp64), bools and integers exactly, complex values in both parts
 * within a relative error of the value's magnitude (1e-12 for complex128, 2e-5 for complex64
 * whose transcendentals go through several float32 operations), float16 within one half ulp
 * (NumPy and jdpx both compute in float32 and round to half; a float32 ulp of difference in a
 * transcendental may flip that rounding).
 */
class DTypeDifferentialTest {

    static Path dir() throws Exception {
        return Path.of(DTypeDifferentialTest.class.getResource("/numpy/dtypes/cases.txt").toURI()).getParent();
    }

    @OnEveryDevice
    void numpyCasesMatch(Device device) throws Exception {
        DifferentialTest.runCases(device, dir(), 200, DTypeDifferentialTest::check);
    }

    private static String check(Device device, Path dir, String op, String args, String[] ins, String out) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray[] x = new UsmNdArray[ins.length];
        for (int i = 0; i < ins.length; i++) x[i] = NpyGolden.load(dir.resolve(ins[i] + ".npy"), on);
        UsmNdArray got = run(op, op.equals("astype") ? DTypes.forDevice(DType.of(args), device, false).toString() : args, x);
        NpyGolden.Data want = NpyGolden.read(dir.resolve(out + ".npy"));
        DType wantType = DTypes.forDevice(want.dtype(), device, false);
        if (got.dtype() != wantType) return "dtype " + got.dtype() + ", NumPy " + want.dtype();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.describe(got.shape()) + ", NumPy " + Shapes.describe(want.shape());
        }
        return compare(HostDataAccess.of(got.toHostSegment(), got.dtype()), HostDataAccess.of(want.data(), want.dtype()),
                Shapes.size(want.shape()), isReduction(op));
    }

    /** Reads elements of a host segment of one dtype. */
    record HostDataAccess(MemorySegment s, DType t) {
        static HostDataAccess of(MemorySegment s, DType t) { return new HostDataAccess(s, t); }
        double re(long i) { return HostData.getDouble(s, t, i); }
        double im(long i) { return HostData.getImag(s, t, i); }
        long bits(long i) { return HostData.getLong(s, t, i); }
    }

    /** The first element that differs beyond the dtype's tolerance, or null. */
    static String compare(HostDataAccess g, HostDataAccess w, long n, boolean reduction) {
        DType t = g.t();
        for (long i = 0; i < n; i++) {
            if (!w.t().isInexact()) {
                if (g.bits(i) != w.bits(i)) return "element " + i + " is " + g.bits(i) + ", NumPy " + w.bits(i);
                continue;
            }
            double rtol = switch (t.realPart()) {
                // NumPy rounds float16 partial sums to half where its loop is not contiguous; jdpx keeps float32.
                case FLOAT16 -> reduction ? 1e-2 : 2e-3;
                case FLOAT32 -> t.isComplex() || reduction ? 2e-5 : 2e-6;
                default -> 1e-12;
            };
            double atol = t.realPart() == DType.FLOAT16 ? 1e-7 : t.realPart() == DType.FLOAT32 ? 1e-6 : 1e-13;
            double magnitude = Math.hypot(w.re(i), w.im(i));
            if (!close(g.re(i), w.re(i), atol + rtol * (t.isComplex() ? magnitude : Math.abs(w.re(i))))
                    || !close(g.im(i), w.im(i), atol + rtol * magnitude)) {
                return "element " + i + " is " + g.re(i) + (t.isComplex() ? "+" + g.im(i) + "j" : "") + ", NumPy "
                        + w.re(i) + (t.isComplex() ? "+" + w.im(i) + "j" : "");
            }
        }
        return null;
    }

    private static boolean close(double a, double b, double tol) {
        if (Double.isNaN(b)) return Double.isNaN(a);
        if (a == b) return true;
        // A float64 golden beyond float32's range is infinite where the device computes in float32.
        if (Math.abs(b) > Float.MAX_VALUE && Double.isInfinite(a) && Math.signum(a) == Math.signum(b)) return true;
        if (Double.isInfinite(b)) return a == b;
        return Math.abs(a - b) <= tol;
    }

    private static boolean isReduction(String op) {
        return List.of("sum", "prod", "mean", "var", "cumsum", "matmul").contains(op);
    }

    private static UsmNdArray run(String op, String args, UsmNdArray[] x) {
        boolean kd = DifferentialTest.param(args, "keepdims").equals("1");
        String a = DifferentialTest.param(args, "axes");
        int[] axes = a.isEmpty() ? null : Arrays.stream(a.split(",")).mapToInt(Integer::parseInt).toArray();
        String axis = DifferentialTest.param(args, "axis");
        return switch (op) {
            case "sum" -> Tensor.sum(x[0], axes, kd);
            case "prod" -> Tensor.prod(x[0], axes, kd);
            case "mean" -> Tensor.mean(x[0], axes, kd);
            case "min" -> Tensor.min(x[0], axes, kd);
            case "max" -> Tensor.max(x[0], axes, kd);
            case "any" -> Tensor.any(x[0], axes, kd);
            case "all" -> Tensor.all(x[0], axes, kd);
            case "var" -> Tensor.var(x[0], axes, kd, 0);
            case "cumsum" -> Tensor.cumsum(x[0], axis.isEmpty() ? null : Integer.valueOf(axis));
            case "astype" -> x[0].astype(DType.of(args));
            case "absolute" -> Tensor.abs(x[0]);
            case "matmul" -> Tensor.matmul(x[0], x[1]);
            default -> Tensor.apply(elementOp(op), (Object[]) x);
        };
    }

    private static ElementOp elementOp(String numpyName) {
        for (ElementOp e : ElementOp.values()) if (e.numpyName().equals(numpyName)) return e;
        throw new IllegalArgumentException("no element op " + numpyName);
    }
}
