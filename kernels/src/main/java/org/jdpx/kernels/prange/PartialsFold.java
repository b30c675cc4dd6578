package org.jdpx.kernels.prange;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;

/**
 * One device pass of folding a parallel loop's partial results ({@link Partials}, GPU plan):
 * {@code items} partials of {@code length} elements each become {@code slots} of them, item
 * {@code j} of the pass combining element {@code j % length} of partials {@code j / length},
 * {@code j / length + slots}, ... in that order, so neighbouring items read neighbouring
 * addresses. {@code op} is a {@link ReduceOp}'s ordinal; the arithmetic is Java's (wrapping
 * integers, {@code Math.min}/{@code Math.max} NaN rules), as the host's combine.
 */
final class PartialsFold {

    private PartialsFold() {
    }

    @Kernel
    static void foldInt(KernelContext ctx, IntArray in, IntArray out, int op, int items, int slots, int length) {
        int j = ctx.globalId(0);
        if (j >= slots * length) return;
        int k = j % length;
        int acc = in.get(j);
        for (int g = j / length + slots; g < items; g += slots) {
            int v = in.get(g * length + k);
            if (op == 0) acc = acc + v;
            else if (op == 1) acc = acc * v;
            else if (op == 2) acc = Math.min(acc, v);
            else acc = Math.max(acc, v);
        }
        out.set(j, acc);
    }

    @Kernel
    static void foldLong(KernelContext ctx, LongArray in, LongArray out, int op, int items, int slots, int length) {
        int j = ctx.globalId(0);
        if (j >= slots * length) return;
        int k = j % length;
        long acc = in.get(j);
        for (int g = j / length + slots; g < items; g += slots) {
            long v = in.get(g * length + k);
            if (op == 0) acc = acc + v;
            else if (op == 1) acc = acc * v;
            else if (op == 2) acc = Math.min(acc, v);
            else acc = Math.max(acc, v);
        }
        out.set(j, acc);
    }

    @Kernel
    static void foldFloat(KernelContext ctx, FloatArray in, FloatArray out, int op, int items, int slots, int length) {
        int j = ctx.globalId(0);
        if (j >= slots * length) return;
        int k = j % length;
        float acc = in.get(j);
        for (int g = j / length + slots; g < items; g += slots) {
            float v = in.get(g * length + k);
            if (op == 0) acc = acc + v;
            else if (op == 1) acc = acc * v;
            else if (op == 2) acc = Math.min(acc, v);
            else acc = Math.max(acc, v);
        }
        out.set(j, acc);
    }

    @Kernel
    static void foldDouble(KernelContext ctx, DoubleArray in, DoubleArray out, int op, int items, int slots, int length) {
        int j = ctx.globalId(0);
        if (j >= slots * length) return;
        int k = j % length;
        double acc = in.get(j);
        for (int g = j / length + slots; g < items; g += slots) {
            double v = in.get(g * length + k);
            if (op == 0) acc = acc + v;
            else if (op == 1) acc = acc * v;
            else if (op == 2) acc = Math.min(acc, v);
            else acc = Math.max(acc, v);
        }
        out.set(j, acc);
    }
}
