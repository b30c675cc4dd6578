package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.GroupAtomicsKernels;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.junit.jupiter.api.Test;

/**
 * Atomic adds to one address per work-group on the java device ({@link JvmGroupSums}): the
 * group's contributions summed in item order as work-item loops, one atomic per group, instead of
 * one compare-exchange per item that the pool threads contend on; kernels the pass must not
 * rewrite (items that return before the atomic, addresses that differ between items, old values
 * used) run as they are. Results against plain Java on every device.
 */
class JvmGroupSumsTest {

    private static CompiledKernel kernel(String name) {
        return KernelCompiler.compile(GroupAtomicsKernels.class, name);
    }

    private static int atomics(CompiledKernel k) {
        int[] n = {0};
        Features.forEachStmt(k.ir().kernel().body(), s -> { }, e -> {
            if (e instanceof Expr.Atomic a && a.op() == AtomicOp.ADD) n[0]++;
        });
        return n[0];
    }

    private static int barriers(CompiledKernel k) {
        int[] n = {0};
        Features.forEachStmt(k.ir().kernel().body(), s -> {
            if (s instanceof Stmt.Barrier) n[0]++;
        }, e -> { });
        return n[0];
    }

    @Test
    void eligibleAtomicsRunAsGroupSumsAsWorkItemLoops() {
        for (String k : new String[] {"sumSquares", "countOdd", "sumPerGroup", "sum2d", "sumThenCopyBelow"}) {
            CompiledKernel v = JvmGroupSums.variant(kernel(k), new int[] {64, 1, 1});
            assertNotNull(v, k);
            assertEquals(1, barriers(v), k + ": the group's values stored, one barrier, item 0 adds them up");
            assertNotNull(JvmIrProgram.workItemLoops(v), k + ": runs as loops over the group's items");
        }
        assertNotNull(JvmGroupSums.variant(kernel("sum2d"), new int[] {16, 4, 1}), "2-D groups");
    }

    @Test
    void divergentNonUniformOrUsedAtomicsAndTinyGroupsRunTheKernelItself() {
        for (String k : new String[] {"histogram", "sumPairs", "guardedSum", "sumAfterReturn", "tickets", "sumAtLoadedIndex"}) {
            assertNull(JvmGroupSums.variant(kernel(k), new int[] {64, 1, 1}), k);
            assertFalse(kernel(k).atomicsSummable(), k + ": each item's atomic made as it comes");
        }
        for (String k : new String[] {"sumSquares", "countOdd", "sumPerGroup", "sum2d", "sumThenCopyBelow"}) {
            assertTrue(kernel(k).atomicsSummable(), k);
        }
        assertNull(JvmGroupSums.variant(kernel("sumSquares"), new int[] {JvmGroupSums.MIN_ITEMS - 1, 1, 1}),
                "a group below the minimum keeps one atomic per item");
        assertNull(kernel("sumSquares").checked().withGroupSums(64), "checked kernels keep their own IR");
    }

    /**
     * What tells group sums from one atomic per item: 2^24 + 1 rounds back to 2^24 in float, so
     * items adding 1 one by one onto 2^24 leave it unchanged, while each group's sum (64) is added
     * exactly (a chunk's sum on a flat launch: a multiple of 64 too). Before the java device
     * summed groups it returned 2^24 here.
     */
    @Test
    void theJavaDeviceAddsOneSumPerGroup() {
        Device jvm = TestDevices.java();
        int n = 4096;
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        float[] out = {1 << 24};
        ArraysOnDevice.launch(jvm, kernel("sumSquares"), NdRange.of(n, 64), ones, out);
        assertEquals((float) ((1 << 24) + n), out[0], "one add of 64 per group");
        float[] out2 = {1 << 24};
        ArraysOnDevice.launch(jvm, kernel("sumSquares"), Range.of(n), ones, out2);
        assertEquals((float) ((1 << 24) + n), out2[0], "groups chosen by the device sum too");
        float[] out3 = {1 << 24};
        CompiledKernel ir = KernelCompiler.fromIr(kernel("sumSquares").ir(), "JvmGroupSumsTest.sumSquares");
        ArraysOnDevice.launch(jvm, ir, Range.of(n), ones, out3);
        assertEquals((float) ((1 << 24) + n), out3[0], "a kernel built from IR sums per group as work-item loops");
    }

    /** A float sum in any order is within n·eps·Σ|terms| of the sum in order. */
    private static void assertReassociated(float[] terms, float got, String what) {
        float inOrder = 0;
        double abs = 0;
        for (float t : terms) {
            inOrder += t;
            abs += Math.abs(t);
        }
        assertEquals(inOrder, got, terms.length * Math.ulp(1f) * abs, what);
    }

    private static float[] signed(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    @OnEveryDevice
    void sumsMatchJavaForEveryRangeShape(Device device) {
        int n = 3 * 1024;
        float[] a = signed(n, 11);
        float[] squares = new float[n];
        for (int i = 0; i < n; i++) squares[i] = a[i] * a[i];
        for (WorkRange r : new WorkRange[] {Range.of(n), NdRange.of(n, 16), NdRange.of(n, 96), NdRange.of(n, 1024), NdRange.of(n, 3)}) {
            float[] out = new float[1];
            ArraysOnDevice.launch(device, kernel("sumSquares"), r, a, out);
            assertReassociated(squares, out[0], r + " on " + device);
        }
    }

    /** Items that return after the atomic have added; the ones below n also copy. */
    @OnEveryDevice
    void aReturnAfterTheAtomicKeepsEveryItemsAdd(Device device) {
        int n = 1000, items = 1024;
        float[] a = signed(items, 12);
        float[] out = new float[1], copy = new float[items];
        ArraysOnDevice.launch(device, kernel("sumThenCopyBelow"), NdRange.of(items, 64), a, out, copy, n);
        assertReassociated(a, out[0], "every item's add on " + device);
        for (int i = 0; i < items; i++) assertEquals(i < n ? a[i] * 2f : 0f, copy[i], "copy[" + i + "] on " + device);
    }

    /** Items that return before the atomic: the kernel runs as it is, and only the items below n add. */
    @OnEveryDevice
    void aReturnBeforeTheAtomicAddsOnlyTheItemsThatStay(Device device) {
        int n = 1000, items = 1024;
        float[] a = signed(items, 13);
        float[] out = new float[1];
        ArraysOnDevice.launch(device, kernel("sumAfterReturn"), NdRange.of(items, 64), a, out, n);
        assertReassociated(Arrays.copyOf(a, n), out[0], "items below n on " + device);
        float[] pairs = new float[items / 2];
        ArraysOnDevice.launch(device, kernel("sumPairs"), NdRange.of(items, 64), a, pairs);
        for (int i = 0; i < items / 2; i++) assertEquals(a[2 * i] + a[2 * i + 1], pairs[i], 1e-6f, "pair " + i + " on " + device);
    }
}
