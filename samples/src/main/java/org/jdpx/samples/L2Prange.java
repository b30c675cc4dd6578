package org.jdpx.samples;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Parallel;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.usm.UsmMemory;

/**
 * Squared L2 distance in prange style, as numba-dpex shows it: a {@code @Parallel} loop with a
 * sum reduction over two vectors in USM memory. The loop runs on the device that memory lives
 * on (compute follows data).
 */
public final class L2Prange implements Sample {
    static final int N = 1 << 16;

    /** {@code Σ (a[i] - b[i])²}, in double. */
    public static double l2Distance(DoubleArray a, DoubleArray b) {
        double s = 0;
        for (@Parallel int i = 0; i < a.length(); i++) {
            double d = a.get(i) - b.get(i);
            s += d * d;
        }
        return s;
    }

    /** The same in float, for devices without fp64. */
    public static float l2DistanceFloat(FloatArray a, FloatArray b) {
        float s = 0f;
        for (@Parallel int i = 0; i < a.length(); i++) {
            float d = a.get(i) - b.get(i);
            s += d * d;
        }
        return s;
    }

    @Override public String name() { return "l2 distance"; }
    @Override public Style style() { return Style.PRANGE; }

    @Override
    public Result run(Device device) {
        double[] a = References.uniform(N, 0, 1, 1), b = References.uniform(N, 0, 1, 2);
        double ref = References.l2Distance(a, b);
        boolean fp64 = device.hasAspect(Aspect.FP64);
        try (UsmMemory am = UsmMemory.allocateDevice(device, (fp64 ? 8L : 4L) * N);
             UsmMemory bm = UsmMemory.allocateDevice(device, (fp64 ? 8L : 4L) * N)) {
            if (fp64) {
                am.copyFromHost(a);
                bm.copyFromHost(b);
                double d = Prange.compile(L2Prange::l2Distance).apply(DoubleArray.on(am), DoubleArray.on(bm));
                return Check.scalar("distance²", d, ref, 1e-12, am.device().filterString(), "float64");
            }
            am.copyFromHost(References.toFloats(a));
            bm.copyFromHost(References.toFloats(b));
            float d = Prange.compile(L2Prange::l2DistanceFloat).apply(FloatArray.on(am), FloatArray.on(bm));
            // float partials over chunks of the range: about sqrt(chunk)·eps relative error
            return Check.scalar("distance²", d, ref, 1e-4, am.device().filterString(), "float32");
        }
    }
}
