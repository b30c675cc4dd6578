package org.jdpx.dpnp;

import java.lang.reflect.Method;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.KernelMethods;
import org.jdpx.kernels.KernelRef;
import org.jdpx.kernels.Local;
import org.jdpx.kernels.LongArray;

/**
 * The {@code @Kernel} methods of the GPU plan ({@link org.jdpx.kernels.plan.DevicePlan#isGpu()}):
 * work shared by the items of a work-group through local memory and barriers, so each element is
 * read by a different item of many groups. The CPU and java plans use {@link DeviceKernels}
 * instead (the java device runs barrier kernels slowly).
 */
final class GroupKernels {

    /** {@link #bitonicBlocks}, for a launch with {@link org.jdpx.kernels.LocalMemory} arguments. */
    static final Method BITONIC_BLOCKS = KernelMethods.of(
            (KernelRef.K7<LongArray, LongArray, LongArray, long[], long[], Integer, Integer>) GroupKernels::bitonicBlocks);
    /** {@link #groupBincount}, for a launch with {@link org.jdpx.kernels.LocalMemory} arguments. */
    static final Method GROUP_BINCOUNT = KernelMethods.of(
            (KernelRef.K6<LongArray, IntArray, int[], Integer, Integer, Integer>) GroupKernels::groupBincount);

    /** {@link #groupWeightsFloat}, for a launch with {@link org.jdpx.kernels.LocalMemory} arguments. */
    static final Method GROUP_WEIGHTS_FLOAT = KernelMethods.of((KernelRef.K7<LongArray, FloatArray, FloatArray, float[],
            Integer, Integer, Integer>) GroupKernels::groupWeightsFloat);
    /** {@link #groupWeightsDouble}, for a launch with {@link org.jdpx.kernels.LocalMemory} arguments. */
    static final Method GROUP_WEIGHTS_DOUBLE = KernelMethods.of((KernelRef.K7<LongArray, DoubleArray, DoubleArray, long[],
            Integer, Integer, Integer>) GroupKernels::groupWeightsDouble);

    private GroupKernels() {
    }

    /**
     * Sorts blocks of {@code 2 · localSize} keys of every row of {@code n} keys in local memory
     * with a bitonic network on (key, position) pairs, so equal keys keep their order; writes the
     * sorted keys and their positions in the row. One work-group per block; blocks never cross
     * rows; the tail of the last block of a row is padded with keys that sort after every key.
     */
    @Kernel
    public static void bitonicBlocks(KernelContext ctx, LongArray keyIn, LongArray keyOut, LongArray idxOut,
                                     @Local long[] keys, @Local long[] idx, int n, int blocksPerRow) {
        int lid = ctx.localId(0);
        int half = ctx.localSize(0);
        int block = 2 * half;
        int g = ctx.groupId(0);
        int row = g / blocksPerRow;
        int start = (g - row * blocksPerRow) * block;
        int base = row * n;
        for (int e = lid; e < block; e += half) {
            int p = start + e;
            keys[e] = p < n ? keyIn.get(base + p) : Long.MAX_VALUE;
            idx[e] = p;
        }
        ctx.localBarrier();
        for (int size = 2; size <= block; size <<= 1) {
            for (int stride = size >> 1; stride > 0; stride >>= 1) {
                int a = 2 * lid - (lid & (stride - 1));
                int b = a + stride;
                long ka = keys[a];
                long kb = keys[b];
                long ia = idx[a];
                long ib = idx[b];
                boolean greater = ka > kb || (ka == kb && ia > ib);
                boolean up = (a & size) == 0;
                if (greater == up) {
                    keys[a] = kb;
                    keys[b] = ka;
                    idx[a] = ib;
                    idx[b] = ia;
                }
                ctx.localBarrier();
            }
        }
        for (int e = lid; e < block; e += half) {
            int p = start + e;
            if (p < n) {
                keyOut.set(base + p, keys[e]);
                idxOut.set(base + p, idx[e]);
            }
        }
    }

    /**
     * Counts the values {@code 0..bins-1} of {@code x[0..n)} (others skipped): each group counts
     * its {@code perGroup} elements into a local histogram, then adds each non-zero bin to
     * {@code counts} with one global atomic.
     */
    @Kernel
    public static void groupBincount(KernelContext ctx, LongArray x, IntArray counts, @Local int[] local, int n,
                                     int bins, int perGroup) {
        int lid = ctx.localId(0);
        int size = ctx.localSize(0);
        for (int b = lid; b < bins; b += size) local[b] = 0;
        ctx.localBarrier();
        int start = ctx.groupId(0) * perGroup;
        int end = Math.min(start + perGroup, n);
        for (int i = start + lid; i < end; i += size) {
            long v = x.get(i);
            if (v >= 0 && v < bins) ctx.atomicAdd(local, (int) v, 1);
        }
        ctx.localBarrier();
        for (int b = lid; b < bins; b += size) {
            int c = local[b];
            if (c != 0) ctx.atomicAdd(counts, b, c);
        }
    }

    /**
     * {@link #groupBincount} with float32 weights: each group sums the weights of its elements per
     * bin in local memory, then adds each non-zero bin sum to {@code sums} with one global atomic.
     */
    @Kernel
    public static void groupWeightsFloat(KernelContext ctx, LongArray x, FloatArray w, FloatArray sums, @Local float[] local,
                                         int n, int bins, int perGroup) {
        int lid = ctx.localId(0);
        int size = ctx.localSize(0);
        for (int b = lid; b < bins; b += size) local[b] = 0f;
        ctx.localBarrier();
        int start = ctx.groupId(0) * perGroup;
        int end = Math.min(start + perGroup, n);
        for (int i = start + lid; i < end; i += size) {
            long v = x.get(i);
            if (v >= 0 && v < bins) ctx.atomicAdd(local, (int) v, w.get(i));
        }
        ctx.localBarrier();
        for (int b = lid; b < bins; b += size) {
            float s = local[b];
            if (s != 0f) ctx.atomicAdd(sums, b, s);
        }
    }

    /**
     * {@link #groupWeightsFloat} for float64 weights: the local bin sums are double bit patterns
     * in a long array, added to by compare-and-exchange (local memory has no double add).
     */
    @Kernel
    public static void groupWeightsDouble(KernelContext ctx, LongArray x, DoubleArray w, DoubleArray sums, @Local long[] local,
                                          int n, int bins, int perGroup) {
        int lid = ctx.localId(0);
        int size = ctx.localSize(0);
        for (int b = lid; b < bins; b += size) local[b] = 0L;
        ctx.localBarrier();
        int start = ctx.groupId(0) * perGroup;
        int end = Math.min(start + perGroup, n);
        for (int i = start + lid; i < end; i += size) {
            long v = x.get(i);
            if (v >= 0 && v < bins) {
                double wi = w.get(i);
                long old = local[(int) v];
                boolean done = false;
                while (!done) {
                    long sum = Double.doubleToRawLongBits(Double.longBitsToDouble(old) + wi);
                    long seen = ctx.atomicCompareExchange(local, (int) v, old, sum);
                    done = seen == old;
                    old = seen;
                }
            }
        }
        ctx.localBarrier();
        for (int b = lid; b < bins; b += size) {
            double s = Double.longBitsToDouble(local[b]);
            if (s != 0.0) ctx.atomicAdd(sums, b, s);
        }
    }
}
