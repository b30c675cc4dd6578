package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Black-Scholes option pricing in array style: the NumPy formulation, every step a whole-array
 * operation, fused by jdpx into a few kernels on the arrays' device.
 */
public final class BlackScholesArray implements Sample {
    static final int N = 1 << 16;
    static final double RATE = 0.02, VOLATILITY = 0.30;

    /** Call and put prices for each option (price, strike, years to expiry), on their device. */
    public static UsmNdArray[] price(UsmNdArray s, UsmNdArray x, UsmNdArray t, double r, double v) {
        UsmNdArray sqrtT = Tensor.sqrt(t);
        UsmNdArray d1 = Tensor.log(s.divide(x)).add(t.multiply(r + 0.5 * v * v)).divide(sqrtT.multiply(v));
        UsmNdArray d2 = d1.subtract(sqrtT.multiply(v));
        UsmNdArray discounted = x.multiply(Tensor.exp(t.multiply(-r)));
        UsmNdArray c1 = normalCdf(d1), c2 = normalCdf(d2);
        UsmNdArray call = s.multiply(c1).subtract(discounted.multiply(c2));
        UsmNdArray put = discounted.multiply(Tensor.subtract(1.0, c2)).subtract(s.multiply(Tensor.subtract(1.0, c1)));
        return new UsmNdArray[] {call.eval(), put.eval()};
    }

    /** The normal distribution function, Abramowitz–Stegun 26.2.17, elementwise. */
    static UsmNdArray normalCdf(UsmNdArray d) {
        UsmNdArray k = Tensor.divide(1.0, Tensor.abs(d).multiply(0.2316419).add(1.0));
        UsmNdArray poly = k.multiply(k.multiply(k.multiply(k.multiply(k.multiply(1.330274429).add(-1.821255978))
                .add(1.781477937)).add(-0.356563782)).add(0.31938153));
        UsmNdArray w = Tensor.subtract(1.0, Tensor.exp(d.multiply(d).multiply(-0.5)).multiply(poly).multiply(0.3989422804014327));
        return Tensor.where(d.lt(0), Tensor.subtract(1.0, w), w);
    }

    @Override public String name() { return "black-scholes"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        double[] s = References.uniform(N, 10, 50, 6), x = References.uniform(N, 10, 50, 7), t = References.uniform(N, 1, 2, 8);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray[] cp = price(Tensor.asarray(s, null, on), Tensor.asarray(x, null, on), Tensor.asarray(t, null, on),
                RATE, VOLATILITY);
        return Check.arrays("call, put", cp, References.blackScholes(s, x, t, RATE, VOLATILITY), 1e-12, 1e-5);
    }
}
