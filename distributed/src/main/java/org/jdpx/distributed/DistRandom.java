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
        return random(Layout.block(shape, 0, blocks), dtype);
    }

    /**
     * Uniform floats in [0, 1) in any layout (1D_Block, 1D_Cyclic, 2D_Block): the same numbers
     * as one process draws. A block not split along axis 0 alone draws the whole rows it touches
     * and keeps its columns (2D_Block draws {@code pc} times the numbers it keeps).
     */
    public DistArray random(Layout layout, DType dtype) {
        return draw(layout, "random", dtype, (r, s) -> r.random(s, dtype));
    }

    /** Uniform floats in [low, high). */
    public DistArray uniform(double low, double high, long[] shape, int blocks) {
        return uniform(low, high, Layout.block(shape, 0, blocks));
    }

    /** Uniform floats in [low, high) in any layout (as {@link #random(Layout, DType)}). */
    public DistArray uniform(double low, double high, Layout layout) {
        return draw(layout, "uniform", null, (r, s) -> r.uniform(low, high, s));
    }

    /** Normal floats. */
    public DistArray normal(double loc, double scale, long[] shape, int blocks) {
        return normal(loc, scale, Layout.block(shape, 0, blocks));
    }

    /** Normal floats in any layout (as {@link #random(Layout, DType)}). */
    public DistArray normal(double loc, double scale, Layout layout) {
        return draw(layout, "normal", null, (r, s) -> r.normal(loc, scale, s));
    }

    /** int64 integers in [low, high). */
    public DistArray integers(long low, long high, long[] shape, int blocks) {
        return integers(low, high, Layout.block(shape, 0, blocks));
    }

    /** int64 integers in [low, high) in any layout (as {@link #random(Layout, DType)}). */
    public DistArray integers(long low, long high, Layout layout) {
        return draw(layout, "integers", DType.INT64, (r, s) -> r.integers(low, high, s));
    }

    interface Draw extends java.io.Serializable {
        UsmNdArray draw(RandomState positioned, long[] blockShape);
    }

    private DistArray draw(Layout l, String what, DType dtype, Draw d) {
        int c = call++;
        long s = seed;
        String dev = ctx.device();
        DType t = d.draw(new RandomState(s, ArrayOptions.on(ctx.driverQueue())), new long[] {0}).dtype();
        if (l.kind() != Layout.Kind.BLOCK_1D || l.axis() != 0) {
            return ctx.generated(l, t, what + " (Philox call " + c + ", counters offset per row band)",
                    i -> LayoutMakers.byRowBands(l, i, (lo, hi) -> {
                        long[] band = l.shape();
                        band[0] = hi - lo;
                        RandomState r = new RandomState(s, ArrayOptions.on(Placement.queue(dev)));
                        return d.draw(r.positioned(c, lo * (Regions.product(l.shape()) / Math.max(1, l.shape()[0]))), band);
                    }).toArray(Placement.queue(dev)));
        }
        return ctx.generated(l, t, what + " (Philox call " + c + ", counters offset per block)", i -> {
            RandomState r = new RandomState(s, ArrayOptions.on(Placement.queue(dev)));
            return d.draw(r.positioned(c, l.start(i) * l.sliceSize()), l.blockShape(i));
        });
    }
}
