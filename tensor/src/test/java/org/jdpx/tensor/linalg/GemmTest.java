package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Differential tests of the GEMM behind matmul on every device, against a plain-Java product in
 * double precision: square, rectangular, tall-skinny, 1 x n, batched (with broadcast stacks) and
 * transposed operands, at sizes that are multiples of no tile (1, 7, 33, 257, 1000), float32 and,
 * where the device has it, float64. An element passes when its error is within
 * {@code 2 k eps (|A| |B|)[i, j]}, the classic bound of a sum of k products in precision eps.
 */
class GemmTest {

    /** One product: shapes of A and B, and whether each is passed transposed (stored as its transpose). */
    private record Case(long[] a, long[] b, boolean ta, boolean tb) {
        static Case of(long[] a, long[] b) {
            return new Case(a, b, false, false);
        }
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (long s : new long[] {1, 7, 33, 257}) c.add(Case.of(new long[] {s, s}, new long[] {s, s}));
        c.add(Case.of(new long[] {7, 33}, new long[] {33, 257}));
        c.add(Case.of(new long[] {1000, 7}, new long[] {7, 33}));
        c.add(Case.of(new long[] {33, 1000}, new long[] {1000, 7}));
        c.add(Case.of(new long[] {1, 257}, new long[] {257, 33}));
        c.add(Case.of(new long[] {257}, new long[] {257, 7}));
        c.add(Case.of(new long[] {33, 257}, new long[] {257}));
        c.add(Case.of(new long[] {1000}, new long[] {1000}));
        c.add(Case.of(new long[] {3, 7, 33}, new long[] {3, 33, 7}));
        c.add(Case.of(new long[] {2, 1, 7, 33}, new long[] {3, 33, 1}));
        c.add(Case.of(new long[] {33, 7}, new long[] {4, 7, 33}));
        c.add(new Case(new long[] {33, 257}, new long[] {257, 7}, true, false));
        c.add(new Case(new long[] {33, 257}, new long[] {257, 7}, false, true));
        c.add(new Case(new long[] {2, 33, 33}, new long[] {2, 33, 33}, true, true));
        return c;
    }

    @OnEveryDevice
    void float32ProductsMatchPlainJava(Device device) {
        checkAll(device, DType.FLOAT32);
    }

    @OnEveryDevice
    void float64ProductsMatchPlainJava(Device device) {
        if (!device.hasAspect(Aspect.FP64)) return;
        checkAll(device, DType.FLOAT64);
    }

    @OnEveryDevice
    void productsWithExtent1000MatchPlainJava(Device device) {
        check(device, DType.FLOAT32, new Case(new long[] {1000, 40}, new long[] {40, 1000}, false, true), new Random(7));
        check(device, DType.FLOAT32, new Case(new long[] {7, 1000}, new long[] {1000, 1000}, false, false), new Random(8));
    }

    /**
     * A short transposed A (7 rows, so an edge panel of 3) against K = 257: on llvmpipe the narrowed
     * panel once ran 3 x 257 x 128 loop iterations, past its 65535 limit, and came back wrong.
     */
    @OnEveryDevice
    void edgePanelOfATransposedProductStaysInsideLoopLimits(Device device) {
        check(device, DType.FLOAT32, new Case(new long[] {7, 257}, new long[] {257, 257}, true, false), new Random(9));
    }

    /** Matrix-vector products and long dot products (their own kernels on the java device), over all cores. */
    @OnEveryDevice
    void matrixVectorProductsAndLongDotsMatchPlainJava(Device device) {
        Random rnd = new Random(9);
        for (DType t : device.hasAspect(Aspect.FP64) ? List.of(DType.FLOAT32, DType.FLOAT64) : List.of(DType.FLOAT32)) {
            check(device, t, Case.of(new long[] {300, 1000}, new long[] {1000}), rnd);
            check(device, t, Case.of(new long[] {1000}, new long[] {1000, 300}), rnd);
            check(device, t, Case.of(new long[] {3, 20000}, new long[] {20000}), rnd);
            check(device, t, Case.of(new long[] {20000}, new long[] {20000}), rnd);
            check(device, t, Case.of(new long[] {2, 1, 1, 257}, new long[] {3, 257, 1}), rnd);
        }
    }

    private static void checkAll(Device device, DType t) {
        Random rnd = new Random(42);
        for (Case c : cases()) check(device, t, c, rnd);
    }

    private static void check(Device device, DType t, Case c, Random rnd) {
        double[] av = random(rnd, c.a);
        double[] bv = random(rnd, c.b);
        ArrayOptions on = ArrayOptions.on(device).dtype(t);
        UsmNdArray a = operand(av, c.a, c.ta, on);
        UsmNdArray b = operand(bv, c.b, c.tb, on);
        UsmNdArray got = Tensor.matmul(a, b);
        String what = device.filterString() + " " + t + " " + java.util.Arrays.toString(c.a) + (c.ta ? "ᵀ" : "") + " @ "
                + java.util.Arrays.toString(c.b) + (c.tb ? "ᵀ" : "");
        assertEquals(t, got.dtype(), what);
        double[][] want = Reference.matmul(t == DType.FLOAT32 ? rounded(av) : av, c.a, t == DType.FLOAT32 ? rounded(bv) : bv, c.b);
        assertArrayEquals(Reference.shape(c.a, c.b), got.shape(), what);
        double[] g = got.toDoubleArray();
        long k = c.a[c.a.length - 1];
        double eps = t == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
        for (int i = 0; i < g.length; i++) {
            double bound = 2 * Math.max(1, k) * eps * want[1][i] + Double.MIN_NORMAL;
            double err = Math.abs(g[i] - want[0][i]);
            int at = i;
            assertTrue(err <= bound, () -> what + ": element " + at + " is " + g[at] + ", expected " + want[0][at]
                    + " (error " + err + " > bound " + bound + ")");
        }
    }

    /** The array with shape {@code shape}; when {@code transposed}, stored as the transpose and viewed back. */
    private static UsmNdArray operand(double[] v, long[] shape, boolean transposed, ArrayOptions on) {
        if (!transposed) return Tensor.asarray(v, shape, on);
        int r = shape.length;
        long[] ts = shape.clone();
        ts[r - 2] = shape[r - 1];
        ts[r - 1] = shape[r - 2];
        UsmNdArray stored = Tensor.asarray(Reference.transposeLast(v, shape), ts, on);
        return stored.swapaxes(-1, -2);
    }

    private static double[] random(Random rnd, long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextDouble() * 2 - 1;
        return v;
    }

    private static double[] rounded(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (float) v[i];
        return r;
    }
}
