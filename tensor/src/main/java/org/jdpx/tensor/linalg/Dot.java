package org.jdpx.tensor.linalg;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.fusion.DotProduct;
import org.jdpx.usm.UsmMemory;

/**
 * The dot product of two float vectors, {@code sum_i a[aOff + i aStep] b[bOff + i bStep]}, as a
 * bandwidth-bound reduction of its own on every device (not a one-column GEMM, no array of
 * products): the vectors are read once, in parts split as the device's {@link DevicePlan} says,
 * each part summed in blocks, the parts' sums added in a fixed order. The java device runs Vector
 * API loops on its worker threads ({@link JavaDot}); OpenCL devices run {@link DotProduct}'s
 * kernels. The call is enqueued on {@code queue} like any kernel and returns before it is done;
 * the result is written to {@code out[outOff]}, which stays on the device.
 */
public final class Dot {

    private Dot() {
    }

    /**
     * Enqueues {@code out[outOff] = sum_{i < n} a[aOff + i aStep] b[bOff + i bStep]} in {@code t}
     * (float32 or float64). Offsets and steps are in elements; steps may be negative or 0.
     *
     * @throws IllegalArgumentException for another dtype, a negative {@code n}, or memory of
     *                                  another device than {@code queue}'s
     * @throws UnsupportedOperationException on an OpenCL device, when an index passes 2^31
     */
    public static void run(Queue queue, DType t, UsmMemory a, long aOff, long aStep, UsmMemory b, long bOff, long bStep,
                           long n, UsmMemory out, long outOff) {
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException("dot computes float32 or float64, not " + t + "; convert with astype");
        }
        if (n < 0) throw new IllegalArgumentException("dot of a negative count of elements: " + n);
        List<UsmMemory> mems = new ArrayList<>();
        for (UsmMemory mem : List.of(a, b, out)) {
            if (mem.device() != queue.device()) {
                throw new IllegalArgumentException("dot on " + queue.device().filterString() + " got memory of "
                        + mem.device().filterString() + "; copy it to the queue's device first");
            }
            if (!mems.contains(mem)) mems.add(mem);
        }
        if (!queue.device().backend().equals("java")) {
            DotProduct.run(queue, t, a, aOff, aStep, b, bOff, bStep, n, out, outOff);
            return;
        }
        int parts = JavaDot.parts(DevicePlan.of(queue.device()), n);
        boolean f64 = t == DType.FLOAT64;
        EventDriver ev = UsmMemory.withSegments(mems, "run a dot on", seg -> queue.spi().hostTask(() -> {
            double s = JavaDot.dot(f64, seg.get(mems.indexOf(a)), aOff, aStep, seg.get(mems.indexOf(b)), bOff, bStep, n, parts);
            ScalarGemmEngine.set(seg.get(mems.indexOf(out)), outOff, s, f64);
        }, List.of()));
        queue.wrap(ev, "dot " + n + " " + t, null);
    }
}
