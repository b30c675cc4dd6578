package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * sort, argsort and sort_complex of complex data against NumPy ({@code numpy/generate_complex_sort.py})
 * under every plan of every device: positions exactly (a stable argsort has one answer), sorted
 * values in both parts with zeros' signs ignored (NumPy's default sort is not stable, so equal
 * {@code 0.0} and {@code -0.0} may swap) and NaN equal to NaN; ties, ±0 and every NaN placement.
 */
class ComplexSortTest {

    @OnEveryPlan
    void sortAndArgsortMatchNumpy(Device device, Kind plan) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(ComplexSortTest.class.getResource("/numpy/complexsort/cases.txt").toURI()));
        PlanCases.under(device, plan, d -> {
            int checked = 0;
            for (String line : lines) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\\|", -1);
                String what = d.filterString() + " " + plan + " " + f[0] + " " + f[1] + " " + f[2] + " axis " + f[3];
                check(d, f, what);
                checked++;
            }
            assertEquals(28, checked);
        });
    }

    private static void check(Device d, String[] f, String what) {
        long[] shape = Arrays.stream(f[2].split(",")).mapToLong(Long::parseLong).toArray();
        Integer axis = f[3].equals("none") ? null : Integer.valueOf(f[3]);
        DType t = DTypes.forDevice(DType.of(f[1]), d, false);
        double[] re = values(f[4]);
        UsmNdArray x;
        ArrayOptions on = ArrayOptions.on(d);
        if (t.isComplex()) {
            double[] im = values(f[5]);
            double[] both = new double[2 * re.length];
            for (int i = 0; i < re.length; i++) {
                both[2 * i] = re[i];
                both[2 * i + 1] = im[i];
            }
            x = Tensor.asComplexArray(both, shape, on.dtype(t));
        } else {
            x = Tensor.asarray(re, shape, on).astype(t);
        }
        switch (f[0]) {
            case "argsort" -> assertArrayEquals(Arrays.stream(f[6].split(",")).mapToLong(Long::parseLong).toArray(),
                    Dpnp.argsort(x, axis, "stable").toLongArray(), what);
            case "sort" -> sameValues(f, Dpnp.sort(x, axis), d, what);
            case "sort_complex" -> sameValues(f, Dpnp.sortComplex(x), d, what);
            default -> throw new IllegalStateException(f[0]);
        }
    }

    private static void sameValues(String[] f, UsmNdArray got, Device d, String what) {
        assertEquals(DTypes.forDevice(DType.of(f[8]), d, false), got.dtype(), what + " dtype");
        double[] re = values(f[6]);
        double[] im = values(f[7]);
        double[] g = got.toComplexDoubleArray();
        assertEquals(2 * re.length, g.length, what);
        for (int i = 0; i < re.length; i++) {
            assertEquals(re[i] + 0.0, g[2 * i] + 0.0, what + " real part at " + i);
            assertEquals(im[i] + 0.0, g[2 * i + 1] + 0.0, what + " imaginary part at " + i);
        }
    }

    private static double[] values(String s) {
        return Arrays.stream(s.split(",")).mapToDouble(v -> v.equals("nan") ? Double.NaN : Double.parseDouble(v)).toArray();
    }

    @OnEveryPlan
    void searchingComplexIsStillRefused(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            UsmNdArray z = Tensor.asComplexArray(new float[] {1, 2, 0, 1}, null, ArrayOptions.on(d));
            String m = assertThrows(UnsupportedOperationException.class, () -> Dpnp.searchsorted(z, z, "left")).getMessage();
            assertTrue(m.contains("lexicographic") && m.contains("sort and argsort are"), m);
            assertThrows(UnsupportedOperationException.class, () -> Dpnp.unique(z));
            assertThrows(IllegalArgumentException.class, () -> Dpnp.sortComplex(Tensor.asarray(new float[] {1}, null,
                    ArrayOptions.on(d)).reshape()));
        });
    }
}
