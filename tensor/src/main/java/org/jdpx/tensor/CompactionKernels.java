package org.jdpx.tensor;

import java.lang.reflect.Method;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.KernelMethods;
import org.jdpx.kernels.KernelRef;
import org.jdpx.kernels.Local;
import org.jdpx.kernels.LongArray;

/**
 * The two passes of {@link Compaction}'s block scan: one work-group per tile of flags, a
 * power-of-two number of items per group.
 */
final class CompactionKernels {

    /** {@link #tileCounts}, for a launch with {@link org.jdpx.kernels.LocalMemory} arguments. */
    static final Method TILE_COUNTS = KernelMethods.of(
            (KernelRef.K5<ByteArray, LongArray, int[], Integer, Integer>) CompactionKernels::tileCounts);
    /** {@link #tileScatter}, for a launch with {@link org.jdpx.kernels.LocalMemory} arguments. */
    static final Method TILE_SCATTER = KernelMethods.of(
            (KernelRef.K6<ByteArray, LongArray, LongArray, int[], Integer, Integer>) CompactionKernels::tileScatter);

    private CompactionKernels() {
    }

    /** {@code counts[g]}: the non-zero flags of tile {@code g} ({@code [g·tile, min(n, (g+1)·tile))}), a tree sum in local memory. */
    @Kernel
    public static void tileCounts(KernelContext ctx, ByteArray flags, LongArray counts, @Local int[] scratch, int n,
                                  int tile) {
        int lid = ctx.localId(0);
        int size = ctx.localSize(0);
        int g = ctx.groupId(0);
        int start = g * tile;
        int end = Math.min(start + tile, n);
        int c = 0;
        for (int i = start + lid; i < end; i += size) {
            if (flags.get(i) != 0) c++;
        }
        scratch[lid] = c;
        ctx.localBarrier();
        for (int half = size >> 1; half > 0; half >>= 1) {
            if (lid < half) scratch[lid] += scratch[lid + half];
            ctx.localBarrier();
        }
        if (lid == 0) counts.set(g, scratch[0]);
    }

    /**
     * Writes the position of every non-zero flag of tile {@code g} to {@code out}, in order,
     * starting at {@code ends[g-1]} (the inclusive scan of the tile counts): the tile is walked in
     * steps of one group, each step an inclusive scan of its flags in local memory.
     */
    @Kernel
    public static void tileScatter(KernelContext ctx, ByteArray flags, LongArray ends, LongArray out,
                                   @Local int[] scratch, int n, int tile) {
        int lid = ctx.localId(0);
        int size = ctx.localSize(0);
        int g = ctx.groupId(0);
        int start = g * tile;
        int end = Math.min(start + tile, n);
        long carry = g == 0 ? 0 : ends.get(g - 1);
        for (int c = start; c < end; c += size) {
            int i = c + lid;
            int f = i < end && flags.get(i) != 0 ? 1 : 0;
            scratch[lid] = f;
            ctx.localBarrier();
            for (int off = 1; off < size; off <<= 1) {
                int t = lid >= off ? scratch[lid - off] : 0;
                ctx.localBarrier();
                scratch[lid] += t;
                ctx.localBarrier();
            }
            if (f != 0) out.set((int) (carry + scratch[lid] - 1), i);
            carry += scratch[size - 1];
            ctx.localBarrier();
        }
    }
}
