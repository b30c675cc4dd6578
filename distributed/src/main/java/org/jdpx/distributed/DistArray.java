package org.jdpx.distributed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jdpx.device.Queue;
import org.jdpx.dpnp.Dpnp;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * An n-d array of a jdpx dtype split into blocks ({@link Layout}: contiguous blocks along one axis
 * by default, block-cyclic chunks along one axis, or a 2-d grid of tiles), block {@code i} held by
 * Spark partition {@code i} as a {@link Block} and computed as a jdpx array on the device of the
 * executor that holds it; {@link #redistribute} changes the layout with one shuffle. Elementwise operations are lazy and fuse as local arrays do: a
 * chain such as {@code x.add(y).multiply(2)} runs as one Spark stage with one jdpx kernel per
 * block when its value is needed. Reductions combine per-block partials with Spark's
 * {@code treeReduce}; their results are replicated local arrays on the driver.
 *
 * <p>Distributed operands must have the same shape and the same block offsets (else
 * {@link IllegalArgumentException} names both layouts); local arrays and Java scalars are
 * broadcast to every block. What each operation did is in {@link DistContext#report()}.
 */
public final class DistArray {
    private final DistContext ctx;
    private final Layout layout;
    private final DType dtype;
    private String name;
    private JavaRDD<Block> rdd;
    private Expr expr;
    private List<DistArray> inputs;

    private DistArray(DistContext ctx, String name, Layout layout, DType dtype, JavaRDD<Block> rdd, Expr expr, List<DistArray> inputs) {
        this.ctx = ctx;
        this.name = name;
        this.layout = layout;
        this.dtype = dtype;
        this.rdd = rdd;
        this.expr = expr;
        this.inputs = inputs;
    }

    static DistArray materialized(DistContext ctx, String name, Layout layout, DType dtype, JavaRDD<Block> rdd) {
        return new DistArray(ctx, name, layout, dtype, rdd, null, List.of());
    }

    // ---------------------------------------------------------------- what it is

    /** The name used in the distribution report. */
    public String name() { return name; }

    /** Renames this array in the distribution report (returns this). */
    public DistArray named(String newName) {
        String why = ctx.report().whyOf(name);
        ctx.report().array(newName, layout, "alias of " + name + (why == null ? "" : ": " + why));
        this.name = newName;
        return this;
    }

    /** How it is split. */
    public Layout layout() { return layout; }

    /** The global shape. */
    public long[] shape() { return layout.shape(); }

    /** The element type. */
    public DType dtype() { return dtype; }

    /** The context it belongs to. */
    public DistContext context() { return ctx; }

    /** True while it is an unevaluated elementwise expression. */
    public boolean isLazy() { return expr != null; }

    /** The blocks as a Spark RDD (partition i holds block i); evaluates a lazy expression first. */
    public JavaRDD<Block> rdd() {
        eval();
        return rdd;
    }

    // ---------------------------------------------------------------- elementwise

    /**
     * Elementwise {@code op} of this array and {@code others} (distributed arrays of the same
     * layout, local arrays broadcast to every block, Java scalars); lazy.
     *
     * @throws IllegalArgumentException for a distributed operand of another shape or layout, or a
     *         local operand that would broadcast along the split axis
     */
    public DistArray apply(ElementOp op, Object... others) {
        Object[] all = new Object[others.length + 1];
        all[0] = this;
        System.arraycopy(others, 0, all, 1, others.length);
        return elementwise(op, all);
    }

    /** {@code where(cond, a, b)} and every other elementwise operation whose first operand may be a scalar or local array. */
    public static DistArray elementwise(ElementOp op, Object... operands) {
        DistArray first = null;
        for (Object o : operands) if (o instanceof DistArray d) { first = d; break; }
        if (first == null) throw new IllegalArgumentException(op.numpyName() + ": needs a distributed operand; use Tensor for local arrays");
        List<DistArray> ins = new ArrayList<>();
        List<Expr> args = new ArrayList<>();
        for (Object o : operands) args.add(first.operand(o, ins, op));
        Expr e = new Expr.Apply(op, args);
        DType t = dryRun(e, ins, first.layout, first.ctx.driverQueue()).dtype();
        return new DistArray(first.ctx, first.ctx.nextName(), first.layout, t, null, e, ins);
    }

    private Expr operand(Object o, List<DistArray> ins, ElementOp op) {
        return switch (o) {
            case DistArray d -> {
                if (!d.layout.sameBlocks(layout) || !Arrays.equals(d.shape(), shape()) || d.layout.axis() != layout.axis()) {
                    throw new IllegalArgumentException(op.numpyName() + ": distributed operands must share shape and blocks, got "
                            + d.layout + " and " + layout + "; rebuild one with the other's layout (DistContext.fromLocal(a, layout))");
                }
                if (d.expr != null) {
                    int base = ins.size();
                    ins.addAll(d.inputs);
                    yield d.expr.shift(base);
                }
                ins.add(d);
                yield new Expr.Input(ins.size() - 1);
            }
            case UsmNdArray a -> {
                int fromEnd = shape().length - layout.axis();
                boolean spansCols = layout.kind() == Layout.Kind.BLOCK_2D && a.ndim() >= 1 && a.shape()[a.ndim() - 1] != 1;
                if (spansCols || a.ndim() >= fromEnd && a.shape()[a.ndim() - fromEnd] != 1) {
                    throw new IllegalArgumentException(op.numpyName() + ": local operand of shape " + Arrays.toString(a.shape())
                            + " spans a split axis of " + layout.describe() + "; distribute it with the same layout instead");
                }
                yield new Expr.Constant(Block.of(0, a));
            }
            case Number n -> new Expr.Scalar(n);
            case Boolean b -> new Expr.Scalar(b);
            case null, default -> throw new IllegalArgumentException(op.numpyName() + ": operand must be a DistArray, UsmNdArray or Java scalar, not " + o);
        };
    }

    /** The expression over zero-extent blocks on the driver: its dtype and a check that shapes agree (launches nothing). */
    private static UsmNdArray dryRun(Expr e, List<DistArray> ins, Layout l, Queue q) {
        long[] s = l.shape();
        s[l.axis()] = 0;
        List<UsmNdArray> empties = new ArrayList<>();
        for (DistArray d : ins) empties.add(Tensor.empty(s, ArrayOptions.on(q).dtype(d.dtype)));
        UsmNdArray r = e.evaluate(empties, q);
        if (!Arrays.equals(r.shape(), s)) {
            throw new IllegalArgumentException("elementwise: a local operand changes the block shape to " + Arrays.toString(r.shape()));
        }
        return r;
    }

    /** {@code this + other}. */
    public DistArray add(Object other) { return apply(ElementOp.ADD, other); }
    /** {@code this - other}. */
    public DistArray subtract(Object other) { return apply(ElementOp.SUBTRACT, other); }
    /** {@code this * other}. */
    public DistArray multiply(Object other) { return apply(ElementOp.MULTIPLY, other); }
    /** {@code this / other}. */
    public DistArray divide(Object other) { return apply(ElementOp.DIVIDE, other); }
    /** {@code -this}. */
    public DistArray negative() { return apply(ElementOp.NEGATIVE); }
    /** {@code exp(this)}. */
    public DistArray exp() { return apply(ElementOp.EXP); }
    /** {@code sqrt(this)}. */
    public DistArray sqrt() { return apply(ElementOp.SQRT); }
    /** {@code this ** 2}. */
    public DistArray square() { return apply(ElementOp.SQUARE); }

    /** {@code s - this} for a scalar (or local array) {@code s}. */
    public DistArray rsubtract(Object s) { return elementwise(ElementOp.SUBTRACT, s, this); }
    /** {@code s / this} for a scalar (or local array) {@code s}. */
    public DistArray rdivide(Object s) { return elementwise(ElementOp.DIVIDE, s, this); }

    /**
     * Computes a lazy expression: one Spark stage (the inputs' blocks zipped partition by
     * partition, no shuffle) and one fused jdpx kernel per block. Returns this.
     */
    public DistArray eval() {
        if (expr == null) return this;
        List<String> names = inputs.stream().map(DistArray::name).toList();
        String what = expr.describe(names);
        rdd = BlockStages.zip(inputs).map(BlockStages.evaluator(expr, ctx.device(), null)).cache();
        expr = null;
        inputs = List.of();
        ctx.report().array(name, layout, "elementwise " + what + " keeps its inputs' blocks (fused: one kernel per block)");
        ctx.report().op("elementwise " + what, false, "one stage, blocks zipped partition by partition");
        return this;
    }

    // ---------------------------------------------------------------- gathering

    /**
     * The whole array on the driver's device in global order (blocks collected and joined along
     * the split axis; 1D_Cyclic chunks and 2D_Block tiles put back where they belong).
     */
    public UsmNdArray toLocal() {
        Queue q = ctx.driverQueue();
        List<Block> blocks = new ArrayList<>(TaskErrors.action(() -> rdd().collect()));
        blocks.sort(Comparator.comparingInt(Block::index));
        if (layout.kind() != Layout.Kind.BLOCK_1D) return Redistribution.gather(blocks, layout, dtype, q);
        if (blocks.size() == 1) return blocks.get(0).toArray(q);
        UsmNdArray[] parts = blocks.stream().map(b -> b.toArray(q)).toArray(UsmNdArray[]::new);
        return Dpnp.concatenate(parts, layout.axis());
    }

    /** {@link #toLocal()} under Spark's name. */
    public UsmNdArray collect() {
        return toLocal();
    }

    /**
     * This array in {@code to}'s layout (same shape; e.g. {@code Layout.cyclic}, {@code Layout.block},
     * {@code Layout.block2d}): one shuffle that moves each element to the block that holds it
     * there, reported as such. Returns this array when it already has that layout.
     *
     * @throws IllegalArgumentException when {@code to}'s shape is not this array's or it is REP
     */
    public DistArray redistribute(Layout to) {
        return to.equals(layout) ? this : Redistribution.redistribute(this, to, "redistribute(" + to.kind().label() + ") asked for");
    }

    /**
     * Writes the array to a {@code .npy} file, byte for byte as NumPy's {@code np.save} of the
     * gathered array: the driver writes the header, each block's executor its rows at their offset
     * (the path must reach the same file from every executor). Split along another axis than 0,
     * the array is gathered and written by the driver.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void save(Path path) {
        NpyFiles.write(this, path);
    }

    /**
     * A 1-d or 2-d array split along axis 0 as a DataFrame of {@code session}: one row per index of
     * axis 0, one column per index of axis 1 (named {@code names}, default {@code c0, c1, ...}),
     * one partition per block (no shuffle). int32, int64, float32, float64 and bool map to
     * IntegerType, LongType, FloatType, DoubleType and BooleanType.
     *
     * @throws IllegalArgumentException for another dtype, another rank or split axis, or a wrong number of names
     */
    public Dataset<Row> toDataFrame(SparkSession session, String... names) {
        return Columns.toDataFrame(this, session, names);
    }

    /** {@link #toDataFrame} written as Parquet to {@code path} (a directory of one part file per non-empty block, written by its executor). */
    public void writeParquet(String path, String... names) {
        Dataset<Row> df = Columns.toDataFrame(this, ctx.sql(), names);
        df.write().parquet(path);
        ctx.report().op("writeParquet " + new org.apache.hadoop.fs.Path(path).getName(), false, "each block written by its executor as one part file");
    }

    // ---------------------------------------------------------------- reductions, products, blocks

    /** Sum of all elements, tree-combined across blocks (NumPy's dtype rules), on the driver. */
    public UsmNdArray sum() { return Reductions.sum(this); }

    /** Mean of all elements. */
    public UsmNdArray mean() { return Reductions.mean(this); }

    /** Minimum (empty blocks are skipped; an empty array throws as NumPy does). */
    public UsmNdArray min() { return Reductions.extreme(this, true); }

    /** Maximum (empty blocks are skipped; an empty array throws as NumPy does). */
    public UsmNdArray max() { return Reductions.extreme(this, false); }

    /**
     * Sum along {@code axis} of a 2D_Block matrix: per-block partial sums, combined per column
     * (axis 0) or row (axis 1) block by one shuffle; a 1D_Block vector over the grid's column or
     * row blocks.
     *
     * @throws IllegalArgumentException for another layout or an axis other than 0 and 1
     */
    public DistArray sum(int axis) { return Grid.reduce(this, axis, 0); }

    /** Minimum along {@code axis} of a 2D_Block matrix (as {@link #sum(int)}). */
    public DistArray min(int axis) { return Grid.reduce(this, axis, 1); }

    /** Maximum along {@code axis} of a 2D_Block matrix (as {@link #sum(int)}). */
    public DistArray max(int axis) { return Grid.reduce(this, axis, 2); }

    /**
     * The transpose of a 2-d array: a 1D layout along axis {@code a} becomes the same layout along
     * {@code 1 - a} (each block transposed where it is, no shuffle); a {@code pr x pc} 2D_Block
     * grid becomes {@code pc x pr} (each tile transposed and moved to its new partition: a shuffle).
     */
    public DistArray transpose() { return Grid.transpose(this); }

    /** Dot product of two 1-d arrays of the same layout: {@code sum(this * other)}, fused per block. */
    public UsmNdArray dot(DistArray other) {
        if (shape().length != 1) throw new IllegalArgumentException("dot: both arrays must be 1-d; use matmul for matrices");
        return multiply(other).sum();
    }

    /** {@code this @ rep}: each row block times a replicated matrix or vector broadcast to every block (no shuffle). */
    public DistArray matmul(UsmNdArray rep) { return Products.withReplicated(this, rep); }

    /**
     * {@code this @ other}: with {@code this} 1-d (or split along its last axis) and {@code other}
     * split along its first axis at the same offsets, a replicated result tree-reduced from the
     * blocks' partial products ({@link #matmulToLocal}); with both 2-d split by rows, block rows
     * times block columns after a shuffle, a distributed result of this layout; with both
     * 2D_Block (this one's column blocks equal to {@code other}'s row blocks), SUMMA's block
     * products summed per result tile after shuffles, a 2D_Block result.
     */
    public DistArray matmul(DistArray other) {
        return layout.kind() == Layout.Kind.BLOCK_2D || other.layout.kind() == Layout.Kind.BLOCK_2D
                ? Grid.matmul(this, other) : Products.distributed(this, other);
    }

    /** {@code this @ other} contracted along the split axis: partial products tree-reduced into a replicated array. */
    public UsmNdArray matmulToLocal(DistArray other) { return Products.contracted(this, other); }

    /**
     * {@code f} on every block, on its executor's device, in one stage; the results' extents
     * along the split axis give the new layout.
     */
    public DistArray mapBlocks(BlockFunction f) { return BlockStages.mapBlocks(this, f, "mapBlocks"); }

    /**
     * A stencil along the split axis: each block gets up to {@code halo} neighbouring rows
     * before and after it (a shuffle of the halo rows only) and {@code f} returns its new block
     * of the block's own extent. A 1D_Cyclic or 2D_Block array is first redistributed into as many
     * contiguous blocks (a shuffle, with a report entry saying why): halos need neighbours.
     */
    public DistArray stencil(int halo, BlockFunction f) {
        if (Redistribution.isBlock(layout)) return Halo.stencil(this, halo, f);
        int axis = layout.kind() == Layout.Kind.BLOCK_2D ? 0 : layout.axis();
        Layout to = Layout.block(shape(), axis, layout.blocks());
        return Halo.stencil(Redistribution.redistribute(this, to, "a stencil needs contiguous blocks along its axis"), halo, f);
    }

    /**
     * Elements {@code start..stop-1} along the split axis; blocks keep their partitions (some may become empty).
     *
     * @throws IllegalArgumentException for a layout other than 1D_Block (naming the redistribute that fixes it)
     */
    public DistArray slice(long start, long stop) {
        if (!Redistribution.isBlock(layout)) throw Redistribution.needsBlock("slice", this);
        return Reshapes.slice(this, start, stop);
    }

    /**
     * A new shape with the same element order that keeps every block contiguous and intact (no data moves).
     *
     * @throws IllegalArgumentException for a layout other than 1D_Block, or blocks that would not stay whole
     */
    public DistArray reshape(long... newShape) {
        if (!Redistribution.isBlock(layout)) throw Redistribution.needsBlock("reshape", this);
        return Reshapes.reshape(this, newShape);
    }

    /** What a stage computes this array's blocks from: its pending expression, or itself. */
    BlockStages.Source source() {
        return expr == null ? new BlockStages.Source(List.of(this), new Expr.Input(0), name)
                : new BlockStages.Source(inputs, expr, expr.describe(inputs.stream().map(DistArray::name).toList()));
    }

    /** The blocks cached by Spark; used by the operation classes. */
    JavaRDD<Block> blocks() {
        return rdd();
    }

    @Override
    public String toString() {
        return "DistArray " + name + " " + dtype + " " + layout;
    }
}
