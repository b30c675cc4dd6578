package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * sort, argsort and unique under every plan of every device ({@link PlanCases}) against plain
 * Java: stable order of ties (the only answer a stable argsort has), NumPy's float order
 * ({@code -inf < ... < -0.0 = 0.0 < ... < inf < nan}), rows sorted along either axis, sizes no
 * multiple of any group or block, int and float dtypes.
 */
class SortingPlansTest {

    /** NumPy's sort order of doubles: zeros equal, every NaN equal and last. */
    static final Comparator<Double> NUMPY_ORDER = (a, b) -> Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1)
            : Double.isNaN(b) ? -1 : Double.compare(a + 0.0, b + 0.0);

    /** The stable argsort of {@code v} in NumPy's order. */
    static long[] stableArgsort(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> NUMPY_ORDER.compare(v[a], v[b]));
        return Arrays.stream(idx).mapToLong(Integer::longValue).toArray();
    }

    /** {@code n} values with many ties (a few distinct), negatives, and for floats ±0, ±inf and NaN. */
    static double[] data(int n, boolean floats, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5, -1.5};
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = floats && r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextInt(-20, 20);
        }
        return v;
    }

    static UsmNdArray array(double[] v, DType t, Device device) {
        return Tensor.asarray(v, null, ArrayOptions.on(device)).astype(t);
    }

    static DType[] dtypes(Device device) {
        return device.hasAspect(Aspect.FP64)
                ? new DType[] {DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64}
                : new DType[] {DType.INT32, DType.INT64, DType.FLOAT32};
    }

    @OnEveryPlan
    void argsortIsStableAndSortOrdersNanLast(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            for (DType t : dtypes(d)) {
                int[] sizes = t == DType.INT64 || t == DType.FLOAT32 ? new int[] {1, 2, 31, 1000, 4099, (1 << 20) + 3}
                        : new int[] {1, 31, 1000, 4099};
                for (int n : sizes) {
                    double[] v = data(n, t.isFloat(), n);
                    long[] want = stableArgsort(v);
                    String what = d.filterString() + " " + plan + " " + t + " n=" + n;
                    UsmNdArray x = array(v, t, d);
                    assertArrayEquals(want, Dpnp.argsort(x, -1, "stable").toLongArray(), what);
                    double[] sorted = new double[n];
                    for (int i = 0; i < n; i++) sorted[i] = v[(int) want[i]] + 0.0;
                    double[] got = Dpnp.sort(x, null).toDoubleArray();
                    for (int i = 0; i < n; i++) got[i] += 0.0;
                    assertArrayEquals(sorted, got, what);
                }
            }
        });
    }

    @Test
    void sortKindsAreNumpysAndOthersAreRefused() {
        UsmNdArray x = Tensor.asarray(new long[] {3, 1, 3, 1}, null, ArrayOptions.on(TestDevices.java()));
        for (String kind : new String[] {"quicksort", "mergesort", "heapsort", "stable"}) {
            assertArrayEquals(new long[] {1, 3, 0, 2}, Dpnp.argsort(x, 0, kind).toLongArray(), kind);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dpnp.sort(x, 0, "bubble"));
        assertTrue(e.getMessage().contains("'stable'") && e.getMessage().contains("'bubble'"), e.getMessage());
    }

    @OnEveryPlan
    void rowsSortAlongEitherAxis(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            int rows = 3;
            int n = 1000;
            double[] v = data(rows * n, true, 7);
            UsmNdArray x = array(v, DType.FLOAT32, d).reshape(rows, n);
            long[] last = Dpnp.argsort(x, -1).toLongArray();
            long[] first = Dpnp.argsort(x.T(), 0).toLongArray();
            for (int r = 0; r < rows; r++) {
                long[] want = stableArgsort(Arrays.copyOfRange(v, r * n, (r + 1) * n));
                assertArrayEquals(want, Arrays.copyOfRange(last, r * n, (r + 1) * n), plan + " row " + r);
                for (int j = 0; j < n; j++) assertEquals(want[j], first[j * rows + r], plan + " column " + r + " at " + j);
            }
        });
    }

    @OnEveryPlan
    void uniqueGivesCountsFirstIndicesAndInverse(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            for (int n : new int[] {1, 31, 1000, (1 << 20) + 3}) {
                SplittableRandom r = new SplittableRandom(n);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = r.nextInt(8) == 0 ? Double.NaN : r.nextInt(-30, 30) * 0.5;
                TreeMap<Double, long[]> seen = new TreeMap<>(NUMPY_ORDER);
                for (int i = 0; i < n; i++) {
                    long first = i;
                    seen.computeIfAbsent(v[i], k -> new long[] {0, first})[0]++;
                }
                Double[] keys = seen.keySet().toArray(Double[]::new);
                double[] values = Arrays.stream(keys).mapToDouble(Double::doubleValue).toArray();
                long[] counts = seen.values().stream().mapToLong(c -> c[0]).toArray();
                long[] firsts = seen.values().stream().mapToLong(c -> c[1]).toArray();
                long[] inverse = new long[n];
                for (int i = 0; i < n; i++) inverse[i] = Arrays.binarySearch(keys, v[i], NUMPY_ORDER);
                String what = d.filterString() + " " + plan + " n=" + n;
                UsmNdArray[] got = Dpnp.uniqueAll(array(v, DType.FLOAT32, d).reshape(1, n));
                assertArrayEquals(values, got[0].toDoubleArray(), what + " values");
                assertArrayEquals(firsts, got[1].toLongArray(), what + " first indices");
                assertArrayEquals(new long[] {1, n}, got[2].shape(), what + " inverse has x's shape");
                assertArrayEquals(inverse, got[2].toLongArray(), what + " inverse");
                assertArrayEquals(counts, got[3].toLongArray(), what + " counts");
                // The same with int32 data: doubled values are whole, NaN becomes 99 (after every other).
                double[] whole = Arrays.stream(v).map(e -> Double.isNaN(e) ? 99 : 2 * e).toArray();
                UsmNdArray[] vc = Dpnp.uniqueCounts(array(whole, DType.INT32, d));
                assertArrayEquals(Arrays.stream(values).map(e -> Double.isNaN(e) ? 99 : 2 * e).toArray(),
                        vc[0].toDoubleArray(), what + " int32 values");
                assertArrayEquals(counts, vc[1].toLongArray(), what + " int32 counts");
            }
        });
    }
}
