package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.PlanCase;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A repeated array call (same graph structure, views, dtypes and device, new memory and new
 * scalar values) launches the kernel of the first call without writing its IR again, and still
 * reads the new call's memories and scalars; a graph that differs in what the kernel depends on
 * (which leaves share a memory, the views) gets its own. int64 keeps the java device on the IR
 * kernels (its Vector API path takes float32 and float64 only); every plan, against plain Java.
 */
class LaunchMemoTest {
    private static final java.util.concurrent.atomic.AtomicInteger CASES = new java.util.concurrent.atomic.AtomicInteger();

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    private static long[] values(int n, long seed) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = (i * 7919L + seed * 104_729L) % 2003 - 1000;
        return v;
    }

    private static UsmNdArray on(PlanCase c, long[] v) {
        return Tensor.asarray(v, null, ArrayOptions.on(c.device()).dtype(DType.INT64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void aRepeatedElementwiseCallWritesNoIr(PlanCase c) {
        int n = 5000;
        for (int call = 0; call < 3; call++) {
            long[] a = values(n, call), b = values(n, call + 10);
            long s = 3 + call;
            UsmNdArray av = on(c, a), bv = on(c, b);
            long before = FusedKernels.irBuilds();
            long[] got = c.run(() -> av.add(bv.multiply(s)).toLongArray());
            if (call > 0) assertEquals(before, FusedKernels.irBuilds(), "call " + call + " on " + c + " wrote a kernel IR again");
            for (int i = 0; i < n; i++) assertEquals(a[i] + s * b[i], got[i], "element " + i + " of call " + call + " on " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void aRepeatedReductionWritesNoIr(PlanCase c) {
        if (c.gpuPlan()) return; // the GPU plan reduces in trees (TreeReduction), which are not memoised
        int n = 100_000;
        for (int call = 0; call < 3; call++) {
            long[] a = values(n, call), b = values(n, call + 5);
            UsmNdArray av = on(c, a), bv = on(c, b);
            long before = FusedKernels.irBuilds();
            long got = c.run(() -> Tensor.square(av.subtract(bv)).sum().toLongArray()[0]);
            if (call > 0) assertEquals(before, FusedKernels.irBuilds(), "call " + call + " on " + c + " wrote a kernel IR again");
            long want = 0;
            for (int i = 0; i < n; i++) want += (a[i] - b[i]) * (a[i] - b[i]);
            assertEquals(want, got, "call " + call + " on " + c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void sharedMemoryAndOtherViewsAreNotTheSameLaunch(PlanCase c) {
        int n = 1000 + CASES.getAndIncrement(); // a shape of its own, so no earlier case or test made its kernels
        long[] a = values(n + 1, 1), b = values(n + 1, 2);
        UsmNdArray av = on(c, a), bv = on(c, b);
        long[] distinct = c.run(() -> av.add(bv.multiply(2)).toLongArray());
        long before = FusedKernels.irBuilds();
        long[] same = c.run(() -> av.add(av.multiply(2)).toLongArray());
        assertTrue(FusedKernels.irBuilds() > before, "a graph reading one memory twice is another kernel on " + c);
        long[] shifted = c.run(() -> av.get("1:").add(bv.get(":-1").multiply(2)).toLongArray());
        for (int i = 0; i < n + 1; i++) {
            assertEquals(a[i] + 2 * b[i], distinct[i], "a + 2b element " + i + " on " + c);
            assertEquals(3 * a[i], same[i], "a + 2a element " + i + " on " + c);
        }
        long[] want = new long[n];
        for (int i = 0; i < n; i++) want[i] = a[i + 1] + 2 * b[i];
        assertArrayEquals(want, shifted, "a[1:] + 2 b[:-1] on " + c);
    }
}
