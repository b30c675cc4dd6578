package org.jdpx.distributed.samples;

import org.jdpx.device.Device;
import org.jdpx.distributed.BlockFunction;
import org.jdpx.distributed.DistArray;
import org.jdpx.distributed.DistContext;
import org.jdpx.dpnp.RandomState;
import org.jdpx.samples.Check;
import org.jdpx.samples.JacobiArray;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * The Jacobi stencil over a grid split by rows: each sweep exchanges one halo row with each
 * neighbouring block and updates the block's interior with the single-process sample's shifted
 * views, so the result is bit for bit the single-process one.
 */
public final class DistJacobi extends DistributedSample {
    static final int N = 256, ITERATIONS = 20;

    /** Jacobi over {@code ctx} with the grid in {@code blocks} row blocks. */
    public DistJacobi(DistContext ctx, int blocks) {
        super(ctx, blocks);
    }

    /** {@code iterations} sweeps; the border of the grid stays fixed. */
    public static DistArray jacobi(DistArray grid, int iterations) {
        DistArray a = grid;
        for (int it = 0; it < iterations; it++) a = a.stencil(1, DistJacobi::sweep);
        return a;
    }

    /** One sweep of a block that arrives with up to one halo row above and below it. */
    public static UsmNdArray sweep(UsmNdArray a, BlockFunction.BlockInfo info) {
        long rows = info.layout().extent(info.index()), n = info.layout().shape()[0];
        int hb = info.haloBefore();
        UsmNdArray out = a.get(hb + ":" + (hb + rows)).copy().eval();
        long lo = Math.max(1, info.start()) - info.start(), hi = Math.min(n - 1, info.start() + rows) - info.start();
        if (lo < hi) {
            String mid = (hb + lo) + ":" + (hb + hi);
            out.set(lo + ":" + hi + ", 1:-1", a.get((hb + lo - 1) + ":" + (hb + hi - 1) + ", 1:-1")
                    .add(a.get((hb + lo + 1) + ":" + (hb + hi + 1) + ", 1:-1")).add(a.get(mid + ", :-2")).add(a.get(mid + ", 2:"))
                    .multiply(0.25));
        }
        return out;
    }

    @Override public String name() { return "jacobi stencil (distributed)"; }

    @Override
    Result run(DistContext on, Device device) {
        UsmNdArray grid = new RandomState(5, ArrayOptions.on(device)).random(new long[] {N, N}, null);
        UsmNdArray one = JacobiArray.jacobi(grid, ITERATIONS);
        UsmNdArray got = jacobi(on.fromLocal(grid, 0, blocks), ITERATIONS).toLocal();
        return Check.arrays("grid", got, one.toDoubleArray(), 1e-12, 1e-5);
    }
}
