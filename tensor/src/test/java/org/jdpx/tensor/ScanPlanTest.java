package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cumsum and cumprod on every device under its own plan and under the forced GPU plan (block
 * scans in local memory, a scan of block totals, totals added back), against plain Java: 1-D
 * sizes that are no multiple of a block and need several levels of totals, lines along either
 * axis, int and float dtypes and NaN. Float data holds small integers, so sums are exact.
 */
class ScanPlanTest {
    private static final int[] SIZES = {1, 31, 1000, 70_001, (1 << 20) + 3};

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void flatScansMatchJava(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        for (int n : SIZES) {
            int[] v = ReductionPlanTest.ints(n, 3 * n, -3, 3);
            float[] f = ReductionPlanTest.floats(v);
            long[] sum = new long[n];
            long[] prod = new long[n];
            long s = 0, p = 1;
            for (int i = 0; i < n; i++) {
                s += v[i];
                p *= v[i] | 1;
                sum[i] = s;
                prod[i] = p;
            }
            float[] fsum = new float[n];
            for (int i = 0; i < n; i++) fsum[i] = sum[i];
            c.run(() -> {
                String at = c + " n=" + n;
                UsmNdArray x = Tensor.asarray(v, null, on);
                assertArrayEquals(sum, Tensor.cumsum(x, null).toLongArray(), "int cumsum " + at);
                assertArrayEquals(prod, Tensor.cumprod(Tensor.bitwiseOr(x, 1), null).toLongArray(), "int cumprod " + at);
                assertArrayEquals(fsum, Tensor.cumsum(Tensor.asarray(f, null, on), null).toFloatArray(), "float cumsum " + at);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void nanStaysFromItsPositionOn(PlanCase c) {
        int n = 5000;
        float[] f = ReductionPlanTest.floats(ReductionPlanTest.ints(n, 9, -3, 3));
        f[3001] = Float.NaN;
        float[] got = c.run(() -> Tensor.cumsum(Tensor.asarray(f, null, ArrayOptions.on(c.device())), null).toFloatArray());
        float s = 0;
        for (int i = 0; i < 3001; i++) {
            s += f[i];
            assertEquals(s, got[i], "element " + i + " on " + c);
        }
        for (int i = 3001; i < n; i++) assertTrue(Float.isNaN(got[i]), "element " + i + " on " + c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void scansAlongEitherAxis(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        long[][] shapes = {{3, 70_001}, {70_001, 3}, {300, 1000}, {1000, 300}, {4, 5, 6000}};
        int[] axes = {1, 0, 1, 0, 2};
        for (int k = 0; k < shapes.length; k++) {
            long[] shape = shapes[k];
            int axis = axes[k];
            int n = (int) Shapes.size(shape);
            int[] v = ReductionPlanTest.ints(n, 17 + k, -4, 4);
            long[] want = new long[n];
            long stride = 1;
            for (int a = shape.length - 1; a > axis; a--) stride *= shape[a];
            for (int i = 0; i < n; i++) {
                boolean first = (i / stride) % shape[axis] == 0;
                want[i] = first ? v[i] : want[(int) (i - stride)] + v[i];
            }
            String at = c + " " + Shapes.describe(shape) + " axis " + axis;
            int ax = axis;
            c.run(() -> assertArrayEquals(want, Tensor.cumsum(Tensor.asarray(v, shape, on), ax).toLongArray(), at));
        }
    }
}
