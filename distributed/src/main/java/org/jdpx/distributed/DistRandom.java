package org.jdpx.distributed;

import org.jdpx.dpnp.RandomState;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * A seeded Philox stream whose draws are distributed arrays: each call has the call number a
 * single-process {@link RandomState} of the same seed would use, and block {@code i} starts at
 * its first element's counter, so the distributed array equals the one process's array
 * (bit for bit for uniforms and integers, up to the device's log/cos for normals).
 * Each block is drawn on its executor's device.
 */
public final class DistRandom {
    private final DistContext ctx;
    private final long seed;
    private int call;

    DistRandom(DistContext ctx, long seed) {
        this.ctx = ctx;
        this.seed = seed;
    }

    /** Uniform floats in [0, 1) of {@code shape} and {@code dtype} (null: the device's default float), split along axis 0. */
    public DistArray random(long[] shape, DType dtype, int blocks) {
        return draw(shape, blocks, "random", dtype, (r, s) -> r.random(s, dtype));
    }

    /** Uniform floats in [low, high). */
    public DistArray uniform(double low, double high, long[] shape, int blocks) {
        return draw(shape, blocks, "uniform", null, (r, s) -> r.uniform(low, high, s));
    }

    /** Normal floats. */
    public DistArray normal(double loc, double scale, long[] shape, int blocks) {
        return draw(shape, blocks, "normal", null, (r, s) -> r.normal(loc, scale, s));
    }

    /** int64 integers in [low, high). */
    public DistArray integers(long low, long high, long[] shape, int blocks) {
        return draw(shape, blocks, "integers", DType.INT64, (r, s) -> r.integers(low, high, s));
    }

    interface Draw extends java.io.Serializable {
        UsmNdArray draw(RandomState positioned, long[] blockShape);
    }

    private DistArray draw(long[] shape, int blocks, String what, DType dtype, Draw d) {
        Layout l = Layout.block(shape, 0, blocks);
        int c = call++;
        long s = seed;
        String dev = ctx.device();
        DType t = d.draw(new RandomState(s, ArrayOptions.on(ctx.driverQueue())), new long[] {0}).dtype();
        return ctx.generated(l, t, what + " (Philox call " + c + ", counters offset per block)", i -> {
            RandomState r = new RandomState(s, ArrayOptions.on(Placement.queue(dev)));
            return d.draw(r.positioned(c, l.start(i) * l.sliceSize()), l.blockShape(i));
        });
    }
}
