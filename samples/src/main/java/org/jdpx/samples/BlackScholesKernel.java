package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.KernelMath;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;

/**
 * Black-Scholes in kernel style: one work-item prices one option, in float32 with
 * {@link KernelMath}'s float functions (device built-ins on OpenCL), so no fp64 is needed.
 */
public final class BlackScholesKernel implements Sample {
    static final int N = 1 << 16;
    static final float RATE = 0.02f, VOLATILITY = 0.30f;

    @Kernel
    public static void price(KernelContext ctx, FloatArray s, FloatArray x, FloatArray t, FloatArray call,
                             FloatArray put, float r, float v) {
        int i = ctx.globalId(0);
        float sqrtT = KernelMath.sqrt(t.get(i));
        float d1 = (KernelMath.log(s.get(i) / x.get(i)) + (r + 0.5f * v * v) * t.get(i)) / (v * sqrtT);
        float d2 = d1 - v * sqrtT;
        float discounted = x.get(i) * KernelMath.exp(-r * t.get(i));
        float c1 = normalCdf(d1), c2 = normalCdf(d2);
        call.set(i, s.get(i) * c1 - discounted * c2);
        put.set(i, discounted * (1f - c2) - s.get(i) * (1f - c1));
    }

    /** The normal distribution function, Abramowitz–Stegun 26.2.17; kernels may call static helpers. */
    static float normalCdf(float d) {
        float k = 1f / (1f + 0.2316419f * Math.abs(d));
        float poly = k * (0.31938153f + k * (-0.356563782f + k * (1.781477937f + k * (-1.821255978f + k * 1.330274429f))));
        float w = 1f - 0.39894228f * KernelMath.exp(-0.5f * d * d) * poly;
        return d < 0f ? 1f - w : w;
    }

    /** Call prices followed by put prices for each option (price, strike, years), on {@code device}. */
    public static float[] price(Device device, float[] s, float[] x, float[] t, float r, float v) {
        int n = s.length;
        try (UsmMemory sm = UsmMemory.allocateDevice(device, 4L * n); UsmMemory xm = UsmMemory.allocateDevice(device, 4L * n);
             UsmMemory tm = UsmMemory.allocateDevice(device, 4L * n); UsmMemory cm = UsmMemory.allocateDevice(device, 4L * n);
             UsmMemory pm = UsmMemory.allocateDevice(device, 4L * n)) {
            sm.copyFromHost(s);
            xm.copyFromHost(x);
            tm.copyFromHost(t);
            Kernels.launch(BlackScholesKernel::price, Range.of(n), FloatArray.on(sm), FloatArray.on(xm), FloatArray.on(tm),
                    FloatArray.on(cm), FloatArray.on(pm), r, v);
            float[] call = new float[n], put = new float[n];
            cm.copyToHost(call);
            pm.copyToHost(put);
            float[] both = java.util.Arrays.copyOf(call, 2 * n);
            System.arraycopy(put, 0, both, n, n);
            return both;
        }
    }

    @Override public String name() { return "black-scholes"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        double[] s = References.uniform(N, 10, 50, 6), x = References.uniform(N, 10, 50, 7), t = References.uniform(N, 1, 2, 8);
        float[] cp = price(device, References.toFloats(s), References.toFloats(x), References.toFloats(t), RATE, VOLATILITY);
        return Check.arrays("call, put", cp, References.blackScholes(s, x, t, RATE, VOLATILITY), 1e-5, device.filterString());
    }
}
