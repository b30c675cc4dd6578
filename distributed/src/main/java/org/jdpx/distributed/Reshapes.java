package org.jdpx.distributed;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;

/**
 * Slicing along the split axis and reshapes that keep every block contiguous: pure per-block
 * maps, no data moves between executors; the report says so. Anything else throws, naming what
 * would have to move.
 */
final class Reshapes {

    private Reshapes() {
    }

    static DistArray slice(DistArray x, long start, long stop) {
        Layout l = x.layout();
        long n = l.shape()[l.axis()];
        long lo = Math.clamp(start < 0 ? start + n : start, 0, n), hi = Math.clamp(stop < 0 ? stop + n : stop, lo, n);
        long[] sizes = new long[l.blocks()];
        for (int i = 0; i < sizes.length; i++) {
            long s = Math.max(lo, l.start(i)), e = Math.min(hi, l.start(i) + l.extent(i));
            sizes[i] = Math.max(0, e - s);
        }
        long[] shape = l.shape();
        shape[l.axis()] = hi - lo;
        Layout out = Layout.sized(shape, l.axis(), sizes);
        String dev = x.context().device();
        int axis = l.axis();
        JavaRDD<Block> rdd = x.blocks().map(b -> {
            long s = l.start(b.index());
            long a = Math.clamp(lo - s, 0, l.extent(b.index())), e = Math.clamp(hi - s, a, l.extent(b.index()));
            return Block.of(b.index(), b.toArray(Placement.queue(dev)).get(Halo.index(axis, b.shape().length, a, e)));
        }).cache();
        return record(x, rdd, out, "slice " + lo + ":" + hi + " along the split axis");
    }

    static DistArray reshape(DistArray x, long[] newShape) {
        Layout l = x.layout();
        long size = 1, newSize = 1;
        for (long s : l.shape()) size *= s;
        for (long s : newShape) newSize *= s;
        if (newShape.length == 0 || size != newSize) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(l.shape()) + " into " + Arrays.toString(newShape));
        }
        if (l.axis() != 0) {
            throw new IllegalArgumentException("reshape: only arrays split along axis 0 keep their blocks when reshaped; got " + l);
        }
        long row = l.sliceSize(), newRow = size / Math.max(1, newShape[0]);
        long[] sizes = new long[l.blocks()];
        for (int i = 0; i < sizes.length; i++) {
            long elems = l.extent(i) * row;
            if (newRow == 0 || elems % newRow != 0) {
                throw new IllegalArgumentException("reshape: block " + i + " of " + elems + " elements does not hold whole rows of "
                        + newRow + " elements of " + Arrays.toString(newShape) + "; redistribute first (fromLocal with another layout)");
            }
            sizes[i] = elems / newRow;
        }
        Layout out = Layout.sized(newShape, 0, sizes);
        JavaRDD<Block> rdd = x.blocks().map(b -> new Block(b.index(), b.dtype(), out.blockShape(b.index()), b.data())).cache();
        return record(x, rdd, out, "reshape to " + Arrays.toString(newShape));
    }

    private static DistArray record(DistArray x, JavaRDD<Block> rdd, Layout out, String what) {
        DistContext ctx = x.context();
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), out, x.dtype(), rdd);
        ctx.report().array(d.name(), out, what + " of " + x.name() + " keeps its blocks in place");
        ctx.report().op(what + " of " + x.name(), false, "a map per block");
        return d;
    }
}
