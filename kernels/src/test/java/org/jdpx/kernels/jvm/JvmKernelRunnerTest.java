package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Local;
import org.jdpx.kernels.LocalMemory;
import org.junit.jupiter.api.Test;

/** The java device runner: ids in every mode, work-group isolation, barriers with early exits, errors. */
class JvmKernelRunnerTest {

    @Kernel
    static void ids(KernelContext ctx, IntArray out) {
        int g = ctx.globalLinearId();
        out.set(5 * g, ctx.localId(0) + 100 * ctx.localId(1));
        out.set(5 * g + 1, ctx.groupId(0) + 100 * ctx.groupId(1));
        out.set(5 * g + 2, ctx.localSize(0) + 100 * ctx.localSize(1));
        out.set(5 * g + 3, ctx.numGroups(0) + 100 * ctx.numGroups(1));
        out.set(5 * g + 4, ctx.localLinearId() + 1000 * ctx.groupLinearId());
    }

    @Kernel
    static void idsWithBarrier(KernelContext ctx, IntArray out) {
        ctx.localBarrier();
        ids(ctx, out);
    }

    @Kernel
    static void groupLocal(KernelContext ctx, IntArray out, @Local int[] scratch) {
        int lid = ctx.localId(0);
        scratch[lid] = ctx.groupId(0) * 1000 + lid;
        ctx.localBarrier();
        int n = ctx.localSize(0);
        out.set(ctx.globalId(0), scratch[(lid + 1) % n]);
    }

    @Kernel
    static void earlyReturnThenBarrier(KernelContext ctx, IntArray out) {
        int lid = ctx.localId(0);
        if (lid % 2 == 1) return; // odd items leave; the even ones still meet at the barrier
        int[] buf = ctx.localInts(32);
        buf[lid] = lid;
        ctx.localBarrier();
        out.set(ctx.globalId(0), buf[(lid + 2) % ctx.localSize(0)]);
    }

    /** Item {@code d} writes outside {@code out} (division by zero would not do: it gives 0 on every device). */
    @Kernel
    static void failsAt(KernelContext ctx, IntArray out, int d) {
        out.set(ctx.globalId(0) == d ? -1 : ctx.globalId(0), 100);
    }

    @Kernel
    static void failsInGroup(KernelContext ctx, IntArray out, int d) {
        ctx.localBarrier();
        out.set(ctx.globalId(0) == d ? -1 : ctx.globalId(0), 100);
        ctx.localBarrier();
    }

    private static IntArray ints(Arena a, int n) {
        return IntArray.wrap(a.allocate(4L * n, 4));
    }

    @Test
    void workItemIdsMatchOpenClDefinitions() {
        for (String k : new String[] {"ids", "idsWithBarrier"}) {
            try (Arena a = Arena.ofShared()) {
                int gx = 48, gy = 6, lx = 8, ly = 3;
                IntArray out = ints(a, 5 * gx * gy);
                JvmKernelRunner.run(KernelCompiler.compile(JvmKernelRunnerTest.class, k), new int[] {gx, gy}, new int[] {lx, ly}, out);
                for (int y = 0; y < gy; y++) {
                    for (int x = 0; x < gx; x++) {
                        int g = y * gx + x;
                        assertEquals(x % lx + 100 * (y % ly), out.get(5 * g), k);
                        assertEquals(x / lx + 100 * (y / ly), out.get(5 * g + 1), k);
                        assertEquals(lx + 100 * ly, out.get(5 * g + 2), k);
                        assertEquals(gx / lx + 100 * (gy / ly), out.get(5 * g + 3), k);
                        assertEquals((y % ly) * lx + x % lx + 1000 * ((y / ly) * (gx / lx) + x / lx), out.get(5 * g + 4), k);
                    }
                }
            }
        }
    }

    @Test
    void everyGroupHasItsOwnLocalMemory() {
        try (Arena a = Arena.ofShared()) {
            IntArray out = ints(a, 256);
            JvmKernelRunner.run(KernelCompiler.compile(JvmKernelRunnerTest.class, "groupLocal"), new int[] {256}, new int[] {16}, out,
                    LocalMemory.ints(16));
            for (int i = 0; i < 256; i++) assertEquals((i / 16) * 1000 + (i % 16 + 1) % 16, out.get(i));
        }
    }

    @Test
    void itemsThatReturnEarlyDoNotBlockTheBarrier() {
        try (Arena a = Arena.ofShared()) {
            IntArray out = ints(a, 64);
            JvmKernelRunner.run(KernelCompiler.compile(JvmKernelRunnerTest.class, "earlyReturnThenBarrier"), new int[] {64}, new int[] {32}, out);
            for (int i = 0; i < 64; i += 2) assertEquals((i % 32 + 2) % 32, out.get(i));
            for (int i = 1; i < 64; i += 2) assertEquals(0, out.get(i));
        }
    }

    @Test
    void exceptionsOfWorkItemsReachTheCaller() {
        try (Arena a = Arena.ofShared()) {
            IntArray out = ints(a, 4096);
            assertThrows(IndexOutOfBoundsException.class, () ->
                    JvmKernelRunner.run(KernelCompiler.compile(JvmKernelRunnerTest.class, "failsAt"), new int[] {4096}, null, out, 4000));
            assertThrows(IndexOutOfBoundsException.class, () ->
                    JvmKernelRunner.run(KernelCompiler.compile(JvmKernelRunnerTest.class, "failsInGroup"), new int[] {256}, new int[] {64}, out, 70));
        }
    }

    @Test
    void badLaunchesAreRefused() {
        var k = KernelCompiler.compile(JvmKernelRunnerTest.class, "failsAt");
        try (Arena a = Arena.ofShared()) {
            IntArray out = ints(a, 16);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JvmKernelRunner.run(k, new int[] {16}, null, out));
            assertTrue(e.getMessage().contains("takes 2 arguments"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> JvmKernelRunner.run(k, new int[] {16}, null, out, 1.5f));
            assertTrue(e.getMessage().contains("must be int"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> JvmKernelRunner.run(k, new int[] {16}, new int[] {5}, out, 1));
            assertTrue(e.getMessage().contains("does not divide"), e.getMessage());
        }
    }
}
