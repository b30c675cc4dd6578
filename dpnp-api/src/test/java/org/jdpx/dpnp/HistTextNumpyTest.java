package org.jdpx.dpnp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.NpyData;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Every case {@code numpy/generate_hist_text_cases.py} computed with NumPy (histogram2d,
 * histogramdd, fromstring, fromregex, genfromtxt) run through {@link Dpnp} on each device under
 * each plan ({@link PlanCases}: the GPU plan's local-memory bin counts on CPU drivers too) and
 * compared as {@link NumpyDifferentialTest} does.
 */
class HistTextNumpyTest {

    @OnEveryPlan
    void numpyCasesMatch(Device device, Kind plan) throws Exception {
        CaseFile.assertOnPlan("histtext", device, plan, HistTextNumpyTest::check, 36, 5);
    }

    private static String check(Device device, Path dir, String[] f) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray[] x = CaseFile.inputs(dir, f[3], on);
        UsmNdArray[] got = run(f[1], new Args(f[2]), x, dir, on);
        String[] outs = f[4].split(",");
        if (got.length != outs.length) return got.length + " outputs, NumPy " + outs.length;
        boolean float32Data = Arrays.stream(x).anyMatch(v -> v.dtype() == DType.FLOAT32);
        for (int k = 0; k < outs.length; k++) {
            NpyData want = Npy.read(dir.resolve(outs[k] + ".npy"));
            String p = NumpyDifferentialTest.compare(device, got[k], want, f[5], float32Data);
            if (p != null) return (outs.length > 1 ? "output " + k + ": " : "") + p;
        }
        return null;
    }

    private static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, Path dir, ArrayOptions on) throws IOException {
        boolean density = a.b("density");
        UsmNdArray w = a.b("weighted") ? x[x.length - 1] : null;
        double[][] range = a.has("range") ? pairs(a.doubles("range")) : null;
        DType dtype = a.has("dtype") ? DType.valueOf(a.str("dtype").toUpperCase(java.util.Locale.ROOT)) : DType.FLOAT64;
        Path file = a.has("file") ? dir.resolve(a.str("file") + ".txt") : null;
        return switch (fn) {
            case "histogram2d" -> a.b("edges") ? Dpnp.histogram2d(x[0], x[1], x[2], x[3], density, w)
                    : a.str("bins").contains(",") ? Dpnp.histogram2d(x[0], x[1], ints(a), range, density, w)
                    : Dpnp.histogram2d(x[0], x[1], a.i("bins"), range, density, w);
            case "histogramdd" -> a.b("edges")
                    ? Dpnp.histogramdd(x[0], Arrays.copyOfRange(x, 1, x.length - (w == null ? 0 : 1)), density, w)
                    : Dpnp.histogramdd(x[0], ints(a), range, density, w);
            case "fromstring" -> new UsmNdArray[] {Dpnp.fromstring(Files.readString(file), dtype,
                    a.has("count") ? a.l("count") : -1, a.str("sep"), on)};
            case "fromregex" -> new UsmNdArray[] {Dpnp.fromregex(file, a.str("regex"), dtype, on)};
            case "genfromtxt" -> new UsmNdArray[] {Dpnp.genfromtxt(file, dtype, a.has("delimiter") ? a.str("delimiter") : null,
                    a.has("skip_header") ? a.i("skip_header") : 0, a.has("usecols") ? a.axes("usecols") : null,
                    a.has("filling_values") ? a.d("filling_values") : null, on)};
            default -> throw new IllegalArgumentException("no function " + fn);
        };
    }

    private static int[] ints(Args a) {
        return Arrays.stream(a.longs("bins")).mapToInt(Math::toIntExact).toArray();
    }

    private static double[][] pairs(double[] flat) {
        double[][] r = new double[flat.length / 2][];
        for (int i = 0; i < r.length; i++) r[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
        return r;
    }
}
