package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.PlanCase;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matrix-vector products and dot products (the java device's own GEMV and dot loops; the GEMV
 * and dot kernels of the device's plan on OpenCL) on every device, and on every OpenCL device
 * once more under the forced GPU plan, against plain Java in double precision: {@code A x},
 * {@code x A}, {@code A^T x}, {@code x A^T} and dots at extents 1, 7, 33, 257, 1000, 4097 (more
 * than four rows, a tail of each loop, one or several tasks or slices of K), over operands stored
 * with steps (every second column of A, every third element of x), reversed (a negative step)
 * and stacks. An element passes within {@code 2 k eps (|A| |x|)[i]}.
 */
class GemvTest {
    private static final long[] SIZES = {1, 7, 33, 257, 1000, 4097};

    /** How an operand is laid out: plain, stored transposed, every step-th element of a wider array, or its last axis reversed. */
    private enum Layout { PLAIN, TRANSPOSED, STEPPED, REVERSED }

    private record Operand(long[] shape, Layout layout) {
    }

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void matrixVectorProductsMatchPlainJava(PlanCase c) {
        c.run(() -> matrixVectorProducts(c.device()));
    }

    private static void matrixVectorProducts(Device device) {
        Random rnd = new Random(11);
        for (DType t : dtypes(device)) {
            for (long s : SIZES) {
                long k = s == 4097 ? 33 : s;
                for (Layout la : Layout.values()) {
                    check(device, t, new Operand(new long[] {s, k}, la), new Operand(new long[] {k}, Layout.PLAIN), rnd);
                    check(device, t, new Operand(new long[] {k}, Layout.PLAIN), new Operand(new long[] {k, s}, la), rnd);
                }
                check(device, t, new Operand(new long[] {k, s}, Layout.PLAIN), new Operand(new long[] {s}, Layout.STEPPED), rnd);
                check(device, t, new Operand(new long[] {s}, Layout.STEPPED), new Operand(new long[] {s, k}, Layout.TRANSPOSED), rnd);
                check(device, t, new Operand(new long[] {k, s}, Layout.TRANSPOSED), new Operand(new long[] {s}, Layout.REVERSED), rnd);
                check(device, t, new Operand(new long[] {s}, Layout.REVERSED), new Operand(new long[] {s, k}, Layout.PLAIN), rnd);
            }
            check(device, t, new Operand(new long[] {33, 4097}, Layout.PLAIN), new Operand(new long[] {4097}, Layout.PLAIN), rnd);
            check(device, t, new Operand(new long[] {4097}, Layout.PLAIN), new Operand(new long[] {4097, 33}, Layout.TRANSPOSED), rnd);
            check(device, t, new Operand(new long[] {7, 4097}, Layout.REVERSED), new Operand(new long[] {4097}, Layout.REVERSED), rnd);
            check(device, t, new Operand(new long[] {1000, 257}, Layout.TRANSPOSED), new Operand(new long[] {257}, Layout.STEPPED), rnd);
            check(device, t, new Operand(new long[] {3, 257, 33}, Layout.TRANSPOSED), new Operand(new long[] {33}, Layout.PLAIN), rnd);
            check(device, t, new Operand(new long[] {1000}, Layout.PLAIN), new Operand(new long[] {2, 1000, 7}, Layout.TRANSPOSED), rnd);
            check(device, t, new Operand(new long[] {4, 33, 1000}, Layout.REVERSED), new Operand(new long[] {1000}, Layout.REVERSED), rnd);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void dotProductsMatchPlainJava(PlanCase c) {
        c.run(() -> dotProducts(c.device()));
    }

    private static void dotProducts(Device device) {
        Random rnd = new Random(12);
        for (DType t : dtypes(device)) {
            List<Long> sizes = new ArrayList<>();
            for (long s : SIZES) sizes.add(s);
            // llvmpipe stops kernel loops after 65535 iterations: matmul refuses longer dots there
            if (org.jdpx.kernels.plan.DevicePlan.loopLimit(device) > (1L << 20) + 3) sizes.add((1L << 20) + 3);
            for (long s : sizes) {
                check(device, t, new Operand(new long[] {s}, Layout.PLAIN), new Operand(new long[] {s}, Layout.PLAIN), rnd);
                check(device, t, new Operand(new long[] {s}, Layout.STEPPED), new Operand(new long[] {s}, Layout.PLAIN), rnd);
            }
        }
    }

    private static List<DType> dtypes(Device device) {
        return device.hasAspect(Aspect.FP64) ? List.of(DType.FLOAT32, DType.FLOAT64) : List.of(DType.FLOAT32);
    }

    private static void check(Device device, DType t, Operand ao, Operand bo, Random rnd) {
        ArrayOptions on = ArrayOptions.on(device).dtype(t);
        UsmNdArray a = operand(ao, rnd, on);
        UsmNdArray b = operand(bo, rnd, on);
        double[] av = a.toDoubleArray();
        double[] bv = b.toDoubleArray();
        UsmNdArray got = Tensor.matmul(a, b);
        String what = device.filterString() + " " + t + " " + java.util.Arrays.toString(ao.shape) + " " + ao.layout
                + " @ " + java.util.Arrays.toString(bo.shape) + " " + bo.layout;
        double[][] want = Reference.matmul(av, ao.shape, bv, bo.shape);
        assertArrayEquals(Reference.shape(ao.shape, bo.shape), got.shape(), what);
        double[] g = got.toDoubleArray();
        long k = ao.shape[ao.shape.length - 1];
        double eps = t == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
        for (int i = 0; i < g.length; i++) {
            double bound = 2 * k * eps * want[1][i] + Double.MIN_NORMAL;
            double err = Math.abs(g[i] - want[0][i]);
            int at = i;
            assertTrue(err <= bound, () -> what + ": element " + at + " is " + g[at] + ", expected " + want[0][at]
                    + " (error " + err + " > bound " + bound + ")");
        }
    }

    /** Random values in [-1, 1) in the operand's layout; the test reads the logical values back. */
    private static UsmNdArray operand(Operand o, Random rnd, ArrayOptions on) {
        long[] shape = o.shape.clone();
        int r = shape.length;
        if (o.layout == Layout.TRANSPOSED && r >= 2) {
            long tmp = shape[r - 1];
            shape[r - 1] = shape[r - 2];
            shape[r - 2] = tmp;
        } else if (o.layout == Layout.STEPPED) {
            shape[r - 1] = shape[r - 1] * (r == 1 ? 3 : 2);
        }
        long n = 1;
        for (long e : shape) n *= e;
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextDouble() * 2 - 1;
        UsmNdArray stored = Tensor.asarray(v, shape, on);
        return switch (o.layout) {
            case PLAIN -> stored;
            case TRANSPOSED -> r >= 2 ? stored.swapaxes(-1, -2) : stored;
            case STEPPED -> stored.get(r == 1 ? "::3" : "..., ::2");
            case REVERSED -> stored.get("..., ::-1");
        };
    }
}
