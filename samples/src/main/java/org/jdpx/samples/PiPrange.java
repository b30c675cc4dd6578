package org.jdpx.samples;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.kernels.Parallel;
import org.jdpx.kernels.prange.Prange;

/**
 * pi in prange style, the ParallelAccelerator loop: an ordinary method whose loop is marked
 * {@code @Parallel}; {@link Prange#compile} turns its body into a kernel and infers the sum
 * reduction. Called directly, the same method is serial Java.
 */
public final class PiPrange implements Sample {
    static final int STEPS = 1 << 20;
    static final int BLOCK = 256;

    /** pi by the midpoint rule, in double, as the seed writes it. */
    public static double pi(int steps) {
        double step = 1.0 / steps, sum = 0;
        for (@Parallel int i = 0; i < steps; i++) {
            double x = (i + 0.5) * step;
            sum += 4.0 / (1.0 + x * x);
        }
        return step * sum;
    }

    /**
     * The same in float for devices without fp64: each iteration sums a block of 256 midpoints
     * serially, so the float sums stay short enough to keep about six digits.
     */
    public static float piFloat(int blocks) {
        float step = 1f / (blocks * BLOCK), sum = 0f;
        for (@Parallel int b = 0; b < blocks; b++) {
            float block = 0f;
            for (int i = b * BLOCK; i < (b + 1) * BLOCK; i++) {
                float x = (i + 0.5f) * step;
                block += 4f / (1f + x * x);
            }
            sum += block;
        }
        return step * sum;
    }

    @Override public String name() { return "pi"; }
    @Override public Style style() { return Style.PRANGE; }

    @Override
    public Result run(Device device) {
        double ref = References.pi(STEPS);
        if (device.hasAspect(Aspect.FP64)) {
            double pi = Prange.compile(PiPrange::pi, device).apply(STEPS);
            return Check.scalar("pi", pi, ref, 1e-12, device.filterString(), "float64");
        }
        float pi = Prange.compile(PiPrange::piFloat, device).apply(STEPS / BLOCK);
        return Check.scalar("pi", pi, ref, 1e-5, device.filterString(), "float32");
    }
}
