package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.plan.GemmConfig;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.linalg.Gemm;
import org.jdpx.tensor.linalg.Strided;

/**
 * The edges of the GEMM kernel's blocks, through {@link Gemm#run} with alpha and beta on every
 * device, against plain Java in double precision: row counts that are not a multiple of the
 * block's rows (1, 7, 33, 257, 1001), column counts below and past a block's columns (1029), K
 * from 1 to 2100 with every remainder of the K unroll (past 1024, the java device's GEMM adds a
 * second block of K into C), transposed A, B and C, stacks with a
 * broadcast operand, operands inside larger buffers (an offset and a padded leading dimension).
 * Every element of C's buffer outside the product (the padding) must come back untouched.
 */
class GemmKernelEdgesTest {

    /** One product: {@code batch} stacks of {@code m x k} @ {@code k x n}, which operands are stored transposed, B broadcast. */
    private record Case(int batch, int m, int n, int k, boolean ta, boolean tb, boolean tc, boolean bShared, double alpha,
                        double beta) {
        static Case plain(int m, int n, int k, double alpha, double beta) {
            return new Case(1, m, n, k, false, false, false, false, alpha, beta);
        }
    }

    /** An operand's buffer: the values in storage order and where the matrices lie in it. */
    private record Stored(double[] values, Strided layout) {
    }

    private static final List<Case> SIZES = List.of(
            Case.plain(1, 1, 1, 1, 0),
            Case.plain(7, 7, 7, -1, 1),
            Case.plain(33, 33, 33, 0.5, -2),
            Case.plain(257, 257, 257, -1, 1),
            Case.plain(1001, 33, 7, 1, 0),
            Case.plain(7, 1029, 257, -1, 1),
            Case.plain(33, 1029, 1000, 1, 0.5),
            Case.plain(1001, 1029, 5, -1, 1),
            Case.plain(5, 9, 1000, 2, 0),
            Case.plain(64, 16, 16, -1, 1),
            Case.plain(36, 40, 6, -1, 1),
            Case.plain(33, 40, 2100, 0.5, -2),
            Case.plain(9, 70, 1030, 1, 0));

    private static final List<Case> LAYOUTS = List.of(
            new Case(1, 33, 257, 35, true, false, false, false, -1, 1),
            new Case(1, 33, 257, 35, false, true, false, false, 1, 0),
            new Case(1, 257, 33, 35, false, false, true, false, 0.5, 1),
            new Case(2, 33, 33, 33, true, true, false, false, 1, 0),
            new Case(3, 9, 70, 13, false, false, false, true, -1, 1),
            new Case(3, 70, 9, 1000, true, false, true, true, 1, 0));

    @OnEveryDevice
    void float32BlockEdgesMatchPlainJava(Device device) {
        Random rnd = new Random(11);
        for (Case c : SIZES) check(device, DType.FLOAT32, c, rnd);
        for (Case c : LAYOUTS) check(device, DType.FLOAT32, c, rnd);
    }

    @OnEveryDevice
    void float64BlockEdgesMatchPlainJava(Device device) {
        if (!device.hasAspect(Aspect.FP64)) return;
        Random rnd = new Random(12);
        for (Case c : SIZES) check(device, DType.FLOAT64, c, rnd);
        for (Case c : LAYOUTS) check(device, DType.FLOAT64, c, rnd);
    }

    /**
     * The GPU classes' tile shapes (the NVIDIA float32 and float64 rows, the other GPUs' row) on
     * every OpenCL device here, forced through {@link GemmConfig#PROPERTY}, so that CI without a
     * GPU checks the kernels a GPU gets. Each shape's edges: rows, columns and K not multiples of
     * its tiles, transposes, broadcast stacks.
     */
    @OnEveryDevice
    void gpuTableShapesMatchPlainJavaOnOpenClDevices(Device device) {
        if (!device.backend().equals("opencl")) return; // the java device has its own GEMM, no tile table
        Random rnd = new Random(13);
        for (GemmConfig cfg : List.of(GemmConfig.NVIDIA_GPU, GemmConfig.NVIDIA_GPU_F64, GemmConfig.OTHER_GPU)) {
            String old = System.getProperty(GemmConfig.PROPERTY);
            System.setProperty(GemmConfig.PROPERTY, cfg.asOverride());
            try {
                for (Case c : List.of(SIZES.get(2), SIZES.get(3), SIZES.get(6), LAYOUTS.get(3), LAYOUTS.get(5))) {
                    check(device, DType.FLOAT32, c, rnd);
                    if (device.hasAspect(Aspect.FP64)) check(device, DType.FLOAT64, c, rnd);
                }
            } finally {
                if (old == null) System.clearProperty(GemmConfig.PROPERTY); else System.setProperty(GemmConfig.PROPERTY, old);
            }
        }
    }

    private static void check(Device device, DType t, Case c, Random rnd) {
        boolean f32 = t == DType.FLOAT32;
        Stored a = store(rnd, c.batch, c.m, c.k, c.ta, false, f32);
        Stored b = store(rnd, c.bShared ? 1 : c.batch, c.k, c.n, c.tb, c.bShared, f32);
        Stored c0 = store(rnd, c.batch, c.m, c.n, c.tc, false, f32);
        ArrayOptions on = ArrayOptions.on(device).dtype(t);
        UsmNdArray ad = Tensor.asarray(a.values, new long[] {a.values.length}, on);
        UsmNdArray bd = Tensor.asarray(b.values, new long[] {b.values.length}, on);
        UsmNdArray cd = Tensor.asarray(c0.values, new long[] {c0.values.length}, on);
        Gemm.run(cd.queue(), t, ad.memory(), a.layout, bd.memory(), b.layout, cd.memory(), c0.layout, c.batch, c.m, c.n, c.k,
                c.alpha, c.beta);
        double[] got = cd.sync().toDoubleArray();
        String what = device.filterString() + " " + t + " " + c;
        double eps = f32 ? 0x1p-23 : 0x1p-52;
        boolean[] inside = new boolean[got.length];
        for (int s = 0; s < c.batch; s++) {
            for (int i = 0; i < c.m; i++) {
                for (int j = 0; j < c.n; j++) {
                    double sum = 0;
                    double abs = 0;
                    for (int p = 0; p < c.k; p++) {
                        double x = a.values[at(a.layout, s, i, p)] * b.values[at(b.layout, s, p, j)];
                        sum += x;
                        abs += Math.abs(x);
                    }
                    int ci = at(c0.layout, s, i, j);
                    inside[ci] = true;
                    double old = c0.values[ci];
                    double want = c.alpha * sum + c.beta * old;
                    double bound = 2 * (c.k + 2) * eps * (Math.abs(c.alpha) * abs + Math.abs(c.beta * old)) + Double.MIN_NORMAL;
                    double err = Math.abs(got[ci] - want);
                    String where = what + ": C[" + s + ", " + i + ", " + j + "] is " + got[ci] + ", expected " + want;
                    assertTrue(err <= bound, () -> where + " (error " + err + " > bound " + bound + ")");
                }
            }
        }
        for (int e = 0; e < got.length; e++) {
            if (!inside[e]) assertEquals(c0.values[e], got[e], what + ": padding element " + e + " of C's buffer was written");
        }
    }

    /** Index of element (i, j) of matrix {@code s} (matrix 0 for a broadcast stack, batch stride 0). */
    private static int at(Strided l, int s, int i, int j) {
        return (int) (l.offset() + s * l.batchStride() + i * l.rowStride() + j * l.colStride());
    }

    /**
     * A random {@code batch x rows x cols} stack inside a larger buffer: 3 elements before it, a
     * leading dimension 2 past the row (or, {@code transposed}, column) length, stored as its
     * transpose when {@code transposed}; a {@code broadcast} stack of one matrix gets batch stride 0.
     */
    private static Stored store(Random rnd, int batch, int rows, int cols, boolean transposed, boolean broadcast, boolean f32) {
        int inner = transposed ? rows : cols;
        int outer = transposed ? cols : rows;
        int ld = inner + 2;
        int matrix = outer * ld;
        double[] v = new double[3 + batch * matrix + 2];
        for (int e = 0; e < v.length; e++) {
            double x = rnd.nextDouble() * 2 - 1;
            v[e] = f32 ? (float) x : x;
        }
        long batchStride = broadcast ? 0 : matrix;
        Strided l = transposed ? new Strided(3, 1, ld, batchStride) : new Strided(3, ld, 1, batchStride);
        return new Stored(v, l);
    }
}
