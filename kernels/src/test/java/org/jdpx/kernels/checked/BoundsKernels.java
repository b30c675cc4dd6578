package org.jdpx.kernels.checked;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Local;

/**
 * Kernels that go out of bounds when {@code shift} moves their index off the view, for checked
 * mode's tests. Each access a test expects to be reported carries a {@code // site:NAME} marker,
 * from which the test learns the line the exception must name. Never launch them unchecked on an
 * OpenCL device: an out-of-range access there may crash the JVM.
 */
final class BoundsKernels {
    private BoundsKernels() {
    }

    @Kernel
    static void shiftedWrite(KernelContext ctx, IntArray out, int shift) {
        int i = ctx.globalId(0);
        out.set(i + shift, i + 1); // site:shiftedWrite
    }

    @Kernel
    static void shiftedRead(KernelContext ctx, FloatArray in, FloatArray out, int shift) {
        int i = ctx.globalId(0);
        out.set(i, in.get(i + shift) + 1f); // site:shiftedRead
    }

    @Kernel
    static void rows(KernelContext ctx, FloatArray m, int rowShift) {
        int i = ctx.globalId(0);
        int j = ctx.globalId(1);
        m.set(i + rowShift, j, i * 100 + j); // site:rows
    }

    @Kernel
    static void histogram(KernelContext ctx, IntArray data, IntArray bins) {
        int i = ctx.globalId(0);
        ctx.atomicAdd(bins, data.get(i), 1); // site:histogram
    }

    static void put(IntArray a, int i, int v) {
        a.set(i, v); // site:put
    }

    @Kernel
    static void throughHelper(KernelContext ctx, IntArray out, int shift) {
        int i = ctx.globalId(0);
        put(out, i + shift, 7 * i);
    }

    @Kernel
    static void localShift(KernelContext ctx, IntArray out, @Local int[] scratch, int shift) {
        int l = ctx.localId(0);
        scratch[l] = l * 3;
        ctx.localBarrier();
        out.set(ctx.globalId(0), scratch[l + shift]); // site:localShift
    }

    @Kernel
    static void privateArray(KernelContext ctx, IntArray out, int shift) {
        int i = ctx.globalId(0);
        int[] t = new int[4];
        for (int k = 0; k < 4; k++) t[k] = i + k;
        out.set(i, t[(i & 3) + shift]); // site:privateArray
    }
}
