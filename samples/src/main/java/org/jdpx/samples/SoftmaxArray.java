package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Softmax in array style, as the ParallelAccelerator slide writes it: the max in one pass, then
 * the shifted {@code exp} fused with its sum, then one scaling pass.
 */
public final class SoftmaxArray implements Sample {
    static final int N = 1 << 18;

    /** {@code exp(a - max a) / Σ exp(a - max a)}, on the device of {@code a}. */
    public static UsmNdArray softmax(UsmNdArray a) {
        UsmNdArray e = Tensor.exp(a.subtract(a.max()));
        return e.multiply(Tensor.divide(1.0, e.sum()));
    }

    @Override public String name() { return "softmax"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        double[] a = References.uniform(N, -10, 10, 3);
        UsmNdArray s = softmax(Tensor.asarray(a, null, ArrayOptions.on(device)));
        return Check.arrays("softmax", s, References.softmax(a), 1e-12, 1e-5);
    }
}
