package com.example.consumer;

import org.jdpx.dpnp.Dpnp;
import org.jdpx.kernels.*;
import org.jdpx.tensor.*;

public class Hello {
    @Kernel
    static void scale(KernelContext ctx, float a, FloatArray x) {
        int i = ctx.globalId(0);
        x.set(i, a * x.get(i));
    }

    public static void main(String[] args) {
        UsmNdArray x = Dpnp.array(new float[] {1, 2, 3, 4}, new long[] {4}, ArrayOptions.on("gpu:0"));
        Kernels.launch(Hello::scale, Range.of(4), 2f, FloatArray.on(x.memory()));   // x = [2, 4, 6, 8]
        UsmNdArray y = Dpnp.sqrt(Dpnp.add(Dpnp.multiply(x, x), 9));                  // one fused kernel
        System.out.println(y + ", sum " + Dpnp.sum(y).item());
    }
}
