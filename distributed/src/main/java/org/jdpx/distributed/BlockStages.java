package org.jdpx.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.jdpx.device.Queue;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * The narrow (shuffle-free) stages distributed arrays run: the blocks of several arrays of one
 * layout zipped partition by partition, and one function per block that turns them into jdpx
 * arrays on the executor's device, evaluates the pending expression (one fused kernel) and an
 * optional follow-up on the result.
 */
final class BlockStages {

    private BlockStages() {
    }

    /** Inputs and expression a stage computes an array from, and how the report names it. */
    record Source(List<DistArray> inputs, Expr expr, String describe) {
    }

    /** A follow-up on a block's evaluated expression (a reduction, a product, a user function). */
    interface Then extends Serializable {
        UsmNdArray apply(UsmNdArray block, int index, Queue queue);
    }

    /** The blocks of {@code arrays} (same layout) as one list per partition: a narrow dependency, no shuffle. */
    static JavaRDD<List<Block>> zip(List<DistArray> arrays) {
        JavaRDD<List<Block>> t = arrays.get(0).blocks().map(b -> List.of(b));
        for (int k = 1; k < arrays.size(); k++) {
            t = t.zipPartitions(arrays.get(k).blocks(), (Iterator<List<Block>> a, Iterator<Block> b) -> {
                List<List<Block>> out = new ArrayList<>();
                while (a.hasNext() && b.hasNext()) {
                    List<Block> l = new ArrayList<>(a.next());
                    l.add(b.next());
                    out.add(l);
                }
                return out.iterator();
            });
        }
        return t;
    }

    /** Per block: inputs onto the executor's device, the expression (one kernel), then {@code then} (null: none). */
    static Function<List<Block>, Block> evaluator(Expr expr, String device, Then then) {
        return blocks -> {
            Queue q = Placement.queue(device);
            List<UsmNdArray> arrays = new ArrayList<>();
            for (Block b : blocks) arrays.add(b.toArray(q));
            int index = blocks.get(0).index();
            UsmNdArray r = expr.evaluate(arrays, q);
            if (then != null) r = then.apply(r, index, q);
            return Block.of(index, r.eval());
        };
    }

    /** The blocks {@code source} describes, each followed by {@code then}, in one stage. */
    static JavaRDD<Block> run(Source source, String device, Then then) {
        return zip(source.inputs()).map(evaluator(source.expr(), device, then));
    }

    /** {@link DistArray#mapBlocks}: the user's function per block; the result extents make the new layout. */
    static DistArray mapBlocks(DistArray x, BlockFunction f, String what) {
        Layout l = x.layout();
        Source src = x.source();
        JavaRDD<Block> out = run(src, x.context().device(), (b, i, q) -> f.apply(b, new BlockFunction.BlockInfo(i, l.start(i), l, 0, 0))).cache();
        return fromBlocks(x.context(), out, l, what + " of " + src.describe(), what + " runs the user's function on every block in one stage");
    }

    /** A 1D_Cyclic or 2D_Block array whose blocks must keep their shapes (their places in the global array are fixed). */
    private static DistArray keptLayout(DistContext ctx, JavaRDD<Block> out, Layout in, List<Object[]> meta, String op, String why) {
        for (Object[] m : meta) {
            int i = (Integer) m[0];
            if (!java.util.Arrays.equals((long[]) m[1], in.blockShape(i))) {
                throw new IllegalArgumentException(op + ": block " + i + " of " + in.describe() + " came back with shape "
                        + java.util.Arrays.toString((long[]) m[1]) + " instead of " + java.util.Arrays.toString(in.blockShape(i))
                        + "; a " + in.kind().label() + " block must keep its shape (redistribute to 1D_Block to change extents)");
            }
        }
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), in, DType.of((String) meta.get(0)[2]), out);
        ctx.report().array(d.name(), in, why + "; the blocks keep their " + in.kind().label() + " places");
        ctx.report().op(op, false, "one stage per block, no data moved between executors");
        return d;
    }

    /**
     * A new array from computed blocks whose shapes say its layout: the split axis stays, its
     * extents come from the blocks (collected as shapes only).
     *
     * @throws IllegalArgumentException when blocks disagree on the other axes or change rank
     */
    static DistArray fromBlocks(DistContext ctx, JavaRDD<Block> out, Layout in, String op, String why) {
        List<Object[]> meta = new ArrayList<>(TaskErrors.action(() -> out.map(b -> new Object[] {b.index(), b.shape(), b.dtype()}).collect()));
        meta.sort(java.util.Comparator.comparingInt(o -> (Integer) o[0]));
        if (in.kind() != Layout.Kind.BLOCK_1D) return keptLayout(ctx, out, in, meta, op, why);
        List<long[]> shapes = meta.stream().map(o -> (long[]) o[1]).toList();
        String dtypeName = (String) meta.get(0)[2];
        long[] sizes = new long[shapes.size()];
        long[] shape = shapes.get(0).clone();
        for (int i = 0; i < sizes.length; i++) {
            long[] s = shapes.get(i);
            if (s.length != shape.length) throw new IllegalArgumentException(op + ": blocks changed rank: " + java.util.Arrays.toString(s));
            for (int a = 0; a < s.length; a++) {
                if (a != in.axis() && s[a] != shape[a]) {
                    throw new IllegalArgumentException(op + ": block " + i + " has shape " + java.util.Arrays.toString(s)
                            + " but block 0 has " + java.util.Arrays.toString(shape) + " off the split axis " + in.axis());
                }
            }
            sizes[i] = s[in.axis()];
        }
        long total = 0;
        for (long s : sizes) total += s;
        shape[in.axis()] = total;
        Layout l = Layout.sized(shape, in.axis(), sizes);
        DistArray d = DistArray.materialized(ctx, ctx.nextName(), l, DType.of(dtypeName), out);
        ctx.report().array(d.name(), l, why);
        ctx.report().op(op, false, "one stage per block, no data moved between executors");
        return d;
    }
}
