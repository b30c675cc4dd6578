package org.jdpx.kernels.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.jdpx.kernels.testutil.SpirvVal;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * The group-sum pass for atomic adds: which kernels it rewrites, that the rewritten code is valid
 * SPIR-V, and that every device (each with its own plan: group sums on OpenCL, the kernel itself
 * on the java device) gives what plain Java gives.
 */
class GroupAtomicsTest {

    private static KernelModule ir(String kernel) {
        return KernelCompiler.compile(GroupAtomicsKernels.class, kernel).ir();
    }

    @Test
    void uniformAddressesInUniformFlowAreRewritten() {
        for (String k : new String[] {"sumSquares", "countOdd", "sumLongsAt", "sumPerGroup", "sum2d"}) {
            assertTrue(GroupAtomics.applies(ir(k)), k);
            KernelModule m = GroupAtomics.apply(ir(k), 64, true);
            assertEquals(2, count(m, s -> s instanceof Stmt.Barrier), k + ": one barrier after the stores, one per tree level (in a loop)");
            assertTrue(m.kernel().locals().stream().anyMatch(v -> v.type() instanceof ArrayType a
                    && a.space() == AddressSpace.LOCAL && a.length() == 64), k);
            KernelModule serial = GroupAtomics.apply(ir(k), 64, false);
            assertEquals(1, count(serial, s -> s instanceof Stmt.Barrier), k + ": one barrier, then item 0 adds up");
            assertEquals(1, atomics(serial), k + ": one atomic, item 0's");
        }
    }

    @Test
    void dataDependentDivergentOrUsedAtomicsAreLeftAlone() {
        for (String k : new String[] {"histogram", "sumPairs", "guardedSum", "sumAfterReturn", "tickets", "sumAtLoadedIndex"}) {
            assertFalse(GroupAtomics.applies(ir(k)), k);
            assertSame(ir(k), GroupAtomics.apply(ir(k), 64, true), k);
        }
    }

    @Test
    void theInputModuleIsNotChanged() {
        KernelModule m = ir("sumSquares");
        String before = org.jdpx.kernels.opencl.OpenClEmitter.emit(m);
        GroupAtomics.apply(m, 128, true);
        GroupAtomics.apply(m, 128, false);
        assertEquals(before, org.jdpx.kernels.opencl.OpenClEmitter.emit(m));
    }

    @Test
    void rewrittenKernelsAreValidSpirv() {
        for (String k : new String[] {"sumSquares", "countOdd", "sumLongsAt", "sumPerGroup", "sum2d"}) {
            for (boolean tree : new boolean[] {true, false}) {
                SpirvVal.validate(KernelCompiler.fromIr(GroupAtomics.apply(ir(k), 256, tree), "test-" + k + tree));
            }
        }
    }

    @OnEveryDevice
    void openClDevicesGetTheVariantTheJavaDeviceTheKernel(Device device) {
        CompiledKernel k = KernelCompiler.compile(GroupAtomicsKernels.class, "sumSquares");
        CompiledKernel v = k.forPlan(DevicePlan.of(device));
        if (device.backend().equals("java")) {
            assertSame(k, v);
        } else {
            assertNotSame(k, v);
            assertTrue(v.openclSource().contains("barrier(CLK_LOCAL_MEM_FENCE)"), v.openclSource());
            assertTrue(!v.contentHash().equals(k.contentHash()), "a variant has its own cache key");
            assertSame(v, k.forPlan(DevicePlan.of(device)), "variants are kept");
        }
        CompiledKernel h = KernelCompiler.compile(GroupAtomicsKernels.class, "histogram");
        assertSame(h, h.forPlan(DevicePlan.of(device)), "nothing to rewrite, no native float atomics: the kernel itself");
    }

    // ------------------------------------------------------------------ results against plain Java

    private static final WorkRange[] RANGES_1000 = {Range.of(1000), NdRange.of(1000, 8), NdRange.of(1000, 5),
            NdRange.of(1000, 1), NdRange.of(1000, 125)};

    private static float[] uniform(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat();
        return a;
    }

    private static int[] ints(int n, long seed) {
        Random r = new Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = r.nextInt(1_000_000) - 500_000;
        return a;
    }

    /** A float sum of n terms in [0, 1) in any order stays within n·eps·sum of the exact sum; this is far tighter. */
    private static void assertSum(double exact, float got, String what) {
        assertEquals(exact, got, 2e-5 * Math.abs(exact) + 1e-6, what);
    }

    private static CompiledKernel kernel(String name) {
        return KernelCompiler.compile(GroupAtomicsKernels.class, name);
    }

    @OnEveryDevice
    void floatSumOfSquaresMatchesJavaForEveryGroupShape(Device device) {
        float[] a = uniform(1000, 1);
        double exact = 0;
        for (float x : a) exact += (double) (x * x);
        for (WorkRange r : RANGES_1000) {
            float[] out = new float[1];
            ArraysOnDevice.launch(device, kernel("sumSquares"), r, a, out);
            assertSum(exact, out[0], r + " on " + device);
            if (!device.backend().equals("java")) { // the other plan's form, launched as built for the device
                CompiledKernel other = kernel("sumSquares").forPlan(DevicePlan.of(device,
                        DevicePlan.of(device).isGpu() ? DevicePlan.Kind.CPU : DevicePlan.Kind.GPU));
                float[] out2 = new float[1];
                ArraysOnDevice.launch(device, other, r, a, out2);
                assertSum(exact, out2[0], r + ", other plan, on " + device);
            }
        }
    }

    /**
     * A launch that gives no group shape gets the plan's for a group-summed kernel: groups of the
     * plan's size (PoCL chose groups of thousands of items, whose one summing item then ran a
     * fifth of the launch alone; its l2 sample launch took 4x longer than with groups of 256).
     */
    @OnEveryDevice
    void launchesWithoutAShapeGetThePlansGroups(Device device) {
        int n = 4096;
        float[] a = uniform(n, 8);
        double exact = 0;
        for (float x : a) exact += x;
        float[] out = new float[1];
        int[] sizes = new int[n];
        ArraysOnDevice.launch(device, kernel("sumAndGroupSize"), Range.of(n), a, out, sizes);
        assertSum(exact, out[0], "on " + device);
        long[] planned = DevicePlan.of(device).groupSumLocal(new long[] {n});
        assertEquals(256, planned[0], "the plan's group size divides 4096");
        for (int i = 0; i < n; i++) assertEquals(planned[0], sizes[i], "item " + i + "'s group size on " + device);
    }

    @OnEveryDevice
    void intCountIsExact(Device device) {
        int n = 65_536 + 7;
        int[] a = ints(n, 2);
        int expected = 0;
        for (int x : a) expected += x & 1;
        int[] out = {5};
        ArraysOnDevice.launch(device, kernel("countOdd"), Range.of(n), a, out);
        assertEquals(expected + 5, out[0], "adds to what the element held, on " + device);
    }

    @OnEveryDevice
    void longSumAtAUniformComputedIndex(Device device) {
        if (!device.aspects().contains(org.jdpx.device.Aspect.ATOMIC64)) return; // the kernel needs 64-bit atomics
        int n = 4096;
        int[] a = ints(n, 3);
        long expected = 0;
        for (int x : a) expected += (long) x * 3L;
        long[] out = new long[4];
        ArraysOnDevice.launch(device, kernel("sumLongsAt"), NdRange.of(n, 64), a, out, 1);
        assertArrayEquals(new long[] {0, 0, 0, expected}, out, "slot 1 is element 3, on " + device);
    }

    @OnEveryDevice
    void oneSumPerGroupAtTheGroupId(Device device) {
        int n = 1000, local = 40;
        float[] a = uniform(n, 4);
        float[] out = new float[n / local];
        ArraysOnDevice.launch(device, kernel("sumPerGroup"), NdRange.of(n, local), a, out);
        for (int g = 0; g < n / local; g++) {
            double exact = 0;
            for (int i = g * local; i < (g + 1) * local; i++) exact += a[i];
            assertSum(exact, out[g], "group " + g + " on " + device);
        }
    }

    @OnEveryDevice
    void twoDimensionalRangeWithAndWithoutAGroupShape(Device device) {
        int rows = 96, cols = 100;
        float[] a = uniform(rows * cols, 5);
        double exact = 0;
        for (float x : a) exact += x;
        for (WorkRange r : new WorkRange[] {Range.of(rows, cols), NdRange.of(new long[] {rows, cols}, new long[] {3, 5}),
                NdRange.of(new long[] {rows, cols}, new long[] {16, 4})}) {
            try (UsmMemory am = UsmMemory.allocateDevice(device, 4L * a.length); UsmMemory out = UsmMemory.allocateDevice(device, 4)) {
                am.copyFromHost(a);
                out.fill(0f);
                Kernels.launch(GroupAtomicsKernels::sum2d, r, FloatArray.on(am, rows, cols), FloatArray.on(out));
                float[] got = new float[1];
                out.copyToHost(got);
                assertSum(exact, got[0], r + " on " + device);
            }
        }
    }

    @OnEveryDevice
    void keptAtomicsStillMatchJava(Device device) {
        int n = 1000;
        int[] a = ints(n, 6);
        float[] f = uniform(n, 7);
        int[] bins = new int[8];
        for (int x : a) bins[x & 7]++;
        double below = 0;
        for (int i = 0; i < 600; i++) below += f[i];
        int[] gotBins = new int[8];
        ArraysOnDevice.launch(device, kernel("histogram"), Range.of(n), a, gotBins);
        assertArrayEquals(bins, gotBins, "histogram on " + device);
        float[] pairs = new float[n / 2];
        ArraysOnDevice.launch(device, kernel("sumPairs"), Range.of(n), f, pairs);
        for (int p = 0; p < n / 2; p++) assertSum(f[2 * p] + (double) f[2 * p + 1], pairs[p], "pair " + p + " on " + device);
        float[] s = new float[1];
        ArraysOnDevice.launch(device, kernel("guardedSum"), NdRange.of(n, 8), f, s, 600);
        assertSum(below, s[0], "guarded sum on " + device);
        s[0] = 0;
        ArraysOnDevice.launch(device, kernel("sumAfterReturn"), NdRange.of(n, 8), f, s, 600);
        assertSum(below, s[0], "sum after an early return on " + device);
        int[] counter = new int[1], tickets = new int[n];
        ArraysOnDevice.launch(device, kernel("tickets"), Range.of(n), counter, tickets);
        Arrays.sort(tickets);
        for (int i = 0; i < n; i++) assertEquals(i, tickets[i], "each ticket once, on " + device);
        assertEquals(n, counter[0]);
    }

    private static long atomics(KernelModule m) {
        long[] n = {0};
        Features.forEachStmt(m.kernel().body(), s -> { }, e -> {
            if (e instanceof Expr.Atomic) n[0]++;
        });
        return n[0];
    }

    private static long count(KernelModule m, java.util.function.Predicate<Stmt> p) {
        long[] n = {0};
        Features.forEachStmt(m.kernel().body(), s -> {
            if (p.test(s)) n[0]++;
        }, e -> { });
        return n[0];
    }
}
