package org.jdpx.tensor;

import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.fusion.ReduceOp;

/**
 * Stream compaction as a block scan, the GPU plan's way to find the non-zero positions of a mask
 * (boolean indexing, {@code nonzero}): every work-group counts the flags of its tile, a scan of
 * the few tile counts gives each tile its first slot (its total is read to the host to size the
 * result), and every group writes its positions in order with a scan in local memory. Each flag
 * is read twice, by different items of many groups; no per-element running count is stored.
 */
public final class Compaction {
    /** Steps of one group per tile: tiles of {@code 16 · groupSize} flags. */
    private static final int STEPS_PER_TILE = 16;

    private Compaction() {
    }

    /**
     * Whether {@link #positions} is the way to compact {@code n} flags on {@code device}: on the
     * GPU plan, and on any OpenCL device whose loops stop before a running count over {@code n}
     * elements would end (llvmpipe); elsewhere a running count and one work-item per element is
     * faster (a CPU driver runs a work-group's barriers as loops over its items).
     */
    public static boolean suits(org.jdpx.device.Device device, long n) {
        DevicePlan plan = DevicePlan.of(device);
        return plan.isGpu() || (plan.kind() != DevicePlan.Kind.JAVA && n > DevicePlan.loopLimit(device));
    }

    /**
     * The positions (int64, C order) where the flattened {@code mask} is non-zero, on the mask's
     * device with the group size of its plan ({@link DevicePlan#groupSize()}). Meant for the GPU
     * plan: the java device runs its barrier kernels one thread per work-item, slowly.
     *
     * @throws UnsupportedOperationException for masks of more than {@code Integer.MAX_VALUE} elements
     */
    public static UsmNdArray positions(UsmNdArray mask) {
        UsmNdArray flags = mask.dtype() == DType.BOOL ? mask.reshape(-1) : Tensor.notEqual(mask.reshape(-1), 0);
        flags = flags.contiguousAs(DType.BOOL);
        if (flags.view().offset() != 0) flags = flags.copy().eval();
        long n = flags.size();
        if (n > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("nonzero: masks of more than " + Integer.MAX_VALUE
                    + " elements are not supported (got " + n + ")");
        }
        if (n == 0) return UsmNdArray.allocate(new long[] {0}, DType.INT64, mask.queue(), mask.usmType(), 'C');
        int size = DevicePlan.of(mask.device()).groupSize();
        int tile = size * STEPS_PER_TILE;
        long tiles = (n + tile - 1) / tile;
        UsmNdArray counts = UsmNdArray.allocate(new long[] {tiles}, DType.INT64, mask.queue(), mask.usmType(), 'C');
        ByteArray f = ByteArray.on(flags.memory(), n);
        NdRange range = NdRange.of(tiles * size, size);
        Kernels.launch(CompactionKernels.TILE_COUNTS, range, f, LongArray.on(counts.memory(), tiles),
                LocalMemory.ints(size), (int) n, tile);
        UsmNdArray ends = Reductions.cumulative(ReduceOp.SUM, counts, null).contiguousAs(DType.INT64);
        if (ends.view().offset() != 0) ends = ends.copy().eval();
        long count = ends.get(tiles - 1).itemLong();
        UsmNdArray out = UsmNdArray.allocate(new long[] {count}, DType.INT64, mask.queue(), mask.usmType(), 'C');
        if (count > 0) {
            Kernels.launch(CompactionKernels.TILE_SCATTER, range, f, LongArray.on(ends.memory(), tiles),
                    LongArray.on(out.memory(), count), LocalMemory.ints(size), (int) n, tile);
        }
        return out;
    }
}
