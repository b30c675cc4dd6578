package org.jdpx.distributed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import scala.Tuple2;

/**
 * The operations of 2-d arrays that know the 2D_Block grid: reductions along one axis (partials
 * per tile, combined per column or row block by a shuffle), the transpose, and SUMMA-style
 * matrix products (every tile of A meets every tile of B it multiplies after one shuffle, the
 * block products summed per result tile by a second). Every tile's work is a jdpx operation on
 * the executor's device.
 */
final class Grid {

    private Grid() {
    }

    /** Sum (0), minimum (1) or maximum (2) along {@code axis} of a 2D_Block matrix: a 1D_Block vector. */
    static DistArray reduce(DistArray x, int axis, int kind) {
        Layout l = x.layout();
        String what = new String[] {"sum", "min", "max"}[kind];
        if (l.kind() != Layout.Kind.BLOCK_2D || (axis != 0 && axis != 1)) {
            throw new IllegalArgumentException(what + "(axis): needs a 2D_Block matrix and axis 0 or 1, got " + l.describe() + " and axis "
                    + axis + "; use " + what + "() for the whole array, or redistribute(Layout.block2d(shape, pr, pc))");
        }
        if (kind != 0 && l.shape()[axis] == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + what + " which has no identity");
        }
        int pc = l.gridCols();
        int keys = axis == 0 ? pc : l.gridRows();
        int[] axes = {axis};
        BlockStages.Source src = x.source();
        JavaRDD<Block> partials = BlockStages.run(src, x.context().device(), (b, i, q) -> b.shape()[axis] == 0 && kind != 0 ? b
                : kind == 0 ? Tensor.sum(b, axes, false) : kind == 1 ? Tensor.min(b, axes, false) : Tensor.max(b, axes, false));
        JavaRDD<Block> out = partials.filter(b -> b.shape().length == 1)
                .mapToPair(b -> new Tuple2<>(axis == 0 ? b.index() % pc : b.index() / pc, b))
                .mapToPair(t -> new Tuple2<>(t._1(), t._2().withIndex(t._1())))
                .reduceByKey(new IndexPartitioner(keys), Reductions.combiner(x.context().device(), kind))
                .values().cache();
        long[] probeShape = {1, 1};
        probeShape[1 - axis] = 0;
        UsmNdArray probe = Tensor.empty(probeShape, ArrayOptions.on(x.context().driverQueue()).dtype(x.dtype()));
        DType t = (kind == 0 ? Tensor.sum(probe, axes, false) : Tensor.min(probe, axes, false)).dtype();
        long[] off = axis == 0 ? l.colOffsets() : l.offsets();
        long[] sizes = new long[keys];
        for (int k = 0; k < keys; k++) sizes[k] = off[k + 1] - off[k];
        Layout to = Layout.sized(new long[] {l.shape()[1 - axis]}, 0, sizes);
        DistContext ctx = x.context();
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), to, t, out);
        String by = axis == 0 ? "column" : "row";
        ctx.report().array(d.name(), to, what + " along axis " + axis + " of " + src.describe() + " (2D_Block): one block per " + by + " block of the grid");
        ctx.report().op(what + " along axis " + axis + " of " + src.describe(), true,
                "shuffle: a partial per tile, combined per " + by + " block (" + keys + " blocks)");
        return d;
    }

    /** The transpose of a 2-d array (see {@link DistArray#transpose}). */
    static DistArray transpose(DistArray x) {
        Layout l = x.layout();
        long[] s = l.shape();
        if (s.length != 2) throw new IllegalArgumentException("transpose: needs a 2-d array, got shape " + Arrays.toString(s));
        long[] ts = {s[1], s[0]};
        DistContext ctx = x.context();
        if (l.kind() != Layout.Kind.BLOCK_2D) {
            Layout to = new Layout(l.kind(), 1 - l.axis(), ts, l.offsets(), l.chunk(), l.colOffsets());
            JavaRDD<Block> out = x.blocks().map(Grid::transposed).cache();
            DistArray d = DistArray.materialized(ctx, ctx.nextName(), to, x.dtype(), out);
            ctx.report().array(d.name(), to, "transpose of " + x.name() + ": each block transposed in place, the split axis swaps");
            ctx.report().op("transpose " + x.name(), false, "a map per block");
            return d;
        }
        int pr = l.gridRows(), pc = l.gridCols();
        Layout to = new Layout(Layout.Kind.BLOCK_2D, 0, ts, l.colOffsets(), 0, l.offsets());
        JavaRDD<Block> out = x.blocks().mapToPair(b -> {
            int idx = (b.index() % pc) * pr + b.index() / pc;
            return new Tuple2<>(idx, transposed(b).withIndex(idx));
        }).partitionBy(new IndexPartitioner(pr * pc)).values().cache();
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), to, x.dtype(), out);
        ctx.report().array(d.name(), to, "transpose of " + x.name() + ": tile (r, c) transposed and moved to (c, r)");
        ctx.report().op("transpose " + x.name(), true, "shuffle: every tile moves to its transposed place in the grid");
        return d;
    }

    /** A 2-d block transposed, as bytes. */
    static Block transposed(Block b) {
        long h = b.shape()[0], w = b.shape()[1];
        int item = b.type().itemSize();
        byte[] in = b.data(), out = new byte[in.length];
        for (long i = 0; i < h; i++) {
            for (long j = 0; j < w; j++) System.arraycopy(in, (int) ((i * w + j) * item), out, (int) ((j * h + i) * item), item);
        }
        return new Block(b.index(), b.dtype(), new long[] {w, h}, out);
    }

    /** {@code a @ b} of two 2D_Block matrices, SUMMA-style (see {@link DistArray#matmul(DistArray)}). */
    static DistArray matmul(DistArray a, DistArray b) {
        Layout la = a.layout(), lb = b.layout();
        if (la.kind() != Layout.Kind.BLOCK_2D || lb.kind() != Layout.Kind.BLOCK_2D) {
            throw new IllegalArgumentException("matmul: a 2D_Block matrix multiplies only another 2D_Block matrix, got "
                    + la.describe() + " and " + lb.describe() + "; redistribute the other with Layout.block2d");
        }
        if (a.shape()[1] != b.shape()[0] || !Arrays.equals(la.colOffsets(), lb.offsets())) {
            throw new IllegalArgumentException("matmul: the left matrix's column blocks must be the right one's row blocks, got "
                    + la + " and " + lb + "; redistribute the right one with Layout.block2dSized(shape, <left column sizes>, cols)");
        }
        int pr = la.gridRows(), pk = la.gridCols(), pc = lb.gridCols();
        String dev = a.context().device();
        JavaPairRDD<Long, Block> left = a.blocks().flatMapToPair(t -> {
            List<Tuple2<Long, Block>> out = new ArrayList<>();
            for (int j = 0; j < pc; j++) out.add(new Tuple2<>(((long) (t.index() / pk) * pc + j) * pk + t.index() % pk, t));
            return out.iterator();
        });
        JavaPairRDD<Long, Block> right = b.blocks().flatMapToPair(t -> {
            List<Tuple2<Long, Block>> out = new ArrayList<>();
            for (int r = 0; r < pr; r++) out.add(new Tuple2<>(((long) r * pc + t.index() % pc) * pk + t.index() / pc, t));
            return out.iterator();
        });
        JavaRDD<Block> out = left.join(right).mapToPair(p -> {
            var q = Placement.queue(dev);
            int tile = (int) (p._1() / pk);
            return new Tuple2<>(tile, Block.of(tile, Tensor.matmul(p._2()._1().toArray(q), p._2()._2().toArray(q)).eval()));
        }).reduceByKey(new IndexPartitioner(pr * pc), Reductions.combiner(dev, 0)).values().cache();
        DistContext ctx = a.context();
        ArrayOptions on = ArrayOptions.on(ctx.driverQueue());
        DType t = Tensor.matmul(Tensor.empty(new long[] {0, 0}, on.dtype(a.dtype())), Tensor.empty(new long[] {0, 0}, on.dtype(b.dtype()))).dtype();
        Layout to = new Layout(Layout.Kind.BLOCK_2D, 0, new long[] {a.shape()[0], b.shape()[1]}, la.offsets(), 0, lb.colOffsets());
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), to, t, out);
        ctx.report().array(d.name(), to, "SUMMA matmul of " + a.name() + " and " + b.name() + " (2D_Block): tiles over "
                + a.name() + "'s row blocks and " + b.name() + "'s column blocks");
        ctx.report().op("matmul " + a.name() + " @ " + b.name() + " (SUMMA)", true, "shuffle: each tile of " + a.name() + " sent to the "
                + pc + " result tiles of its row and each of " + b.name() + " to the " + pr + " of its column (" + pr * pc * pk
                + " block products), then the products summed per result tile");
        return d;
    }
}
