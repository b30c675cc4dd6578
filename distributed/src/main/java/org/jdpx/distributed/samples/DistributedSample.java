package org.jdpx.distributed.samples;

import org.jdpx.device.Device;
import org.jdpx.distributed.DistContext;
import org.jdpx.samples.Sample;

/**
 * A seed program written over distributed arrays, run on a {@link DistContext} with its blocks on
 * the tour's device, and checked against the single-process jdpx program on the same data and
 * device (tolerances: float reassociation across blocks).
 */
abstract class DistributedSample implements Sample {
    final DistContext ctx;
    final int blocks;

    DistributedSample(DistContext ctx, int blocks) {
        this.ctx = ctx;
        this.blocks = blocks;
    }

    @Override
    public Style style() {
        return Style.ARRAY;
    }

    @Override
    public Result run(Device device) {
        return run(ctx.onDevice(device.filterString()), device);
    }

    /** The program on {@code on} (blocks on {@code device}), compared with the single-process program. */
    abstract Result run(DistContext on, Device device);
}
