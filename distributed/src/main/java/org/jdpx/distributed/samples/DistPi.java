package org.jdpx.distributed.samples;

import org.jdpx.device.Device;
import org.jdpx.distributed.DistArray;
import org.jdpx.distributed.DistContext;
import org.jdpx.samples.Check;
import org.jdpx.samples.PiArray;
import org.jdpx.tensor.UsmNdArray;

/** pi by the midpoint rule over a distributed range: each block's terms and partial sum one kernel, tree-summed. */
public final class DistPi extends DistributedSample {
    static final int STEPS = 1 << 20;

    /** pi over {@code ctx} with the range in {@code blocks} blocks. */
    public DistPi(DistContext ctx, int blocks) {
        super(ctx, blocks);
    }

    /** {@code sum(4 / (1 + x²)) / steps} with {@code x = (i + 0.5) / steps}, a replicated 0-d array. */
    public static UsmNdArray pi(DistContext ctx, int steps, int blocks) {
        DistArray x = ctx.arange(steps, blocks).add(0.5).divide(steps);
        return x.multiply(x).add(1.0).rdivide(4.0).sum().divide(steps);
    }

    @Override public String name() { return "pi (distributed)"; }

    @Override
    Result run(DistContext on, Device device) {
        UsmNdArray one = PiArray.pi(device, STEPS);
        return Check.scalar("pi", pi(on, STEPS, blocks), one.item(), 1e-12, 1e-5);
    }
}
