package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * A stable sort of every row of int64 keys on the device: bottom-up merge sort, one kernel
 * launch per doubling of the run width, each element placing itself by binary search in the
 * neighbouring run. On the GPU plan the first {@code log2(2 · groupSize)} doublings are one
 * launch instead: a bitonic sort of (key, position) pairs per work-group in local memory
 * ({@link GroupKernels#bitonicBlocks}), whose sorted blocks the merge passes then join. The CPU
 * and java plans start from runs of one.
 */
final class MergeSort {

    private MergeSort() {
    }

    /**
     * The positions that sort each row of {@code keys} (dense int64 of shape {@code (rows, n)}), as
     * a dense int64 {@code (rows, n)} array; equal keys keep their order.
     */
    static UsmNdArray argsortRows(UsmNdArray keys, long rows, long n) {
        long total = rows * n;
        int tot = Dense.count("argsort", total);
        int ni = Dense.count("argsort", n);
        UsmNdArray k = Dense.of(keys, DType.INT64);
        if (total == 0 || n < 2) return positions(k, total, n);
        // Two pairs of scratch buffers take turns; the caller's keys are only read.
        UsmNdArray[] kb = {Dense.allocate(k, DType.INT64, rows, n), Dense.allocate(k, DType.INT64, rows, n)};
        UsmNdArray[] ib = {Dense.allocate(k, DType.INT64, rows, n), Dense.allocate(k, DType.INT64, rows, n)};
        int w = 0;
        UsmNdArray i;
        long width = 1;
        int half = blockHalf(DevicePlan.of(k.device()), n);
        if (half > 0) {
            long block = 2L * half;
            int blocksPerRow = (int) ((n + block - 1) / block);
            Kernels.launch(GroupKernels.BITONIC_BLOCKS, NdRange.of(rows * blocksPerRow * half, half), Dense.longs(k),
                    Dense.longs(kb[0]), Dense.longs(ib[0]), LocalMemory.longs((int) block),
                    LocalMemory.longs((int) block), ni, blocksPerRow);
            k = kb[0];
            i = ib[0];
            w = 1;
            width = block;
        } else {
            i = positions(k, total, n);
        }
        for (; width < n; width *= 2) {
            Kernels.launch(DeviceKernels::mergePass, Dense.range(total), Dense.longs(k), Dense.longs(i),
                    Dense.longs(kb[w]), Dense.longs(ib[w]), ni, (int) width, tot);
            k = kb[w];
            i = ib[w];
            w ^= 1;
        }
        return i;
    }

    /**
     * Items per work-group of the bitonic block sort (half a block) for rows of {@code n}: the
     * plan's group size, smaller when local memory cannot hold two longs per key of a block or the
     * row is shorter than a block; 0 when the plan is not the GPU plan.
     */
    static int blockHalf(DevicePlan plan, long n) {
        if (!plan.isGpu()) return 0;
        long half = plan.groupSize();
        while (half > 1 && 2 * half * 16 > plan.localMemBytes()) half >>= 1;
        while (half > 1 && half >= n) half >>= 1;
        return 2 * half * 16 <= plan.localMemBytes() ? (int) half : 0;
    }

    /** {@code 0..n-1} in every row, as a dense int64 {@code (rows, n)} array. */
    private static UsmNdArray positions(UsmNdArray like, long total, long n) {
        UsmNdArray iota = Creation.iota(like, total);
        return Dense.of(n == 0 ? iota : Tensor.remainder(iota, n)).reshape(total / Math.max(1, n), n);
    }
}
