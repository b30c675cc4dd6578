package org.jdpx.dpnp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.NpyData;
import org.jdpx.tensor.UsmNdArray;

/**
 * Every case {@code numpy/generate_more_cases.py} computed with NumPy (set routines, partitions,
 * nan-quantiles, editing, index helpers, array information) run through {@link Dpnp} on each
 * device under each plan ({@link PlanCases}: the GPU plan's sort and compaction on CPU drivers too)
 * and compared as {@link NumpyDifferentialTest} does; partitions are checked for NumPy's
 * partition property rather than one order, and text results (base_repr, binary_repr, the printed
 * arrays; on a device without fp64 the text NumPy prints for the float32 copy) exactly.
 */
class MoreNumpyTest {

    @OnEveryPlan
    void numpyCasesMatch(Device device, Kind plan) throws Exception {
        CaseFile.assertOnPlan("more", device, plan, MoreNumpyTest::check, 150, 58);
    }

    private static String check(Device device, Path dir, String[] f) throws IOException {
        Args args = new Args(f[2]);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray[] x = CaseFile.inputs(dir, f[3], on);
        if (f[5].equals("text")) {
            boolean narrowed = x.length > 0 && x[0].dtype() == DType.FLOAT32 && args.has("want32");
            String want = unescape(narrowed ? args.str("want32") : f[4]);
            String got = x.length == 0 ? IndexCalls.text(f[1], args) : IndexCalls.printed(f[1], x[0]);
            return got.equals(want) ? null : "\n" + got + "\nNumPy:\n" + want;
        }
        UsmNdArray[] got = MoreCalls.run(f[1], args, x, on);
        String[] outs = f[4].split(",");
        if (got.length != outs.length) return got.length + " outputs, NumPy " + outs.length;
        boolean float32Data = Arrays.stream(x).anyMatch(a -> a.dtype() == DType.FLOAT32);
        for (int k = 0; k < outs.length; k++) {
            NpyData want = Npy.read(dir.resolve(outs[k] + ".npy"));
            String p = f[5].equals("partition") && k == 0 ? partitioned(got[0], want, args)
                    : NumpyDifferentialTest.compare(device, got[k], want, f[5].equals("partition") ? "exact" : f[5], float32Data);
            if (p != null) return (outs.length > 1 ? "output " + k + ": " : "") + p;
        }
        return null;
    }

    /**
     * NumPy's partition property along the case's axis (null: flattened): at every kth position
     * the sorted array's element (the golden, sorted along the axis and that axis moved last),
     * no larger element before it and no smaller after; and each row a permutation of the sorted row.
     */
    private static String partitioned(UsmNdArray got, NpyData sorted, Args args) {
        Integer axis = args.axis("axis");
        UsmNdArray g = axis == null ? got.reshape(-1) : Axes.move(got, axis, -1);
        long n = g.shape()[g.ndim() - 1];
        double[] v = g.copy().eval().toDoubleArray();
        double[] ws = toDoubles(sorted);
        if (got.dtype() == DType.FLOAT32) for (int i = 0; i < ws.length; i++) ws[i] = (float) ws[i];
        int rows = (int) (v.length / n);
        for (int r = 0; r < rows; r++) {
            double[] row = Arrays.copyOfRange(v, (int) (r * n), (int) ((r + 1) * n));
            double[] srow = Arrays.copyOfRange(ws, (int) (r * n), (int) ((r + 1) * n));
            double[] check = row.clone();
            Arrays.sort(check);
            if (!Arrays.equals(check, srow)) return "row " + r + " is not a permutation of NumPy's sorted row";
            for (long k0 : args.longs("kth")) {
                int k = (int) (k0 < 0 ? k0 + n : k0);
                if (row[k] != srow[k]) return "row " + r + " kth " + k + " is " + row[k] + ", sorted " + srow[k];
                for (int i = 0; i < n; i++) {
                    if ((i < k && row[i] > row[k]) || (i > k && row[i] < row[k])) return "row " + r + " element " + i + " on the wrong side of kth " + k;
                }
            }
        }
        return null;
    }

    private static double[] toDoubles(NpyData d) {
        long n = d.data().byteSize() / d.dtype().itemSize();
        double[] r = new double[(int) n];
        for (int i = 0; i < n; i++) {
            r[i] = switch (d.dtype()) {
                case FLOAT64 -> d.data().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i);
                case FLOAT32 -> d.data().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i);
                default -> d.data().getAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, i);
            };
        }
        return r;
    }

    /** A text golden with its escapes ({@code \\n}, {@code \\\\}) undone. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
