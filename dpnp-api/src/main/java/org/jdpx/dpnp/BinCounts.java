package org.jdpx.dpnp;

import org.jdpx.device.Aspect;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Counting and weight sums per bin behind bincount and histogram. On the GPU plan each
 * work-group accumulates a histogram of its elements in local memory and adds every non-zero bin
 * to the result with one global atomic ({@link GroupKernels}), so global atomics scale with
 * groups × bins, not with elements; other plans count with one global atomic per element.
 */
final class BinCounts {
    /** Elements per work-item at most: far below rusticl's 65535-iteration loop limit. */
    private static final long PER_ITEM = 4096;

    private BinCounts() {
    }

    /** Counts of the values {@code 0..bins-1} among the int64 values {@code idx} (others are skipped), as int64. */
    static UsmNdArray counts(UsmNdArray idx, long bins) {
        UsmNdArray d = Dense.of(idx.reshape(-1), DType.INT64);
        UsmNdArray c = UsmNdArray.allocate(new long[] {bins}, DType.INT32, idx.queue(), idx.usmType(), 'C').assign(0);
        int n = Dense.count("bincount", d.size());
        if (n > 0 && bins > 0) {
            int b = Dense.count("bincount", bins);
            DevicePlan plan = DevicePlan.of(idx.device());
            if (fitsLocal(plan, bins, 4)) {
                int size = plan.groupSize();
                long groups = groups(plan, n);
                Kernels.launch(GroupKernels.GROUP_BINCOUNT, NdRange.of(groups * size, size), Dense.longs(d), Dense.ints(c),
                        LocalMemory.ints(b), n, b, perGroup(n, groups));
            } else {
                Kernels.launch(DeviceKernels::bincount, Dense.range(n), Dense.longs(d), Dense.ints(c), n, b);
            }
        }
        return c.astype(DType.INT64).eval();
    }

    /**
     * Per-bin sums of the float32 or float64 weights {@code w} (as long as {@code x}) of the values
     * {@code 0..bins-1} of {@code x}, in w's dtype, on the GPU plan; null where that plan does not
     * apply (another plan, too many bins for local memory, another dtype, float64 without 64-bit
     * atomics), for the caller's general path.
     */
    static UsmNdArray weighted(UsmNdArray x, UsmNdArray w, long bins) {
        DType t = w.dtype();
        DevicePlan plan = DevicePlan.of(x.device());
        boolean doubles = t == DType.FLOAT64;
        if (w.size() != x.size() || x.size() == 0 || bins == 0 || !(t == DType.FLOAT32 || doubles)
                || !fitsLocal(plan, bins, t.itemSize())
                || (doubles && !(x.device().hasAspect(Aspect.FP64) && x.device().hasAspect(Aspect.ATOMIC64)))) {
            return null;
        }
        UsmNdArray d = Dense.of(x.reshape(-1), DType.INT64);
        UsmNdArray wd = Dense.of(w.reshape(-1), t);
        UsmNdArray sums = UsmNdArray.allocate(new long[] {bins}, t, x.queue(), x.usmType(), 'C').assign(0);
        int n = Dense.count("bincount", d.size());
        int b = (int) bins;
        int size = plan.groupSize();
        long groups = groups(plan, n);
        NdRange range = NdRange.of(groups * size, size);
        if (doubles) {
            Kernels.launch(GroupKernels.GROUP_WEIGHTS_DOUBLE, range, Dense.longs(d), DoubleArray.on(wd.memory(), n),
                    DoubleArray.on(sums.memory(), bins), LocalMemory.longs(b), n, b, perGroup(n, groups));
        } else {
            Kernels.launch(GroupKernels.GROUP_WEIGHTS_FLOAT, range, Dense.longs(d), FloatArray.on(wd.memory(), n),
                    FloatArray.on(sums.memory(), bins), LocalMemory.floats(b), n, b, perGroup(n, groups));
        }
        return sums;
    }

    /** The GPU plan, and a histogram of {@code bins} elements of {@code bytes} fits in half the local memory. */
    private static boolean fitsLocal(DevicePlan plan, long bins, long bytes) {
        return plan.isGpu() && 2 * bytes * bins <= plan.localMemBytes();
    }

    /** Enough groups to fill the device, and never more than {@link #PER_ITEM} elements per work-item. */
    private static long groups(DevicePlan plan, int n) {
        long size = plan.groupSize();
        long byLimit = (n + size * PER_ITEM - 1) / (size * PER_ITEM);
        return Math.max(1, Math.min((n + size - 1) / size, Math.max(plan.fullGroups(), byLimit)));
    }

    private static int perGroup(int n, long groups) {
        return (int) ((n + groups - 1) / groups);
    }
}
