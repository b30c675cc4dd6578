package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.usm.UsmMemory;

/**
 * pi in kernel style with a work-group reduction: each work-item sums its run of midpoints,
 * the group adds its items' sums in local memory (a tree, with a barrier between levels), and
 * one item per group writes the group's sum. The host adds the few group sums. float32, so it
 * runs on devices without fp64.
 */
public final class PiKernel implements Sample {
    static final int GROUP = 64;
    static final int STEPS_PER_ITEM = 256;
    static final int GROUPS = 64; // 64 · 64 · 256 = 2^20 steps

    @Kernel
    public static void groupSums(KernelContext ctx, int stepsPerItem, float step, FloatArray groupSums) {
        float[] sums = ctx.localFloats(GROUP);
        int lid = ctx.localId(0);
        int first = ctx.globalId(0) * stepsPerItem;
        float s = 0f;
        for (int i = first; i < first + stepsPerItem; i++) {
            float x = (i + 0.5f) * step;
            s += 4f / (1f + x * x);
        }
        sums[lid] = s;
        ctx.localBarrier();
        for (int half = GROUP / 2; half > 0; half >>= 1) {
            if (lid < half) sums[lid] += sums[lid + half];
            ctx.localBarrier();
        }
        if (lid == 0) groupSums.set(ctx.groupId(0), sums[0]);
    }

    /** pi from {@code groups · 64 · 256} midpoints on {@code device}. */
    public static double pi(Device device, int groups) {
        int steps = groups * GROUP * STEPS_PER_ITEM;
        float step = 1f / steps;
        try (UsmMemory partial = UsmMemory.allocateDevice(device, 4L * groups)) {
            Kernels.launch(PiKernel::groupSums, NdRange.of(groups * GROUP, GROUP), STEPS_PER_ITEM, step,
                    FloatArray.on(partial));
            float[] sums = new float[groups];
            partial.copyToHost(sums);
            double total = 0;
            for (float s : sums) total += s;
            return total * step;
        }
    }

    @Override public String name() { return "pi"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        return Check.scalar("pi", pi(device, GROUPS), References.pi(GROUPS * GROUP * STEPS_PER_ITEM), 1e-5,
                device.filterString(), "float32");
    }
}
