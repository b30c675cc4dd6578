package com.example.consumer;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.tensor.UsmNdArray;

/** A user's own kernel: y = alpha * x + y, one work-item per element, on the device x and y live on. */
public final class Saxpy {
    private Saxpy() { }

    @Kernel
    static void saxpy(KernelContext ctx, float alpha, FloatArray x, FloatArray y) {
        int i = ctx.globalId(0);
        if (i < y.length()) y.set(i, alpha * x.get(i) + y.get(i));
    }

    /** Overwrites {@code y} (a float32 vector) with {@code alpha * x + y} where both arrays live. */
    public static void apply(float alpha, UsmNdArray x, UsmNdArray y) {
        int n = Math.toIntExact(y.size());
        Kernels.launch(Saxpy::saxpy, Range.of(n), alpha, FloatArray.on(x.eval().memory()), FloatArray.on(y.eval().memory()));
    }
}
