package org.jdpx.dpnp;

import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;

/**
 * The {@code @Kernel} methods of {@link Scatter}: writes to computed positions where the last
 * writer wins, as in NumPy's sequential put. The first pass elects, for every target, the
 * highest source position naming it (an atomic max); the second lets only that source write.
 * Every array argument is a dense view starting at its allocation ({@link Dense}).
 */
final class ScatterKernels {

    private ScatterKernels() {
    }

    /** {@code winner[idx[j]] = max(winner[idx[j]], j)} for {@code j < m}. */
    @Kernel
    public static void elect(KernelContext ctx, LongArray idx, IntArray winner, int m) {
        int j = ctx.globalId(0);
        if (j < m) ctx.atomicMax(winner, (int) idx.get(j), j);
    }

    /** {@code dst[idx[j]] = src[j]} for the elected {@code j} (8-byte elements). */
    @Kernel
    public static void writeLong(KernelContext ctx, LongArray src, LongArray idx, IntArray winner, LongArray dst, int m) {
        int j = ctx.globalId(0);
        if (j >= m) return;
        int t = (int) idx.get(j);
        if (winner.get(t) == j) dst.set(t, src.get(j));
    }

    /** {@link #writeLong} for 4-byte elements. */
    @Kernel
    public static void writeInt(KernelContext ctx, IntArray src, LongArray idx, IntArray winner, IntArray dst, int m) {
        int j = ctx.globalId(0);
        if (j >= m) return;
        int t = (int) idx.get(j);
        if (winner.get(t) == j) dst.set(t, src.get(j));
    }
}
