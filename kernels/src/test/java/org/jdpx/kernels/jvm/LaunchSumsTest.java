package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;
import org.junit.jupiter.api.Test;

/**
 * Kernels whose atomics all add to one element for the launch ({@link LaunchSums}) sum their
 * items' contributions in the java device's generated loops, one atomic per chunk; 2-D kernels
 * that read memory along global id 1 run their items along it ({@link org.jdpx.kernels.plan.LaunchOrder#contiguousDim}). Exact
 * results (integer values, so float sums are exact too) over ranges that are not multiples of the
 * loops' four running sums or of the chunks.
 */
class LaunchSumsTest {

    @Kernel
    public static void countItems(KernelContext ctx, IntArray out) {
        ctx.atomicAdd(out, 0, 1);
    }

    @Kernel
    public static void sumRowMajor(KernelContext ctx, FloatArray a, FloatArray out) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        ctx.atomicAdd(out, 1, a.get(i, j));
    }

    @Kernel
    public static void sumPositive(KernelContext ctx, DoubleArray a, DoubleArray out) {
        double v = a.get(ctx.globalId(0));
        if (v > 0) {
            ctx.atomicAdd(out, 0, v);
        }
    }

    @Kernel
    public static void sumLongs(KernelContext ctx, LongArray a, LongArray out) {
        long v = a.get(ctx.globalId(0));
        ctx.atomicAdd(out, 0, v);
        ctx.atomicAdd(out, 0, v * 2);
    }

    @Kernel
    public static void sumTwoPlaces(KernelContext ctx, IntArray out) {
        ctx.atomicAdd(out, 0, 1);
        ctx.atomicAdd(out, 1, 2);
    }

    @Kernel
    public static void ticket(KernelContext ctx, IntArray next, IntArray out) {
        out.set(ctx.globalId(0), ctx.atomicAdd(next, 0, 1));
    }

    @Kernel
    public static void ids2d(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        out.set(i, j, out.get(i, j) + 1 + 10 * (ctx.localId(1) + 10 * ctx.groupId(1)) + 1000 * ctx.globalLinearId());
    }

    private static Method method(String name) {
        for (Method m : LaunchSumsTest.class.getMethods()) {
            if (m.getName().equals(name)) return m;
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void oneAddressForTheLaunchIsRecognised() {
        assertEquals(new LaunchSums.Site(0, 0, org.jdpx.kernels.ir.Scalar.I32), JvmLoops.hostFor(method("countItems")).sums());
        assertEquals(new LaunchSums.Site(1, 1, org.jdpx.kernels.ir.Scalar.F32), JvmLoops.hostFor(method("sumRowMajor")).sums());
        assertNotNull(JvmLoops.hostFor(method("sumPositive")).sums(), "an add under a condition");
        assertNotNull(JvmLoops.hostFor(method("sumLongs")).sums(), "two adds to one address");
        assertNull(JvmLoops.hostFor(method("sumTwoPlaces")).sums(), "two addresses");
        assertNull(JvmLoops.hostFor(method("ticket")).sums(), "the old value is read");
    }

    @Test
    void rowMajorReadsAlongGlobalIdOneRunAsColumns() {
        assertNotNull(JvmLoops.hostFor(method("sumRowMajor")).columnLoop());
        assertNotNull(JvmLoops.hostFor(method("ids2d")).columnLoop());
        assertNull(JvmLoops.hostFor(method("countItems")).columnLoop(), "no memory read by id");
        assertNull(JvmLoops.hostFor(method("sumPositive")).columnLoop(), "1-D reads");
    }

    @Test
    void intCountsEveryItemExactly() {
        for (int[] g : new int[][] {{1}, {7}, {4099}, {300, 257}, {65536}, {13, 11, 5}}) {
            int[] out = {5};
            JvmKernelRunner.run(method("countItems"), g, null, IntArray.of(out));
            assertEquals(5 + Arrays.stream(g).reduce(1, (x, y) -> x * y), out[0], Arrays.toString(g));
        }
    }

    @Test
    void floatSumsOfAMatrixReadAlongColumnsAreExact() {
        int rows = 301, cols = 259;
        float[] a = new float[rows * cols];
        double expected = 0;
        for (int k = 0; k < a.length; k++) {
            a[k] = (k * 7) % 13 - 6;
            expected += a[k];
        }
        float[] out = {0, 0.5f};
        JvmKernelRunner.run(method("sumRowMajor"), new int[] {rows, cols}, null,
                FloatArray.wrap(java.lang.foreign.MemorySegment.ofArray(a), rows, cols), FloatArray.of(out));
        assertEquals(0f, out[0], "other elements untouched");
        assertEquals((float) (expected + 0.5), out[1]);
    }

    @Test
    void conditionalDoubleAddsAndTheIdentityOfNoAdds() {
        int n = 10_001;
        double[] a = new double[n];
        double expected = 0;
        for (int k = 0; k < n; k++) {
            a[k] = k % 3 == 0 ? k : -k;
            if (a[k] > 0) expected += a[k];
        }
        double[] out = {1};
        JvmKernelRunner.run(method("sumPositive"), new int[] {n}, null, DoubleArray.of(a), DoubleArray.of(out));
        assertEquals(expected + 1, out[0]);
        double[] negatives = new double[n];
        Arrays.fill(negatives, -1);
        double[] negZero = {-0.0};
        JvmKernelRunner.run(method("sumPositive"), new int[] {n}, null, DoubleArray.of(negatives), DoubleArray.of(negZero));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(negZero[0]), "nothing added: -0.0 stays");
    }

    @Test
    void longSumsAndKernelsThatKeepTheirAtomicsStayExact() {
        int n = 9_999;
        long[] a = new long[n];
        long expected = 0;
        for (int k = 0; k < n; k++) {
            a[k] = (1L << 40) + k;
            expected += 3 * a[k];
        }
        long[] out = {0};
        JvmKernelRunner.run(method("sumLongs"), new int[] {n}, null, LongArray.of(a), LongArray.of(out));
        assertEquals(expected, out[0]);
        int[] two = {0, 0};
        JvmKernelRunner.run(method("sumTwoPlaces"), new int[] {5000}, null, IntArray.of(two));
        assertArrayEquals(new int[] {5000, 10000}, two);
        int[] next = {0};
        int[] tickets = new int[5000];
        JvmKernelRunner.run(method("ticket"), new int[] {5000}, null, IntArray.of(next), IntArray.of(tickets));
        Arrays.sort(tickets);
        for (int k = 0; k < tickets.length; k++) assertEquals(k, tickets[k], "each old value once");
    }

    @Test
    void columnsRunEveryItemOnceWithItsIds() {
        int rows = 37, cols = 1031;
        int[] out = new int[rows * cols];
        JvmKernelRunner.run(method("ids2d"), new int[] {rows, cols}, null,
                IntArray.wrap(java.lang.foreign.MemorySegment.ofArray(out), rows, cols));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                // local size 1 along dimension 1 (the default local size divides dimension 0 only)
                int expected = 1 + 10 * (0 + 10 * j) + 1000 * (j * rows + i);
                assertEquals(expected, out[i * cols + j], "item " + i + "," + j);
            }
        }
    }
}
