package org.jdpx.dpnp;

import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;

/**
 * The {@code @Kernel} methods behind the functions that fusion cannot express: index sequences,
 * gathers, a stable merge sort on 64-bit order keys, binary search, stream compaction, counting
 * with atomics and the Philox4x32-10 generator. They run on the device of their arrays; every
 * array argument is a dense view starting at its allocation ({@link Dense}).
 */
final class DeviceKernels {
    static final int PHILOX_M0 = 0xD2511F53;
    static final int PHILOX_M1 = 0xCD9E8D57;
    static final int PHILOX_W0 = 0x9E3779B9;
    static final int PHILOX_W1 = 0xBB67AE85;

    private DeviceKernels() {
    }

    /** {@code out[i] = i}. */
    @Kernel
    public static void iota(KernelContext ctx, LongArray out, int n) {
        int i = ctx.globalId(0);
        if (i < n) out.set(i, i);
    }

    /**
     * Row-wise gather of 8-byte elements: {@code out[r, j] = src[r, idx[r*idxRowStride + j]]}
     * with negative indices counted from the row's end ({@code idxRowStride} 0 shares one index
     * list between rows).
     */
    @Kernel
    public static void gatherLong(KernelContext ctx, LongArray src, LongArray idx, LongArray out, int n, int m,
                                  int idxRowStride, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int r = g / m;
        int j = g - r * m;
        long k = idx.get(r * idxRowStride + j);
        if (k < 0) k += n;
        out.set(g, src.get(r * n + (int) k));
    }

    /** {@link #gatherLong} for 4-byte elements. */
    @Kernel
    public static void gatherInt(KernelContext ctx, IntArray src, LongArray idx, IntArray out, int n, int m,
                                 int idxRowStride, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int r = g / m;
        int j = g - r * m;
        long k = idx.get(r * idxRowStride + j);
        if (k < 0) k += n;
        out.set(g, src.get(r * n + (int) k));
    }

    /** Order keys of float64 bit patterns: signed comparison of the result orders the doubles. */
    @Kernel
    public static void doubleKeys(KernelContext ctx, LongArray bits, LongArray keys, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        long b = bits.get(i);
        keys.set(i, b ^ ((b >> 63) & 0x7FFFFFFFFFFFFFFFL));
    }

    /** Order keys of float32 bit patterns. */
    @Kernel
    public static void floatKeys(KernelContext ctx, IntArray bits, LongArray keys, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        int b = bits.get(i);
        keys.set(i, (long) (b ^ ((b >> 31) & 0x7FFFFFFF)));
    }

    /**
     * One pass of a stable bottom-up merge sort of every row of {@code n} keys (with their
     * positions): runs of {@code width} merge pairwise, each element finding its place by binary
     * search in the other run.
     */
    @Kernel
    public static void mergePass(KernelContext ctx, LongArray keyIn, LongArray idxIn, LongArray keyOut,
                                 LongArray idxOut, int n, int width, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / n;
        int i = g - row * n;
        int base = row * n;
        int start = (i / (2 * width)) * (2 * width);
        int mid = Math.min(start + width, n);
        int end = Math.min(start + 2 * width, n);
        long k = keyIn.get(base + i);
        int dst;
        if (i < mid) {
            int lo = mid;
            int hi = end;
            while (lo < hi) {
                int h = (lo + hi) >>> 1;
                if (keyIn.get(base + h) < k) lo = h + 1; else hi = h;
            }
            dst = i + (lo - mid);
        } else {
            int lo = start;
            int hi = mid;
            while (lo < hi) {
                int h = (lo + hi) >>> 1;
                if (keyIn.get(base + h) <= k) lo = h + 1; else hi = h;
            }
            dst = (i - mid) + lo;
        }
        keyOut.set(base + dst, k);
        idxOut.set(base + dst, idxIn.get(base + i));
    }

    /**
     * For every key in {@code needles}, the insertion point in the sorted {@code keys} of length
     * {@code n}: the first position whose key is not less ({@code right == 0}) or greater
     * ({@code right == 1}).
     */
    @Kernel
    public static void searchSorted(KernelContext ctx, LongArray keys, LongArray needles, LongArray out, int n,
                                    int right, int m) {
        int i = ctx.globalId(0);
        if (i >= m) return;
        long v = needles.get(i);
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int h = (lo + hi) >>> 1;
            long k = keys.get(h);
            boolean goRight = right == 1 ? k <= v : k < v;
            if (goRight) lo = h + 1; else hi = h;
        }
        out.set(i, lo);
    }

    /**
     * The inverse of a unique: with {@code perm} the stable sort of {@code n} elements and
     * {@code starts} the first sorted position of each of the {@code u} runs of equal keys, writes
     * to {@code out[perm[j]]} the run that sorted position {@code j} falls in (a binary search).
     */
    @Kernel
    public static void runOfSorted(KernelContext ctx, LongArray perm, LongArray starts, LongArray out, int u, int n) {
        int j = ctx.globalId(0);
        if (j >= n) return;
        int lo = 0;
        int hi = u;
        while (lo < hi) {
            int h = (lo + hi) >>> 1;
            if (starts.get(h) <= j) lo = h + 1; else hi = h;
        }
        out.set((int) perm.get(j), lo - 1);
    }

    /**
     * Stream compaction: with {@code csum} the running count of selected elements, writes the
     * position of every selected element to {@code out[csum[i] - 1]}.
     */
    @Kernel
    public static void compact(KernelContext ctx, LongArray csum, LongArray out, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        long c = csum.get(i);
        long prev = i == 0 ? 0 : csum.get(i - 1);
        if (c != prev) out.set((int) (c - 1), i);
    }

    /** Counts occurrences of every value of {@code x} in {@code counts} (atomic adds; values outside are skipped). */
    @Kernel
    public static void bincount(KernelContext ctx, LongArray x, IntArray counts, int n, int bins) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        long v = x.get(i);
        if (v >= 0 && v < bins) ctx.atomicAdd(counts, (int) v, 1);
    }

    /**
     * Philox4x32-10 (Salmon et al., SC'11): block {@code i} encrypts counter {@code (first + i, c1, c2, 0)}
     * under key {@code (k0, k1)} and writes four 32-bit words to {@code out[4i..4i+3]}.
     */
    @Kernel
    public static void philox(KernelContext ctx, IntArray out, int k0, int k1, int c1, int c2, int first, int blocks) {
        int i = ctx.globalId(0);
        if (i >= blocks) return;
        int x0 = first + i;
        int x1 = c1;
        int x2 = c2;
        int x3 = 0;
        int key0 = k0;
        int key1 = k1;
        for (int r = 0; r < 10; r++) {
            long p0 = (PHILOX_M0 & 0xFFFFFFFFL) * (x0 & 0xFFFFFFFFL);
            long p1 = (PHILOX_M1 & 0xFFFFFFFFL) * (x2 & 0xFFFFFFFFL);
            int y0 = ((int) (p1 >>> 32)) ^ x1 ^ key0;
            int y2 = ((int) (p0 >>> 32)) ^ x3 ^ key1;
            x1 = (int) p1;
            x3 = (int) p0;
            x0 = y0;
            x2 = y2;
            key0 += PHILOX_W0;
            key1 += PHILOX_W1;
        }
        out.set(4 * i, x0);
        out.set(4 * i + 1, x1);
        out.set(4 * i + 2, x2);
        out.set(4 * i + 3, x3);
    }
}
