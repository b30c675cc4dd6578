package org.jdpx.distributed.samples;

import org.jdpx.device.Device;
import org.jdpx.distributed.DistArray;
import org.jdpx.distributed.DistContext;
import org.jdpx.dpnp.RandomState;
import org.jdpx.samples.Check;
import org.jdpx.samples.L2Array;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/** Squared L2 distance of two distributed random vectors; the same seeds give the single process the same vectors. */
public final class DistL2 extends DistributedSample {
    static final int N = 1 << 20;

    /** l2 distance over {@code ctx} with the vectors in {@code blocks} blocks. */
    public DistL2(DistContext ctx, int blocks) {
        super(ctx, blocks);
    }

    /** {@code Σ (a - b)²}: one kernel per block (difference, square and partial sum), tree-summed. */
    public static UsmNdArray l2Distance(DistArray a, DistArray b) {
        return a.subtract(b).square().sum();
    }

    @Override public String name() { return "l2 distance (distributed)"; }

    @Override
    Result run(DistContext on, Device device) {
        var r = on.random(1);
        UsmNdArray d = l2Distance(r.random(new long[] {N}, null, blocks), r.random(new long[] {N}, null, blocks));
        RandomState one = new RandomState(1, ArrayOptions.on(device));
        UsmNdArray ref = L2Array.l2Distance(one.random(new long[] {N}, null), one.random(new long[] {N}, null));
        return Check.scalar("distance²", d, ref.item(), 1e-12, 1e-5);
    }
}
