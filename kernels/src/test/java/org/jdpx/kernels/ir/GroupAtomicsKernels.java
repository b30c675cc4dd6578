package org.jdpx.kernels.ir;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;

/** Atomic adds the group-sum pass rewrites (uniform address, uniform control flow) and ones it must leave alone. */
public final class GroupAtomicsKernels {
    private GroupAtomicsKernels() {
    }

    /** Uniform: every item adds its square to {@code out[0]}. */
    @Kernel
    public static void sumSquares(KernelContext ctx, FloatArray a, FloatArray out) {
        float v = a.get(ctx.globalId(0));
        ctx.atomicAdd(out, 0, v * v);
    }

    /** Uniform, int: counts odd elements into {@code out[0]}. */
    @Kernel
    public static void countOdd(KernelContext ctx, IntArray a, IntArray out) {
        ctx.atomicAdd(out, 0, a.get(ctx.globalId(0)) & 1);
    }

    /** Uniform, long, into an element chosen by a scalar argument through a local variable. */
    @Kernel
    public static void sumLongsAt(KernelContext ctx, IntArray a, LongArray out, int slot) {
        int k = slot * 2 + 1;
        ctx.atomicAdd(out, k, (long) a.get(ctx.globalId(0)) * 3L);
    }

    /** Uniform within a group: one sum per work-group, at the group id. */
    @Kernel
    public static void sumPerGroup(KernelContext ctx, FloatArray a, FloatArray out) {
        ctx.atomicAdd(out, ctx.groupId(0), a.get(ctx.globalId(0)));
    }

    /** Uniform, over a 2-D range as the l2 sample does. */
    @Kernel
    public static void sum2d(KernelContext ctx, FloatArray a, FloatArray out) {
        ctx.atomicAdd(out, 0, a.get(ctx.globalId(0), ctx.globalId(1)));
    }

    /** Not uniform: the address depends on the data each item reads. */
    @Kernel
    public static void histogram(KernelContext ctx, IntArray a, IntArray bins) {
        ctx.atomicAdd(bins, a.get(ctx.globalId(0)) & 7, 1);
    }

    /** Not uniform: the address depends on the item's global id. */
    @Kernel
    public static void sumPairs(KernelContext ctx, FloatArray a, FloatArray out) {
        int i = ctx.globalId(0);
        ctx.atomicAdd(out, i / 2, a.get(i));
    }

    /** Divergent: only items below {@code n} reach the atomic. */
    @Kernel
    public static void guardedSum(KernelContext ctx, FloatArray a, FloatArray out, int n) {
        int i = ctx.globalId(0);
        if (i < n) {
            ctx.atomicAdd(out, 0, a.get(i));
        }
    }

    /** Divergent: items at or past {@code n} return before the atomic. */
    @Kernel
    public static void sumAfterReturn(KernelContext ctx, FloatArray a, FloatArray out, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        ctx.atomicAdd(out, 0, a.get(i));
    }

    /** Uniform, with a return after the atomic: every item has added before items at or past {@code n} leave. */
    @Kernel
    public static void sumThenCopyBelow(KernelContext ctx, FloatArray a, FloatArray out, FloatArray copy, int n) {
        int i = ctx.globalId(0);
        ctx.atomicAdd(out, 0, a.get(i));
        if (i >= n) return;
        copy.set(i, a.get(i) * 2f);
    }

    /** Uniform, and each item writes down the size of its work-group. */
    @Kernel
    public static void sumAndGroupSize(KernelContext ctx, FloatArray a, FloatArray out, IntArray size) {
        ctx.atomicAdd(out, 0, a.get(ctx.globalId(0)));
        size.set(ctx.globalId(0), ctx.localSize(0));
    }

    /** The old value is used (a ticket per item), so each item needs its own atomic. */
    @Kernel
    public static void tickets(KernelContext ctx, IntArray counter, IntArray ticket) {
        int t = ctx.atomicAdd(counter, 0, 1);
        ticket.set(ctx.globalId(0), t);
    }

    /** Not uniform: the index is read from memory. */
    @Kernel
    public static void sumAtLoadedIndex(KernelContext ctx, FloatArray a, IntArray where, FloatArray out) {
        ctx.atomicAdd(out, where.get(0), a.get(ctx.globalId(0)));
    }
}
