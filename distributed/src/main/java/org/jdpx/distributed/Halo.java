package org.jdpx.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.jdpx.device.Queue;
import org.jdpx.dpnp.Dpnp;
import org.jdpx.tensor.UsmNdArray;
import scala.Tuple2;

/**
 * Halo exchange for stencils along the split axis: each block sends the rows its neighbours need
 * (up to {@code halo} rows either side of each block, taken from however many blocks hold them,
 * so empty and short blocks work) through one shuffle of those rows only; the blocks themselves
 * stay in their partitions and are zipped with the halos that arrive.
 */
final class Halo {

    private Halo() {
    }

    /** Rows {@code [start, start + rows)} of the global array, on their way to block {@code target}'s halo. */
    record Piece(long start, Block rows) implements Serializable {
    }

    static DistArray stencil(DistArray x, int halo, BlockFunction f) {
        if (halo < 0) throw new IllegalArgumentException("stencil: halo must be >= 0, got " + halo);
        Layout l = x.layout();
        int axis = l.axis();
        String dev = x.context().device();
        int n = l.blocks();
        JavaRDD<Block> own = x.blocks();
        JavaRDD<Tuple2<Integer, Piece>> halos = own.flatMapToPair(blk -> {
            List<Tuple2<Integer, Piece>> out = new ArrayList<>();
            long s = l.start(blk.index()), e = s + l.extent(blk.index());
            for (int j = 0; j < n; j++) {
                if (j == blk.index()) continue;
                long js = l.start(j), je = js + l.extent(j);
                for (long[] want : new long[][] {{js - halo, js}, {je, je + halo}}) {
                    long lo = Math.max(s, want[0]), hi = Math.min(e, want[1]);
                    if (lo < hi) {
                        UsmNdArray rows = blk.toArray(Placement.queue(dev)).get(index(axis, blk.shape().length, lo - s, hi - s));
                        out.add(new Tuple2<>(j, new Piece(lo, Block.of(blk.index(), rows))));
                    }
                }
            }
            return out.iterator();
        }).partitionBy(new IndexPartitioner(n)).map(t -> t);
        JavaRDD<Block> out = own.zipPartitions(halos, (Iterator<Block> mine, Iterator<Tuple2<Integer, Piece>> in) -> {
            List<Block> result = new ArrayList<>();
            List<Piece> pieces = new ArrayList<>();
            in.forEachRemaining(t -> pieces.add(t._2()));
            pieces.sort(Comparator.comparingLong(Piece::start));
            Queue q = Placement.queue(dev);
            while (mine.hasNext()) {
                Block b = mine.next();
                long s = l.start(b.index());
                List<UsmNdArray> parts = new ArrayList<>();
                int before = 0, after = 0;
                for (Piece p : pieces) if (p.start() < s) { parts.add(p.rows().toArray(q)); before += (int) p.rows().shape()[axis]; }
                parts.add(b.toArray(q));
                for (Piece p : pieces) if (p.start() >= s) { parts.add(p.rows().toArray(q)); after += (int) p.rows().shape()[axis]; }
                UsmNdArray haloed = parts.size() == 1 ? parts.get(0) : Dpnp.concatenate(parts.toArray(UsmNdArray[]::new), axis);
                UsmNdArray r = f.apply(haloed, new BlockFunction.BlockInfo(b.index(), s, l, before, after));
                if (!Arrays.equals(r.shape(), b.shape())) {
                    throw new IllegalArgumentException("stencil: the function returned shape " + Arrays.toString(r.shape())
                            + " for block " + b.index() + " of shape " + Arrays.toString(b.shape()) + "; drop the halo rows");
                }
                result.add(Block.of(b.index(), r.eval()));
            }
            return result.iterator();
        }).cache();
        DistContext ctx = x.context();
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), l, x.dtype(), out);
        ctx.report().array(d.name(), l, "stencil over " + x.name() + " keeps its blocks");
        ctx.report().op("halo exchange of " + x.name() + " (" + halo + " rows)", true,
                "shuffle of the halo rows only; the blocks stay in their partitions");
        return d;
    }

    /** The index string selecting positions {@code [lo, hi)} of {@code axis} in an array of rank {@code rank}. */
    static String index(int axis, int rank, long lo, long hi) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < rank; a++) b.append(a == 0 ? "" : ", ").append(a == axis ? lo + ":" + hi : ":");
        return b.toString();
    }
}
