package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kernels the java device runs a block of work-items at a time ({@link LaneKernels}): which
 * kernels get a lane program, that a launch that fits takes it, and that every stored value has
 * the bits the item-at-a-time kernel gives ({@link LaneKernels#enabled} off), over ranges that are
 * not multiples of a vector or a block, 1-D and 2-D, views with gaps between rows, and launches
 * that do not fit (a stride of 2, an index past the memory) running as before. Launch sums are
 * checked against a double reference.
 */
@ExtendWith(LaneDefaults.class)
class LaneKernelsTest {

    @Kernel
    public static void l2(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        float sub = a.get(i, j) - b.get(i, j);
        ctx.atomicAdd(c, 0, sub * sub);
    }

    @Kernel
    public static void axpy(KernelContext ctx, float alpha, FloatArray x, FloatArray y, FloatArray out) {
        int i = ctx.globalId(0);
        out.set(i, alpha * x.get(i) + y.get(i) / 3f);
    }

    @Kernel
    public static void mixed(KernelContext ctx, DoubleArray a, FloatArray b, DoubleArray out, FloatArray back) {
        int i = ctx.globalId(0);
        double v = Math.sqrt(Math.abs(a.get(i))) - b.get(i);
        out.set(i, Math.fma(v, a.get(i), -1.5));
        back.set(i, (float) -v);
    }

    @Kernel
    public static void shifted(KernelContext ctx, int from, DoubleArray a, DoubleArray out) {
        int i = ctx.globalId(0);
        out.set(i + 1, a.get(from + i) * 0.5);
    }

    @Kernel
    public static void sumOfRows(KernelContext ctx, DoubleArray m, DoubleArray out) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        ctx.atomicAdd(out, 0, m.get(i, j));
    }

    @Kernel
    public static void branches(KernelContext ctx, FloatArray a) {
        int i = ctx.globalId(0);
        if (a.get(i) > 0) a.set(i, 0f);
    }

    @Kernel
    public static void idAsValue(KernelContext ctx, FloatArray a) {
        int i = ctx.globalId(0);
        a.set(i, a.get(i) + i);
    }

    @Kernel
    public static void jacobi(KernelContext ctx, FloatArray in, FloatArray out, int n) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        if (i == 0 || j == 0 || i == n - 1 || j == n - 1) {
            out.set(i, j, in.get(i, j));
        } else {
            out.set(i, j, 0.25f * (in.get(i - 1, j) + in.get(i + 1, j) + in.get(i, j - 1) + in.get(i, j + 1)));
        }
    }

    @Kernel
    public static void guarded(KernelContext ctx, DoubleArray a, DoubleArray out, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        out.set(i, a.get(i) * 2.0);
    }

    /** Lower triangle kept, upper scaled, the diagonal doubled: three paths cut at j = i in every row. */
    @Kernel
    public static void triangle(KernelContext ctx, FloatArray a, FloatArray out) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        if (j < i) {
            out.set(i, j, a.get(i, j));
        } else if (j != i) {
            out.set(i, j, -0.5f * a.get(i, j));
        } else {
            out.set(i, j, a.get(i, j) + a.get(i, j));
        }
    }

    @Kernel
    public static void scaleIfPositive(KernelContext ctx, float alpha, FloatArray a, FloatArray out) {
        int i = ctx.globalId(0);
        if (alpha > 0f) {
            out.set(i, a.get(i) * alpha);
        } else {
            out.set(i, -a.get(i));
        }
    }

    private static CompiledKernel kernel(String name) {
        return KernelCompiler.compile(LaneKernelsTest.class, name);
    }

    private static float[] floats(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int k = 0; k < n; k++) x[k] = r.nextFloat() * 4 - 2;
        return x;
    }

    private static double[] doubles(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = r.nextDouble() * 4 - 2;
        return x;
    }

    @Test
    void straightLineFloatKernelsGetALaneProgramAndOthersDoNot() {
        assertNotNull(LaneKernels.plan(kernel("l2")));
        assertNotNull(LaneKernels.plan(kernel("axpy")));
        assertNotNull(LaneKernels.plan(kernel("mixed")));
        assertNotNull(LaneKernels.plan(kernel("shifted")));
        assertNotNull(LaneKernels.plan(kernel("axpy")).paths().getFirst().code(), "float only: generated code");
        assertNotNull(LaneKernels.plan(kernel("shifted")).paths().getFirst().code(), "double only: generated code");
        assertNull(LaneKernels.plan(kernel("mixed")).paths().getFirst().code(), "float and double: an operation at a time");
        assertNull(LaneKernels.plan(kernel("branches")), "a branch on a value read from memory");
        assertEquals(2, LaneKernels.plan(kernel("jacobi")).paths().size(), "a branch on the ids: two paths");
        assertEquals(2, LaneKernels.plan(kernel("guarded")).paths().size(), "an early return: a path that does nothing");
        assertEquals(3, LaneKernels.plan(kernel("triangle")).paths().size());
        assertNull(LaneKernels.plan(kernel("idAsValue")), "a global id used as a value");
    }

    @Test
    void theL2SampleRunsInLanesAndMatchesADoubleReference() {
        for (boolean generated : new boolean[] {true, false}) {
            LaneKernels.generated = generated;
            l2Shapes(generated ? "generated code" : "an operation at a time");
        }
    }

    private static void l2Shapes(String how) {
        for (int[] shape : new int[][] {{256, 256}, {1, 1}, {3, 17}, {33, 1031}, {1, 70_001}}) {
            int rows = shape[0], cols = shape[1], n = rows * cols;
            float[] a = floats(n, 1), b = floats(n, 2);
            double want = 0;
            for (int k = 0; k < n; k++) want += ((double) a[k] - b[k]) * ((double) a[k] - b[k]);
            float[] c = {0.25f};
            Object[] args = {FloatArray.wrap(MemorySegment.ofArray(a), rows, cols), FloatArray.wrap(MemorySegment.ofArray(b), rows, cols),
                    FloatArray.of(c)};
            assertTrue(LaneKernels.run(kernel("l2"), new int[] {rows, cols, 1}, new int[] {1, 1, 1}, args),
                    "lanes take " + rows + "x" + cols);
            // float products, summed in float lanes per block and in double across blocks
            assertEquals(want + 0.25, c[0], 1e-6 * (want + 0.25), rows + "x" + cols + ", " + how);
        }
    }

    /** {@code kernel} run on fresh outputs made by {@code outputs}, with lanes as the two flags say. */
    private static Object[] runWith(boolean lanes, boolean generated, String kernel, int n, java.util.function.Supplier<Object[]> outputs,
                                    Object... inputs) {
        LaneKernels.enabled = lanes;
        LaneKernels.generated = generated;
        Object[] outs = outputs.get();
        Object[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(inputs), java.util.Arrays.stream(outs)).toArray();
        JvmKernelRunner.run(kernel(kernel), new int[] {n}, null, args);
        LaneKernels.enabled = true;
        LaneKernels.generated = true;
        return outs;
    }

    @Test
    void storedValuesHaveTheBitsOfTheItemAtATimeKernel() {
        for (int n : new int[] {1, 15, 16, 17, 1023, 1025, 70_003, 300_001}) {
            float[] x = floats(n, 3), y = floats(n, 4);
            float[][] out = new float[3][];
            for (int way = 0; way < 3; way++) {
                float[] o = out[way] = new float[n];
                runWith(way < 2, way == 0, "axpy", n, () -> new Object[] {FloatArray.of(o)}, 1.7f, FloatArray.of(x), FloatArray.of(y));
            }
            assertArrayEquals(out[2], out[0], "axpy over " + n + ": generated code");
            assertArrayEquals(out[2], out[1], "axpy over " + n + ": an operation at a time");
            for (int k = 0; k < n; k += Math.max(1, n / 50)) assertEquals(1.7f * x[k] + y[k] / 3f, out[0][k], "plain Java, item " + k);

            double[] a = doubles(n, 5);
            float[] b = floats(n, 6);
            double[] out1 = new double[n], out2 = new double[n];
            float[] back1 = new float[n], back2 = new float[n];
            runWith(true, true, "mixed", n, () -> new Object[] {DoubleArray.of(out1), FloatArray.of(back1)}, DoubleArray.of(a), FloatArray.of(b));
            runWith(false, false, "mixed", n, () -> new Object[] {DoubleArray.of(out2), FloatArray.of(back2)}, DoubleArray.of(a), FloatArray.of(b));
            assertArrayEquals(out2, out1, "fma, sqrt, abs and widening over " + n);
            assertArrayEquals(back2, back1, "negation and narrowing over " + n);
            for (int k = 0; k < n; k += Math.max(1, n / 50)) {
                double v = Math.sqrt(Math.abs(a[k])) - b[k];
                assertEquals(Math.fma(v, a[k], -1.5), out1[k], "plain Java, item " + k);
            }
        }
    }

    @Test
    void offsetsArgumentsAndSubMatricesWithGapsBetweenRows() {
        int n = 5000;
        double[] a = doubles(n + 40, 7);
        double[] out = new double[n + 1];
        JvmKernelRunner.run(kernel("shifted"), new int[] {n}, null, 37, DoubleArray.of(a), DoubleArray.of(out));
        assertEquals(0.0, out[0]);
        for (int k = 0; k < n; k++) assertEquals(a[37 + k] * 0.5, out[k + 1], "item " + k);

        // a 40 x 300 block of a 50 x 307 matrix, starting at (3, 5): rows do not follow one another
        int rows = 50, cols = 307, r = 40, c = 300;
        double[] m = doubles(rows * cols, 8);
        DoubleArray block = new DoubleArray(MemorySegment.ofArray(m), 3L * cols + 5, new long[] {r, c}, new long[] {cols, 1}, null);
        double want = 0;
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) want += m[(3 + i) * cols + 5 + j];
        double[] sum = {0};
        assertTrue(LaneKernels.run(kernel("sumOfRows"), new int[] {r, c, 1}, new int[] {1, 1, 1},
                new Object[] {block, DoubleArray.of(sum)}));
        assertEquals(want, sum[0], 1e-12 * r * c);
    }

    /** {@code kernel} over {@code g}, lanes on or off, on fresh outputs made by {@code outputs}. */
    private static void runBoth(String kernel, int[] g, Object[] lanesArgs, Object[] itemArgs) {
        assertTrue(LaneKernels.run(kernel(kernel), new int[] {g[0], g.length > 1 ? g[1] : 1, 1}, new int[] {1, 1, 1}, lanesArgs),
                kernel + " over " + java.util.Arrays.toString(g) + " runs in lanes");
        LaneKernels.enabled = false;
        JvmKernelRunner.run(kernel(kernel), g, null, itemArgs);
        LaneKernels.enabled = true;
    }

    @Test
    void branchesOnTheIdsRunEachRunOfItemsOnItsPath() {
        for (int n : new int[] {1, 2, 3, 17, 256, 300}) {
            float[] in = floats(n * n, 12);
            float[] lanes = new float[n * n], items = new float[n * n];
            runBoth("jacobi", new int[] {n, n},
                    new Object[] {FloatArray.wrap(MemorySegment.ofArray(in), n, n), FloatArray.wrap(MemorySegment.ofArray(lanes), n, n), n},
                    new Object[] {FloatArray.wrap(MemorySegment.ofArray(in), n, n), FloatArray.wrap(MemorySegment.ofArray(items), n, n), n});
            assertArrayEquals(items, lanes, "jacobi " + n + " x " + n);
            if (n > 2) {
                int i = n / 2, j = (n - 1) / 2; // an interior point
                assertEquals(0.25f * (in[(i - 1) * n + j] + in[(i + 1) * n + j] + in[i * n + j - 1] + in[i * n + j + 1]), lanes[i * n + j]);
                assertEquals(in[n - 1], lanes[n - 1], "the edge is copied");
            }
        }
        for (int[] shape : new int[][] {{1, 1}, {5, 3}, {40, 41}, {333, 300}}) {
            int r = shape[0], c = shape[1];
            float[] a = floats(r * c, 13);
            float[] lanes = new float[r * c], items = new float[r * c];
            runBoth("triangle", shape, new Object[] {FloatArray.wrap(MemorySegment.ofArray(a), r, c), FloatArray.wrap(MemorySegment.ofArray(lanes), r, c)},
                    new Object[] {FloatArray.wrap(MemorySegment.ofArray(a), r, c), FloatArray.wrap(MemorySegment.ofArray(items), r, c)});
            assertArrayEquals(items, lanes, "triangle " + r + " x " + c);
        }
    }

    @Test
    void aScheduleIsReusedOnlyByLaunchesOfTheSameShape() {
        LaneKernels.Program program = LaneKernels.plan(kernel("guarded"));
        double[] a = doubles(1000, 15);
        LaneKernels.Cached first = null;
        for (int n : new int[] {1000, 1000, 500, 1000, 999, 1}) {
            double[] lanes = new double[1000], items = new double[1000];
            runBoth("guarded", new int[] {1200}, new Object[] {DoubleArray.of(a), DoubleArray.of(lanes), n},
                    new Object[] {DoubleArray.of(a), DoubleArray.of(items), n});
            assertArrayEquals(items, lanes, "guarded by " + n);
            assertEquals(n == 1000 ? a[999] * 2.0 : 0.0, lanes[999], "the last item's path, guarded by " + n);
            LaneKernels.Cached now = program.last().get();
            if (first == null) first = now;
            else if (n == 1000) assertTrue(now == first || java.util.Arrays.equals(now.key(), first.key()), "the same shape, the same key");
            else assertTrue(!java.util.Arrays.equals(now.key(), first.key()), "another bound, another key");
        }
    }

    @Test
    void aBranchOnAFloatArgumentTakesOnePathForTheLaunch() {
        int n = 3001;
        float[] a = floats(n, 16);
        for (float alpha : new float[] {2f, -1f, 0f, -0f, Float.NaN}) {
            float[] lanes = new float[n], items = new float[n];
            runBoth("scaleIfPositive", new int[] {n}, new Object[] {alpha, FloatArray.of(a), FloatArray.of(lanes)},
                    new Object[] {alpha, FloatArray.of(a), FloatArray.of(items)});
            assertArrayEquals(items, lanes, "alpha " + alpha);
            assertEquals(alpha > 0f ? a[7] * alpha : -a[7], lanes[7], "alpha " + alpha);
        }
    }

    @Test
    void aPathRunsAnOperationAtATimeUntilItsGeneratedCodeIsWarm() throws Exception {
        CompiledKernel k = KernelCompiler.fromIr(LaneKernelsTest.axpyIr(), "test:lanes_warmup");
        LaneKernels.Path path = LaneKernels.plan(k).paths().getFirst();
        LaneKernels.warmItems = 2500;
        int n = 1000; // less than a block: runs that long take the generated code at once
        float[] x = floats(n, 17), y = floats(n, 18);
        long deadline = System.nanoTime() + 60_000_000_000L;
        long operatedBefore = -1;
        for (int launch = 0; System.nanoTime() < deadline; launch++) {
            float[] lanes = new float[n];
            assertTrue(LaneKernels.run(k, new int[] {n, 1, 1}, new int[] {1, 1, 1},
                    new Object[] {FloatArray.of(x), FloatArray.of(y), FloatArray.of(lanes), 0.5f}));
            for (int e = 0; e < n; e += 101) assertEquals(0.5f * x[e] + y[e], lanes[e], "launch " + launch + ", item " + e);
            if (launch < 2) assertEquals((long) n * (launch + 1), path.warmup().operated(), "an operation at a time first");
            long now = path.warmup().operated();
            if (now == operatedBefore) return; // a launch that did not count: it took the warmed-up generated code
            operatedBefore = now;
            Thread.sleep(5);
        }
        throw new AssertionError("the generated code never took over from the operation-at-a-time loops");
    }

    /** {@code out[i] = alpha * x[i] + y[i]} built as IR, so the warm-up test has a kernel of its own. */
    static org.jdpx.kernels.ir.KernelModule axpyIr() {
        org.jdpx.kernels.ir.IrBuilder b = org.jdpx.kernels.ir.IrBuilder.kernel("lanes_warmup");
        var x = b.view("x", org.jdpx.kernels.ir.Scalar.F32, 0);
        var y = b.view("y", org.jdpx.kernels.ir.Scalar.F32, 1);
        var out = b.view("out", org.jdpx.kernels.ir.Scalar.F32, 2);
        var alpha = b.value("alpha", float.class, 3);
        b.store(b.read(out), b.globalId(0), b.add(b.mul(b.read(alpha), b.load(b.read(x), b.globalId(0))), b.load(b.read(y), b.globalId(0))));
        return new org.jdpx.kernels.ir.KernelModule(b.build(), java.util.List.of());
    }

    @Test
    void anEarlyReturnKeepsItemsPastTheEndFromTheirReads() {
        int n = 70_001;
        double[] a = doubles(n, 14); // exactly n elements: items n.. would read past them
        double[] lanes = new double[n], items = new double[n];
        runBoth("guarded", new int[] {n + 999}, new Object[] {DoubleArray.of(a), DoubleArray.of(lanes), n},
                new Object[] {DoubleArray.of(a), DoubleArray.of(items), n});
        assertArrayEquals(items, lanes);
        for (int k = 0; k < n; k += 997) assertEquals(a[k] * 2.0, lanes[k]);
        // a bound that lets items read past the end: no lanes, and the failure of one item at a time
        Object[] past = {DoubleArray.of(a), DoubleArray.of(lanes), n + 5};
        assertTrue(!LaneKernels.run(kernel("guarded"), new int[] {n + 999, 1, 1}, new int[] {1, 1, 1}, past));
        assertThrows(IndexOutOfBoundsException.class, () -> JvmKernelRunner.run(kernel("guarded"), new int[] {n + 999}, null, past));
    }

    @Test
    void launchesThatDoNotFitRunOneItemAtATime() {
        // every other column of a 30 x 400 matrix: no global id steps by one element
        int rows = 30, cols = 200;
        float[] a = floats(rows * 2 * cols, 9), b = floats(rows * 2 * cols, 10);
        double want = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double d = (double) a[i * 2 * cols + 2 * j] - b[i * 2 * cols + 2 * j];
                want += d * d;
            }
        }
        long[] shape = {rows, cols}, strides = {2L * cols, 2};
        float[] c = {0};
        Object[] args = {new FloatArray(MemorySegment.ofArray(a), 0, shape, strides, null),
                new FloatArray(MemorySegment.ofArray(b), 0, shape, strides, null), FloatArray.of(c)};
        CompiledKernel l2 = kernel("l2");
        assertTrue(!LaneKernels.run(l2, new int[] {rows, cols, 1}, new int[] {1, 1, 1}, args));
        JvmKernelRunner.run(l2, new int[] {rows, cols}, null, args);
        assertEquals(want, c[0], 1e-5 * want);

        // reading past the memory: no lanes, and the kernel fails as it did item by item
        int n = 999;
        float[] small = new float[n - 1], y = floats(n, 11), out = new float[n];
        Object[] past = {1f, FloatArray.of(small), FloatArray.of(y), FloatArray.of(out)};
        CompiledKernel axpy = kernel("axpy");
        assertTrue(!LaneKernels.run(axpy, new int[] {n, 1, 1}, new int[] {1, 1, 1}, past));
        assertThrows(IndexOutOfBoundsException.class, () -> JvmKernelRunner.run(axpy, new int[] {n}, null, past));
    }
}
