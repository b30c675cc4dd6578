package org.jdpx.perf.suite;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.KernelMath;

/**
 * The suite's kernels in the kernel style ({@code @Kernel} with a {@link KernelContext}). Reductions
 * are per-item partials: item {@code i} of {@code G} folds its own contiguous chunk of the input
 * (what streams best on CPU devices, the only ones here) and the host folds the {@code G}
 * partials, so no kernel needs a barrier (the java device runs barrier kernels slowly today).
 */
public final class BenchKernels {

    /** Work-items of the partial reductions: enough for every core and SIMD lane, few partials to fold. */
    public static final int PARTIALS = 1 << 14;

    private BenchKernels() {
    }

    /** STREAM triad {@code a = b + s*c}. */
    @Kernel
    public static void triad(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, float s) {
        int i = ctx.globalId(0);
        a.set(i, b.get(i) + s * c.get(i));
    }

    /** The fused expression {@code A += B + 5*C}, read once, written once. */
    @Kernel
    public static void fusedAPlusB5C(KernelContext ctx, DoubleArray a, DoubleArray b, DoubleArray c) {
        int i = ctx.globalId(0);
        a.set(i, a.get(i) + (b.get(i) + 5.0 * c.get(i)));
    }

    /** Partial sums of {@code x[0..n)}. */
    @Kernel
    public static void sumPartials(KernelContext ctx, FloatArray x, FloatArray partial, int n) {
        int i = ctx.globalId(0);
        int chunk = (n + ctx.globalSize(0) - 1) / ctx.globalSize(0);
        int end = Math.min(n, (i + 1) * chunk);
        float s = 0f;
        for (int j = i * chunk; j < end; j++) {
            s += x.get(j);
        }
        partial.set(i, s);
    }

    /** Partial maxima of {@code x[0..n)}: softmax pass 1. */
    @Kernel
    public static void maxPartials(KernelContext ctx, FloatArray x, FloatArray partial, int n) {
        int i = ctx.globalId(0);
        int chunk = (n + ctx.globalSize(0) - 1) / ctx.globalSize(0);
        int end = Math.min(n, (i + 1) * chunk);
        float m = -Float.MAX_VALUE;
        for (int j = i * chunk; j < end; j++) {
            m = Math.max(m, x.get(j));
        }
        partial.set(i, m);
    }

    /** Partial sums of {@code exp(x - max)}: softmax pass 2. */
    @Kernel
    public static void expSumPartials(KernelContext ctx, FloatArray x, FloatArray partial, int n, float max) {
        int i = ctx.globalId(0);
        int chunk = (n + ctx.globalSize(0) - 1) / ctx.globalSize(0);
        int end = Math.min(n, (i + 1) * chunk);
        float s = 0f;
        for (int j = i * chunk; j < end; j++) {
            s += KernelMath.exp(x.get(j) - max);
        }
        partial.set(i, s);
    }

    /** {@code y = exp(x - max) / sum}: softmax pass 3. */
    @Kernel
    public static void softmaxNormalize(KernelContext ctx, FloatArray x, FloatArray y, float max, float invSum) {
        int i = ctx.globalId(0);
        y.set(i, KernelMath.exp(x.get(i) - max) * invSum);
    }

    /** Partial midpoint sums of {@code 4/(1+x^2)} over {@code n} steps of width {@code h}. */
    @Kernel
    public static void piPartials(KernelContext ctx, DoubleArray partial, int n, double h) {
        int i = ctx.globalId(0);
        int g = ctx.globalSize(0);
        double s = 0.0;
        for (int j = i; j < n; j += g) {
            double x = (j + 0.5) * h;
            s += 4.0 / (1.0 + x * x);
        }
        partial.set(i, s);
    }
}
