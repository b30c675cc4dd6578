package org.jdpx.kernels.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.WorkRange;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * Kernels that index rows with {@code globalId(0)} run with their dimensions swapped on OpenCL
 * devices ({@link LaunchOrder}), and every item still sees its own ids, sizes and group
 * coordinates: each writes them out over uneven, non-square ranges, compared with what Java
 * computes and so with the java device, which runs the kernels as they are.
 */
class LaunchOrderTest {

    /** Per item: its ids, the sizes, and whether group id × local size + local id and groups × local size agree. */
    @Kernel
    public static void ids2d(KernelContext ctx, IntArray src, IntArray id0, IntArray id1, IntArray sizes, IntArray groups) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        id0.set(i, j, i + 1000 * src.get(i, j));
        id1.set(i, j, j);
        sizes.set(i, j, ctx.globalSize(0) * 100_000 + ctx.globalSize(1));
        groups.set(i, j, 
                groupError(ctx.groupId(0), ctx.localSize(0), ctx.localId(0), ctx.globalId(0), ctx.numGroups(0), ctx.globalSize(0))
                + groupError(ctx.groupId(1), ctx.localSize(1), ctx.localId(1), ctx.globalId(1), ctx.numGroups(1), ctx.globalSize(1))
                + groupError(ctx.groupId(2), ctx.localSize(2), ctx.localId(2), ctx.globalId(2), ctx.numGroups(2), ctx.globalSize(2)));
    }

    /** Like {@link #ids2d} with a barrier (and without the group check): its items could see the grouping, so it keeps its order. */
    @Kernel
    public static void ids2dBarrier(KernelContext ctx, IntArray src, IntArray id0, IntArray id1, IntArray sizes) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        int first = i + 1000 * src.get(i, j), sized = ctx.globalSize(0) * 100_000 + ctx.globalSize(1);
        ctx.localBarrier();
        sizes.set(i, j, sized);
        id1.set(i, j, j);
        id0.set(i, j, first);
    }

    /** Columns already in dimension 0: nothing to swap. */
    @Kernel
    public static void columnsFirst(KernelContext ctx, IntArray src, IntArray out) {
        int j = ctx.globalId(0), i = ctx.globalId(1);
        out.set(i, j, src.get(i, j) + 1);
    }

    @Kernel
    public static void ids3d(KernelContext ctx, IntArray src, IntArray id0, IntArray id1, IntArray id2, IntArray sizes,
                             IntArray groups) {
        int i = ctx.globalId(0), j = ctx.globalId(1), k = ctx.globalId(2);
        id0.set(i, j, k, i + 1000 * src.get(i, j, k));
        id1.set(i, j, k, j);
        id2.set(i, j, k, k);
        sizes.set(i, j, k, (ctx.globalSize(0) * 100 + ctx.globalSize(1)) * 1000 + ctx.globalSize(2));
        groups.set(i, j, k, 
                groupError(ctx.groupId(0), ctx.localSize(0), ctx.localId(0), ctx.globalId(0), ctx.numGroups(0), ctx.globalSize(0))
                + groupError(ctx.groupId(1), ctx.localSize(1), ctx.localId(1), ctx.globalId(1), ctx.numGroups(1), ctx.globalSize(1))
                + groupError(ctx.groupId(2), ctx.localSize(2), ctx.localId(2), ctx.globalId(2), ctx.numGroups(2), ctx.globalSize(2)));
    }

    /**
     * 0 when a dimension's group id, local id, local size and group count agree with its global id
     * and size (written out in each kernel: a helper asking work-item queries keeps a kernel's order).
     */
    static int groupError(int group, int localSize, int local, int global, int groups, int globalSize) {
        int e = group * localSize + local - global;
        return (e < 0 ? -e : e) + (groups * localSize == globalSize ? 0 : 1);
    }

    @Test
    void theSwapIsChosenFromTheAccesses() {
        assertEquals(1, KernelCompiler.compile(LaunchOrderTest.class, "ids2d").contiguousDim());
        assertEquals(2, KernelCompiler.compile(LaunchOrderTest.class, "ids3d").contiguousDim());
        assertEquals(0, KernelCompiler.compile(LaunchOrderTest.class, "ids2dBarrier").contiguousDim());
        assertEquals(0, KernelCompiler.compile(LaunchOrderTest.class, "columnsFirst").contiguousDim());
        assertThrows(IllegalArgumentException.class,
                () -> KernelCompiler.compile(LaunchOrderTest.class, "columnsFirst").withDimensionsSwapped(1));
    }

    @Test
    void onlyLaunchesWithoutALocalSizeThatHaveTheDimensionSwap() {
        assertEquals(1, LaunchOrder.swapFor(1, new LaunchRange(new long[] {7, 1029}, null)));
        assertEquals(0, LaunchOrder.swapFor(1, new LaunchRange(new long[] {7, 1029}, new long[] {7, 3})));
        assertEquals(0, LaunchOrder.swapFor(2, new LaunchRange(new long[] {7, 1029}, null)));
        assertEquals(0, LaunchOrder.swapFor(0, new LaunchRange(new long[] {7, 1029}, null)));
        assertArrayEquals(new long[] {257, 5, 3}, LaunchOrder.swapped(new LaunchRange(new long[] {3, 5, 257}, null), 2).global());
    }

    @Test
    void theSwappedKernelAsksForTheOtherDimensions() {
        CompiledKernel k = KernelCompiler.compile(LaunchOrderTest.class, "ids3d");
        String swapped = k.openclSource().replaceAll("get_(\\w+)\\(0\\)", "get_$1(X)")
                .replaceAll("get_(\\w+)\\(2\\)", "get_$1(0)").replace("(X)", "(2)");
        assertEquals(swapped, k.withDimensionsSwapped(2).openclSource());
    }

    @OnEveryDevice
    void idsAndSizesSurviveTheSwapIn2d(Device device) {
        for (String name : List.of("ids2d", "ids2dBarrier")) {
            int rows = 7, cols = 1029, n = rows * cols;
            int[] src = new int[n];
            for (int i = 0; i < n; i++) src[i] = (i * 31 + i / cols) % 7;
            boolean barrier = name.endsWith("Barrier");
            int[][] out = run(device, KernelCompiler.compile(LaunchOrderTest.class, name), Range.of(rows, cols),
                    new long[] {rows, cols}, src, barrier ? 3 : 4);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int at = i * cols + j;
                    String where = device + " " + name + " item (" + i + ", " + j + ")";
                    assertEquals(i + 1000 * src[at], out[0][at], where + " id 0");
                    assertEquals(j, out[1][at], where + " id 1");
                    assertEquals(rows * 100_000 + cols, out[2][at], where + " sizes");
                    if (!barrier) assertEquals(0, out[3][at], where + " group ids, local ids and sizes");
                }
            }
        }
    }

    @OnEveryDevice
    void idsAndSizesSurviveTheSwapIn3d(Device device) {
        int d0 = 3, d1 = 5, d2 = 257, n = d0 * d1 * d2;
        int[] src = new int[n];
        for (int i = 0; i < n; i++) src[i] = (i * 17) % 11;
        int[][] out = run(device, KernelCompiler.compile(LaunchOrderTest.class, "ids3d"), Range.of(d0, d1, d2),
                new long[] {d0, d1, d2}, src, 5);
        for (int i = 0; i < d0; i++) {
            for (int j = 0; j < d1; j++) {
                for (int k = 0; k < d2; k++) {
                    int at = (i * d1 + j) * d2 + k;
                    String where = device + " item (" + i + ", " + j + ", " + k + ")";
                    assertEquals(i + 1000 * src[at], out[0][at], where + " id 0");
                    assertEquals(j, out[1][at], where + " id 1");
                    assertEquals(k, out[2][at], where + " id 2");
                    assertEquals((d0 * 100 + d1) * 1000 + d2, out[3][at], where + " sizes");
                    assertEquals(0, out[4][at], where + " group ids, local ids and sizes");
                }
            }
        }
    }

    /** Launches {@code k} with {@code src} and {@code outs} fresh arrays, all of {@code shape}, and returns the outputs. */
    private static int[][] run(Device device, CompiledKernel k, WorkRange range, long[] shape, int[] src, int outs) {
        List<UsmMemory> memories = new ArrayList<>();
        try {
            Object[] args = new Object[outs + 1];
            for (int a = 0; a <= outs; a++) {
                UsmMemory m = UsmMemory.allocateDevice(device, 4L * src.length);
                memories.add(m);
                m.copyFromHost(a == 0 ? src : new int[src.length]);
                args[a] = IntArray.on(m, shape);
            }
            Kernels.launchAsync(k, range, List.of(), args).await();
            int[][] out = new int[outs][src.length];
            for (int a = 0; a < outs; a++) memories.get(a + 1).copyToHost(out[a]);
            return out;
        } finally {
            memories.forEach(UsmMemory::close);
        }
    }
}
