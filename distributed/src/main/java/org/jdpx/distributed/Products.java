package org.jdpx.distributed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.jdpx.device.Queue;
import org.jdpx.dpnp.Dpnp;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import scala.Tuple2;

/**
 * Matrix products of distributed arrays: with a replicated operand (broadcast, no shuffle),
 * contracted along the split axis (partial products tree-reduced into a replicated result), and
 * of two row-split matrices (the right one regrouped into column blocks by a shuffle, every row
 * block times every column block, the products regrouped by row block by a second shuffle).
 * Every block product is a jdpx matmul on the executor's device.
 */
final class Products {

    private Products() {
    }

    static DistArray withReplicated(DistArray x, UsmNdArray rep) {
        Layout l = x.layout();
        if (l.kind() == Layout.Kind.BLOCK_2D) {
            throw new IllegalArgumentException("matmul: a 2D_Block matrix times a replicated operand needs whole rows per block; "
                    + "redistribute to Layout.block(shape, 0, blocks) or distribute the operand as 2D_Block too");
        }
        if (l.axis() != 0 || x.shape().length != 2 || rep.ndim() < 1 || rep.ndim() > 2 || rep.shape()[0] != x.shape()[1]) {
            throw new IllegalArgumentException("matmul: needs a row-split matrix of shape (n, k) and a replicated (k,) or (k, m) operand, got "
                    + l + " and " + Arrays.toString(rep.shape()));
        }
        DistContext ctx = x.context();
        Broadcast<Block> b = ctx.spark().broadcast(Block.of(0, rep));
        ctx.report().array("rep" + Arrays.toString(rep.shape()), Layout.replicated(rep.shape()),
                "a local operand of matmul: broadcast whole to every executor");
        BlockStages.Source src = x.source();
        JavaRDD<Block> out = BlockStages.run(src, ctx.device(), (blk, i, q) -> Tensor.matmul(blk, b.value().toArray(q))).cache();
        long[] shape = rep.ndim() == 1 ? new long[] {x.shape()[0]} : new long[] {x.shape()[0], rep.shape()[1]};
        UsmNdArray probe = Tensor.matmul(Tensor.empty(new long[] {0, x.shape()[1]}, ArrayOptions.on(ctx.driverQueue()).dtype(x.dtype())), rep);
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), l.withShape(shape, 0), probe.dtype(), out);
        ctx.report().array(d.name(), d.layout(), "matmul of " + src.describe() + " (" + l.kind().label()
                + " by rows) with a REP operand keeps the row blocks");
        ctx.report().op("matmul " + src.describe() + " @ rep" + Arrays.toString(rep.shape()), false,
                "the REP operand broadcast once to every executor");
        return d;
    }

    static UsmNdArray contracted(DistArray a, DistArray b) {
        Layout la = a.layout(), lb = b.layout();
        if (la.axis() != a.shape().length - 1 || lb.axis() != 0 || !la.sameBlocks(lb) || la.kind() == Layout.Kind.BLOCK_2D) {
            throw new IllegalArgumentException("matmulToLocal: the left operand must be split along its last axis and the right "
                    + "along its first at the same offsets, got " + la + " and " + lb);
        }
        BlockStages.Source sa = a.source(), sb = b.source();
        List<DistArray> ins = new ArrayList<>(sa.inputs());
        ins.addAll(sb.inputs());
        Expr ea = sa.expr(), eb = sb.expr().shift(sa.inputs().size());
        String dev = a.context().device();
        JavaRDD<Block> partials = BlockStages.zip(ins).map(blocks -> {
            Queue q = Placement.queue(dev);
            List<UsmNdArray> arrays = new ArrayList<>();
            for (Block blk : blocks) arrays.add(blk.toArray(q));
            return Block.of(blocks.get(0).index(), Tensor.matmul(ea.evaluate(arrays, q), eb.evaluate(arrays, q)).eval());
        });
        Block r = TaskErrors.action(() -> partials.treeReduce(Reductions.combiner(dev, 0)));
        a.context().report().array("matmul(" + sa.describe() + ", " + sb.describe() + ")", Layout.replicated(r.shape()),
                "a product along the split axis: partial products tree-combined into one copy on the driver");
        a.context().report().op("matmul " + sa.describe() + " @ " + sb.describe() + " along the split axis", false,
                "partial products per block, combined with treeReduce; result REP on the driver");
        return r.toArray(a.context().driverQueue());
    }

    static DistArray distributed(DistArray a, DistArray b) {
        Layout la = a.layout(), lb = b.layout();
        if (a.shape().length != 2 || b.shape().length != 2 || la.axis() != 0 || lb.axis() != 0 || a.shape()[1] != b.shape()[0]) {
            throw new IllegalArgumentException("matmul: needs two row-split matrices (n, k) @ (k, m), got " + la + " and " + lb
                    + "; a product along the split axis (1-d @ matrix) has a replicated result: use matmulToLocal");
        }
        if (!Redistribution.isBlock(la)) throw Redistribution.needsBlock("matmul of two distributed matrices", a);
        if (!Redistribution.isBlock(lb)) throw Redistribution.needsBlock("matmul of two distributed matrices", b);
        DistContext ctx = a.context();
        String dev = ctx.device();
        int cols = Math.max(1, lb.blocks());
        Layout colLayout = Layout.block(b.shape(), 1, cols);
        // shuffle 1: every row block of b sends its piece of each column block there
        JavaPairRDD<Integer, Block> pieces = b.blocks().flatMapToPair(blk -> {
            List<Tuple2<Integer, Block>> out = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                long c0 = colLayout.start(j), c1 = c0 + colLayout.extent(j);
                UsmNdArray part = blk.toArray(Placement.queue(dev)).get(":, " + c0 + ":" + c1);
                out.add(new Tuple2<>(j, Block.of(blk.index(), part)));
            }
            return out.iterator();
        }).partitionBy(new IndexPartitioner(cols));
        JavaRDD<Block> colBlocks = pieces.mapPartitions(it -> {
            List<Tuple2<Integer, Block>> l = new ArrayList<>();
            it.forEachRemaining(l::add);
            if (l.isEmpty()) return List.<Block>of().iterator();
            l.sort(Comparator.comparingInt(t -> t._2().index()));
            Queue q = Placement.queue(dev);
            UsmNdArray[] parts = l.stream().map(t -> t._2().toArray(q)).toArray(UsmNdArray[]::new);
            return List.of(Block.of(l.get(0)._1(), Dpnp.concatenate(parts, 0))).iterator();
        });
        // every row block times every column block, then shuffle 2: products regrouped by row block
        int rows = la.blocks();
        JavaPairRDD<Integer, Block> products = a.blocks().cartesian(colBlocks).mapToPair(p -> {
            Queue q = Placement.queue(dev);
            UsmNdArray c = Tensor.matmul(p._1().toArray(q), p._2().toArray(q));
            return new Tuple2<>(p._1().index(), Block.of(p._2().index(), c.eval()));
        }).partitionBy(new IndexPartitioner(rows));
        JavaRDD<Block> out = products.mapPartitionsWithIndex((i, it) -> {
            List<Tuple2<Integer, Block>> l = new ArrayList<>();
            it.forEachRemaining(l::add);
            l.sort(Comparator.comparingInt(t -> t._2().index()));
            Queue q = Placement.queue(dev);
            UsmNdArray[] parts = l.stream().map(t -> t._2().toArray(q)).toArray(UsmNdArray[]::new);
            return List.of(Block.of(i, parts.length == 1 ? parts[0] : Dpnp.concatenate(parts, 1))).iterator();
        }, true).cache();
        long[] shape = {a.shape()[0], b.shape()[1]};
        UsmNdArray probe = Tensor.matmul(Tensor.empty(new long[] {0, a.shape()[1]}, ArrayOptions.on(ctx.driverQueue()).dtype(a.dtype())),
                Tensor.empty(new long[] {b.shape()[0], 0}, ArrayOptions.on(ctx.driverQueue()).dtype(b.dtype())));
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), la.withShape(shape, 0), probe.dtype(), out);
        ctx.report().array(d.name(), d.layout(), "matmul of " + a.name() + " and " + b.name() + " (both 1D_Block by rows) keeps "
                + a.name() + "'s row blocks");
        ctx.report().op("matmul " + a.name() + " @ " + b.name(), true, "shuffle: " + b.name() + " regrouped into " + cols
                + " column blocks, then the " + rows + "x" + cols + " block products regrouped by row block");
        return d;
    }
}
