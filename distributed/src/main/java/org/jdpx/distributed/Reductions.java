package org.jdpx.distributed;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Whole-array reductions: each block's partial (fused with the block's pending expression, as a
 * local reduction fuses) computed on its executor, the partials combined by Spark's
 * {@code treeReduce} with the same jdpx operation, the result a replicated 0-d array on the
 * driver. Equal to one process's result up to the reassociation of float additions.
 */
final class Reductions {

    private Reductions() {
    }

    static UsmNdArray sum(DistArray x) {
        return reduce(x, "sum", false, (b, i, q) -> Tensor.sum(b, null, false),
                combiner(x.context().device(), 0));
    }

    static UsmNdArray mean(DistArray x) {
        long n = 1;
        for (long s : x.shape()) n *= s;
        return Tensor.divide(sum(x), (double) n).eval();
    }

    static UsmNdArray extreme(DistArray x, boolean min) {
        return reduce(x, min ? "min" : "max", true, (b, i, q) -> b.size() == 0 ? b : min ? Tensor.min(b, null, false)
                : Tensor.max(b, null, false), combiner(x.context().device(), min ? 1 : 2));
    }

    /** Adds (0), takes the minimum (1) or the maximum (2) of two partials on the executor's device. */
    static Function2<Block, Block, Block> combiner(String device, int kind) {
        return (a, b) -> {
            var q = Placement.queue(device);
            UsmNdArray x = a.toArray(q), y = b.toArray(q);
            UsmNdArray r = switch (kind) {
                case 0 -> Tensor.add(x, y);
                case 1 -> Tensor.minimum(x, y);
                default -> Tensor.maximum(x, y);
            };
            return Block.of(a.index(), r.eval());
        };
    }

    /** Per-block partials of {@code x}'s source, tree-combined; {@code skipEmpty} drops empty blocks (min, max). */
    static UsmNdArray reduce(DistArray x, String what, boolean skipEmpty, BlockStages.Then partial, Function2<Block, Block, Block> combine) {
        BlockStages.Source src = x.source();
        JavaRDD<Block> partials = BlockStages.run(src, x.context().device(), partial);
        if (skipEmpty) partials = partials.filter(b -> b.shape().length == 0).cache();
        JavaRDD<Block> parts = partials;
        if (skipEmpty && TaskErrors.action(parts::isEmpty)) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + what + " which has no identity");
        }
        Block r = TaskErrors.action(() -> parts.treeReduce(combine));
        x.context().report().array(what + "(" + src.describe() + ")", Layout.replicated(r.shape()),
                "a whole-array reduction: one partial per block, tree-combined into one copy on the driver");
        x.context().report().op(what + " of " + src.describe(), false,
                "a partial per block, combined with treeReduce; result REP on the driver");
        return r.toArray(x.context().driverQueue());
    }
}
