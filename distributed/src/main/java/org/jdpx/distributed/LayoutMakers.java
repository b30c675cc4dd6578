package org.jdpx.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.dpnp.Dpnp;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Generating the blocks of layouts whose blocks are not one contiguous range of axis 0
 * (1D_Cyclic, 2D_Block, a split of another axis) on their executors: from the global row bands
 * each block touches, so generators keyed by the global position (arange, Philox counters) give
 * exactly what one process gives.
 */
final class LayoutMakers {

    private LayoutMakers() {
    }

    /** Rows {@code [lo, hi)} of axis 0 with every other axis whole, made on an executor. */
    interface Band extends Serializable {
        UsmNdArray make(long lo, long hi);
    }

    /** Block {@code i} of {@code l}: each of its axis-0 ranges made whole by {@code band}, then its part of the other axes kept. */
    static Block byRowBands(Layout l, int i, Band band) {
        long n = l.shape()[0];
        List<Regions.Piece> pieces = new ArrayList<>();
        String dtype = null;
        for (long[] r : l.ranges(i, 0)) {
            Block b = Block.of(1, band.make(r[0], r[1]).eval());
            dtype = b.dtype();
            Layout bands = Layout.sized(l.shape(), 0, r[0], r[1] - r[0], n - r[1]);
            for (var t : Regions.cut(b, bands, 1, l)) if (t._1() == i) pieces.add(t._2());
        }
        if (dtype == null) dtype = band.make(0, 0).dtype().numpyName();
        return Regions.assemble(pieces, l, i, DType.of(dtype));
    }

    /** {@code arange(n)} (int64) in a 1-d layout, block by block on the executors. */
    static DistArray arange(DistContext ctx, Layout l) {
        if (l.shape().length != 1) throw new IllegalArgumentException("arange: needs a 1-d layout, got " + l);
        String dev = ctx.device();
        return ctx.generated(l, DType.INT64, "arange in " + l.kind().label(), i -> {
            var q = Placement.queue(dev);
            List<UsmNdArray> parts = new ArrayList<>();
            for (long[] r : l.ranges(i, 0)) parts.add(Tensor.arange(r[0], r[1], 1, ArrayOptions.on(q)));
            if (parts.isEmpty()) return Tensor.empty(new long[] {0}, ArrayOptions.on(q).dtype(DType.INT64));
            return parts.size() == 1 ? parts.get(0) : Dpnp.concatenate(parts.toArray(UsmNdArray[]::new), 0);
        });
    }
}
