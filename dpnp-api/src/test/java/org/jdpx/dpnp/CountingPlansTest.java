package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jdpx.device.Device;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * bincount, histogram and the compaction behind nonzero under every plan of every device
 * ({@link PlanCases}) against plain Java, for sizes no multiple of any group or tile.
 */
class CountingPlansTest {

    static final int[] SIZES = {1, 31, 1000, (1 << 20) + 3};

    @OnEveryPlan
    void bincountCountsEveryValue(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            ArrayOptions on = ArrayOptions.on(d);
            for (int n : SIZES) {
                for (int range : new int[] {1, 300, 70_000}) {
                    SplittableRandom r = new SplittableRandom(n + range);
                    long[] x = new long[n];
                    for (int i = 0; i < n; i++) x[i] = r.nextInt(range);
                    for (long minlength : new long[] {0, range + 5}) {
                        long bins = minlength;
                        for (long v : x) bins = Math.max(bins, v + 1);
                        long[] want = new long[(int) bins];
                        for (long v : x) want[(int) v]++;
                        String what = d.filterString() + " " + plan + " n=" + n + " values<" + range + " minlength=" + minlength;
                        assertArrayEquals(want, Dpnp.bincount(Tensor.asarray(x, null, on), null, minlength).toLongArray(), what);
                    }
                }
            }
        });
    }

    @OnEveryPlan
    void bincountSumsWeights(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            ArrayOptions on = ArrayOptions.on(d);
            for (int n : new int[] {1, 31, 1000, 50_001}) {
                SplittableRandom r = new SplittableRandom(n);
                int[] x = new int[n];
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextInt(40);
                    w[i] = r.nextInt(-8, 8) * 0.25;
                }
                double[] want = new double[45];
                for (int i = 0; i < n; i++) want[x[i]] += w[i];
                // Quarter-steps summed: exact in float32 and float64 alike, in any order.
                UsmNdArray xs = Tensor.asarray(x, null, on);
                UsmNdArray ws = Tensor.asarray(w, null, on);
                assertArrayEquals(want, Dpnp.bincount(xs, ws, 45).toDoubleArray(), d.filterString() + " " + plan + " n=" + n);
                UsmNdArray got32 = Dpnp.bincount(xs, ws.astype(DType.FLOAT32), 45);
                assertEquals(DType.FLOAT32, got32.dtype());
                assertArrayEquals(want, got32.toDoubleArray(), d.filterString() + " " + plan + " float32 n=" + n);
            }
        });
    }

    @OnEveryPlan
    void histogramCountsAsNumpy(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            ArrayOptions on = ArrayOptions.on(d);
            for (int n : SIZES) {
                SplittableRandom r = new SplittableRandom(n);
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = r.nextInt(-5, 106);
                // range (0, 100), ten bins: edges are multiples of 10, the last bin is closed, the rest ignored.
                long[] want = new long[10];
                for (float e : v) if (e >= 0 && e <= 100) want[e == 100 ? 9 : (int) (e / 10)]++;
                String what = d.filterString() + " " + plan + " n=" + n;
                UsmNdArray[] got = Dpnp.histogram(Tensor.asarray(v, null, on), 10, 0.0, 100.0);
                assertArrayEquals(want, got[0].toLongArray(), what);
                // Without a range: the data's [min, max], every value counted.
                if (n >= 1000) {
                    long[] all = new long[10];
                    for (float e : v) all[e == 105 ? 9 : (int) ((e + 5) / 11)]++;
                    assertArrayEquals(all, Dpnp.histogram(Tensor.asarray(v, null, on), 10, null, null)[0].toLongArray(), what);
                }
            }
        });
    }

    @OnEveryPlan
    void nonzeroListsPositionsInOrder(Device device, Kind plan) {
        PlanCases.under(device, plan, d -> {
            ArrayOptions on = ArrayOptions.on(d);
            for (int n : SIZES) {
                for (double density : new double[] {0, 0.01, 0.5, 1}) {
                    SplittableRandom r = new SplittableRandom(n);
                    float[] v = new float[n];
                    int count = 0;
                    for (int i = 0; i < n; i++) {
                        v[i] = r.nextDouble() < density ? r.nextInt(1, 9) : 0f;
                        if (v[i] != 0) count++;
                    }
                    long[] where = new long[count];
                    double[] picked = new double[count];
                    for (int i = 0, k = 0; i < n; i++) {
                        if (v[i] != 0) {
                            picked[k] = v[i];
                            where[k++] = i;
                        }
                    }
                    String what = d.filterString() + " " + plan + " n=" + n + " density=" + density;
                    UsmNdArray x = Tensor.asarray(v, null, on);
                    assertArrayEquals(where, Dpnp.flatnonzero(x).toLongArray(), what);
                    assertArrayEquals(picked, Dpnp.extract(Tensor.notEqual(x, 0), x).toDoubleArray(), what);
                    if (n == 1000) {
                        UsmNdArray[] rc = Dpnp.nonzero(x.reshape(40, 25));
                        long[] rows = new long[count];
                        long[] cols = new long[count];
                        for (int k = 0; k < count; k++) {
                            rows[k] = where[k] / 25;
                            cols[k] = where[k] % 25;
                        }
                        assertArrayEquals(rows, rc[0].toLongArray(), what);
                        assertArrayEquals(cols, rc[1].toLongArray(), what);
                    }
                }
            }
        });
    }
}
