package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * pi in array style: the midpoints {@code x} of {@code steps} intervals, then
 * {@code sum(4 / (1 + x²)) / steps}. The elementwise chain and the sum become one kernel on the
 * device the array was created on.
 */
public final class PiArray implements Sample {
    static final int STEPS = 1 << 20;

    /** pi by the midpoint rule, computed on {@code device}; the result is a 0-d array there. */
    public static UsmNdArray pi(Device device, int steps) {
        UsmNdArray x = Tensor.arange(0.5, steps, 1, ArrayOptions.on(device)).divide(steps);
        return Tensor.divide(4.0, x.multiply(x).add(1.0)).sum().divide(steps);
    }

    @Override public String name() { return "pi"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        return Check.scalar("pi", pi(device, STEPS), References.pi(STEPS), 1e-12, 1e-5);
    }
}
