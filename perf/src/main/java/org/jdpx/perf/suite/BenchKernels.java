package org.jdpx.perf.suite;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;

/**
 * The suite's kernel-style workload ({@code @Kernel} with a {@link KernelContext}): pi as per-item
 * partials that the host folds, so the kernel needs no barrier (the java device runs barrier
 * kernels slowly today). The stream workloads are tensor expressions ({@link StreamWorkloads}).
 */
public final class BenchKernels {

    /** Work-items of the partial reductions: enough for every core and SIMD lane, few partials to fold. */
    public static final int PARTIALS = 1 << 14;

    private BenchKernels() {
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
