package org.jdpx.distributed.samples;

import org.jdpx.device.Device;
import org.jdpx.distributed.DistArray;
import org.jdpx.distributed.DistContext;
import org.jdpx.samples.BlackScholesArray;
import org.jdpx.samples.Check;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.ElementOp;

/** Black-Scholes over distributed option data: the whole pricing formula one fused kernel per block for calls and one for puts. */
public final class DistBlackScholes extends DistributedSample {
    static final int N = 1 << 16;
    static final double RATE = 0.02, VOLATILITY = 0.30;

    /** Black-Scholes over {@code ctx} with the options in {@code blocks} blocks. */
    public DistBlackScholes(DistContext ctx, int blocks) {
        super(ctx, blocks);
    }

    /** Call and put prices for each option (price, strike, years to expiry), evaluated. */
    public static DistArray[] price(DistArray s, DistArray x, DistArray t, double r, double v) {
        DistArray sqrtT = t.sqrt();
        DistArray d1 = s.divide(x).apply(ElementOp.LOG).add(t.multiply(r + 0.5 * v * v)).divide(sqrtT.multiply(v));
        DistArray d2 = d1.subtract(sqrtT.multiply(v));
        DistArray discounted = x.multiply(t.multiply(-r).exp());
        DistArray c1 = normalCdf(d1), c2 = normalCdf(d2);
        DistArray call = s.multiply(c1).subtract(discounted.multiply(c2));
        DistArray put = discounted.multiply(c2.rsubtract(1.0)).subtract(s.multiply(c1.rsubtract(1.0)));
        return new DistArray[] {call.eval(), put.eval()};
    }

    /** Abramowitz–Stegun 26.2.17 in the same operation order as the single-process sample. */
    static DistArray normalCdf(DistArray d) {
        DistArray k = d.apply(ElementOp.ABS).multiply(0.2316419).add(1.0).rdivide(1.0);
        DistArray poly = k.multiply(k.multiply(k.multiply(k.multiply(k.multiply(1.330274429).add(-1.821255978))
                .add(1.781477937)).add(-0.356563782)).add(0.31938153));
        DistArray w = d.multiply(d).multiply(-0.5).exp().multiply(poly).multiply(0.3989422804014327).rsubtract(1.0);
        return DistArray.elementwise(ElementOp.WHERE, d.apply(ElementOp.LESS, 0), w.rsubtract(1.0), w);
    }

    @Override public String name() { return "black-scholes (distributed)"; }

    @Override
    Result run(DistContext on, Device device) {
        var r = on.random(6);
        DistArray s = r.uniform(10, 50, new long[] {N}, blocks), x = r.uniform(10, 50, new long[] {N}, blocks),
                t = r.uniform(1, 2, new long[] {N}, blocks);
        DistArray[] cp = price(s, x, t, RATE, VOLATILITY);
        UsmNdArray[] one = BlackScholesArray.price(s.toLocal(), x.toLocal(), t.toLocal(), RATE, VOLATILITY);
        UsmNdArray[] got = {cp[0].toLocal(), cp[1].toLocal()};
        double[] ref = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(one[0].toDoubleArray()),
                java.util.Arrays.stream(one[1].toDoubleArray())).toArray();
        return Check.arrays("call, put", got, ref, 1e-12, 1e-5);
    }
}
