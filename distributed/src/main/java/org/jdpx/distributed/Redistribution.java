package org.jdpx.distributed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.jdpx.device.Queue;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Changing an array's layout: {@link DistArray#redistribute} (one shuffle of the pieces each
 * block needs, cut and assembled as bytes by {@link Regions}), and the driver's split of a local
 * array into, and gather from, layouts other than 1D_Block.
 */
final class Redistribution {

    private Redistribution() {
    }

    /**
     * {@code x} in layout {@code to} (same shape): every block cut into the pieces of {@code to}'s
     * blocks, one shuffle, each new block assembled where it lands. Reported with {@code why}.
     *
     * @throws IllegalArgumentException when {@code to}'s shape is not {@code x}'s or {@code to} is REP
     */
    static DistArray redistribute(DistArray x, Layout to, String why) {
        Layout from = x.layout();
        if (!Arrays.equals(from.shape(), to.shape())) {
            throw new IllegalArgumentException("redistribute: the new layout's shape " + Arrays.toString(to.shape())
                    + " differs from the array's " + Arrays.toString(from.shape()));
        }
        if (to.kind() == Layout.Kind.REP) throw new IllegalArgumentException("redistribute: REP is not a distributed layout; use toLocal()");
        DistContext ctx = x.context();
        DType t = x.dtype();
        String dtypeName = t.numpyName();
        JavaRDD<Block> out = x.blocks()
                .flatMapToPair(b -> Regions.cut(b, from, b.index(), to).iterator())
                .partitionBy(new IndexPartitioner(to.blocks()))
                .mapPartitionsWithIndex((q, it) -> {
                    List<Regions.Piece> pieces = new ArrayList<>();
                    it.forEachRemaining(p -> pieces.add(p._2()));
                    return List.of(Regions.assemble(pieces, to, q, DType.of(dtypeName))).iterator();
                }, true).cache();
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), to, t, out);
        ctx.report().array(d.name(), to, why + ": redistributed from " + x.name() + " (" + from.describe() + ")");
        ctx.report().op("redistribute " + x.name() + " " + from.kind().label() + " -> " + to.kind().label(), true,
                "shuffle: each block cut into the pieces the " + to.blocks() + " new blocks hold");
        return d;
    }

    /** {@code a} cut into the blocks of {@code to} on the driver (bytes; no device work). */
    static List<Block> split(UsmNdArray a, Layout to) {
        Block whole = Block.of(0, a);
        Layout rep = Layout.replicated(a.shape());
        List<List<Regions.Piece>> per = new ArrayList<>();
        for (int q = 0; q < to.blocks(); q++) per.add(new ArrayList<>());
        for (var t : Regions.cut(whole, rep, 0, to)) per.get(t._1()).add(t._2());
        List<Block> blocks = new ArrayList<>();
        for (int q = 0; q < to.blocks(); q++) blocks.add(Regions.assemble(per.get(q), to, q, a.dtype()));
        return blocks;
    }

    /** The whole array of {@code from}'s {@code blocks} in global order, on {@code queue}. */
    static UsmNdArray gather(List<Block> blocks, Layout from, DType dtype, Queue queue) {
        Layout rep = Layout.replicated(from.shape());
        List<Regions.Piece> pieces = new ArrayList<>();
        for (Block b : blocks) for (var t : Regions.cut(b, from, b.index(), rep)) pieces.add(t._2());
        return Regions.assemble(pieces, rep, 0, dtype).toArray(queue);
    }

    /** A message for an operation that needs 1D_Block: names the layout and the fix. */
    static IllegalArgumentException needsBlock(String op, DistArray x) {
        return new IllegalArgumentException(op + " needs a 1D_Block layout, but " + x.name() + " is " + x.layout().describe()
                + "; call x.redistribute(Layout.block(x.shape(), axis, blocks)) first (a shuffle)");
    }

    static boolean isBlock(Layout l) {
        return l.kind() == Layout.Kind.BLOCK_1D;
    }
}
