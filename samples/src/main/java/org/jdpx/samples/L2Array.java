package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** Squared L2 distance in array style, {@code sum((a - b)²)}: one fused kernel on the arrays' device. */
public final class L2Array implements Sample {
    static final int N = 1 << 20;

    /** {@code Σ (a - b)²} as a 0-d array on the device of {@code a} and {@code b}. */
    public static UsmNdArray l2Distance(UsmNdArray a, UsmNdArray b) {
        return Tensor.square(a.subtract(b)).sum();
    }

    @Override public String name() { return "l2 distance"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        double[] a = References.uniform(N, 0, 1, 1), b = References.uniform(N, 0, 1, 2);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray d = l2Distance(Tensor.asarray(a, null, on), Tensor.asarray(b, null, on));
        return Check.scalar("distance²", d, References.l2Distance(a, b), 1e-12, 1e-5);
    }
}
