package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jdpx.device.Aspect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dot product of two vectors ({@code Tensor.dot} / {@code matmul} of 1-D operands), a
 * bandwidth-bound reduction of its own on every device and plan, against plain Java sums in
 * double precision: extents 1, 7, 1000 and 2^20 + 3, operands read with steps and reversed, in
 * float32, float64 (where the device has it) and ints. Floats pass within
 * {@code 2 n eps sum|a b|}, ints exactly. A float32 dot of 2^24 + 3 positive values must be
 * within 1e-6 of the float64 answer: blocked summation reaches about 1e-7, while accumulators
 * that each add up millions of products (one per work-item or thread) drift by 1e-5 to 1e-3.
 */
class DotTest {
    private static final long[] SIZES = {1, 7, 1000, (1L << 20) + 3};
    /** Element steps of the two operands: plain, every third, reversed, reversed with steps. */
    private static final int[][] STEPS = {{1, 1}, {3, 1}, {1, 2}, {-1, 1}, {-2, -3}, {1, -1}};

    static Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void dotsOfVectorsMatchPlainJava(PlanCase c) {
        c.run(() -> {
            Random rnd = new Random(21);
            List<DType> types = new ArrayList<>(List.of(DType.FLOAT32, DType.INT32, DType.INT64));
            if (c.device().hasAspect(Aspect.FP64)) types.add(DType.FLOAT64);
            for (DType t : types) {
                for (long n : SIZES) {
                    for (int[] st : STEPS) check(c, t, n, st[0], st[1], rnd);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void float32DotOfLongVectorsIsSummedInBlocks(PlanCase c) {
        c.run(() -> {
            int n = (1 << 24) + 3;
            Random rnd = new Random(22);
            float[] a = new float[n];
            float[] b = new float[n];
            double want = 0;
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextFloat();
                b[i] = rnd.nextFloat();
                want += (double) a[i] * b[i];
            }
            ArrayOptions on = ArrayOptions.on(c.device()).dtype(DType.FLOAT32);
            UsmNdArray got = Tensor.dot(Tensor.asarray(a, null, on), Tensor.asarray(b, null, on));
            assertEquals(DType.FLOAT32, got.dtype());
            double rel = Math.abs(got.item() - want) / want;
            assertTrue(rel <= 1e-6, c + ": float32 dot of 2^24+3 is " + got.item() + ", float64 gives " + want
                    + " (relative error " + rel + " > 1e-6)");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void dotOfALazyExpressionAndOfMixedTypes(PlanCase c) {
        c.run(() -> {
            ArrayOptions on = ArrayOptions.on(c.device());
            UsmNdArray x = Tensor.asarray(new float[] {1, 2, 3, 4, 5}, null, on.dtype(DType.FLOAT32));
            UsmNdArray k = Tensor.asarray(new int[] {2, 0, -1, 1, 3}, null, on.dtype(DType.INT32));
            // np.dot(x + 1, x) and np.dot(x, k): float32 with int32 promotes to float64 (float32 without fp64)
            assertEquals(2 * 1 + 3 * 2 + 4 * 3 + 5 * 4 + 6 * 5, Tensor.dot(Tensor.add(x, 1), x).item(), 0);
            UsmNdArray mixed = Tensor.dot(x, k);
            assertEquals(c.device().hasAspect(Aspect.FP64) ? DType.FLOAT64 : DType.FLOAT32, mixed.dtype());
            assertEquals(2 - 3 + 4 + 15, mixed.item(), 0);
            assertArrayEquals(new long[0], mixed.shape());
        });
    }

    /** {@code a[::sa] . b[::sb]} of n random elements against a plain-Java sum. */
    private static void check(PlanCase c, DType t, long n, int sa, int sb, Random rnd) {
        ArrayOptions on = ArrayOptions.on(c.device()).dtype(t);
        UsmNdArray a = operand(n, sa, t, rnd, on);
        UsmNdArray b = operand(n, sb, t, rnd, on);
        double[] av = a.toDoubleArray();
        double[] bv = b.toDoubleArray();
        double sum = 0;
        double mag = 0;
        for (int i = 0; i < n; i++) {
            sum += av[i] * bv[i];
            mag += Math.abs(av[i] * bv[i]);
        }
        double want = sum;
        UsmNdArray got = Tensor.dot(a, b);
        String what = c + " " + t + " n=" + n + " steps " + sa + ", " + sb;
        assertArrayEquals(new long[0], got.shape(), what);
        assertEquals(t, got.dtype(), what);
        double g = got.item();
        double bound = t == DType.FLOAT32 ? 2 * n * 0x1p-23 * mag : t == DType.FLOAT64 ? 2 * n * 0x1p-52 * mag : 0;
        assertTrue(Math.abs(g - want) <= bound, () -> what + ": got " + g + ", expected " + want + " (bound " + bound + ")");
    }

    /** n elements read with {@code step} from a wider random array (small ints for integer types). */
    private static UsmNdArray operand(long n, int step, DType t, Random rnd, ArrayOptions on) {
        int stored = (int) (n * Math.abs(step));
        double[] v = new double[stored];
        for (int i = 0; i < stored; i++) v[i] = t.isFloat() ? rnd.nextDouble() * 2 - 1 : rnd.nextInt(7) - 3;
        UsmNdArray x = Tensor.asarray(v, null, on);
        return step == 1 ? x : x.get("::" + step);
    }
}
