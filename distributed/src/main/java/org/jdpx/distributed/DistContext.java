package org.jdpx.distributed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jdpx.device.Queue;
import org.jdpx.dpnp.RandomState;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The entry point of distributed arrays: a Spark context (embedded {@code local[n]} or the one
 * {@code spark-submit} made), the jdpx device blocks run on when Spark assigns no GPU, the
 * {@link DistributionReport}, and the functions that create {@link DistArray}s. Creation
 * functions make each block on the executor that holds it (compute follows data), except
 * {@link #fromLocal} and {@link #load}, which read on the driver and ship the blocks.
 *
 * <p>Close it to stop an embedded Spark; a context made {@link #of around} a given Spark context
 * leaves that one running.
 */
public final class DistContext implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DistContext.class.getName());
    private final JavaSparkContext sc;
    private final boolean owned;
    private final String device;
    private final DistributionReport report;
    private final AtomicInteger names;

    private DistContext(JavaSparkContext sc, boolean owned, String device, DistributionReport report, AtomicInteger names) {
        this.sc = sc;
        this.owned = owned;
        this.device = device;
        this.report = report;
        this.names = names;
    }

    /**
     * An embedded Spark in local mode with {@code threads} executor threads (Spark's {@code local[threads]}),
     * its web UI off and its log at WARN; blocks run on the default jdpx device.
     */
    public static DistContext local(int threads) {
        SparkConf conf = new SparkConf().setMaster("local[" + threads + "]").setAppName("jdpx")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.log.level", "WARN");
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        LOG.log(System.Logger.Level.DEBUG, "embedded Spark local[" + threads + "] started");
        return new DistContext(sc, true, null, new DistributionReport(), new AtomicInteger());
    }

    /** Distributed arrays over an existing Spark context (spark-submit's), blocks on each executor's default device. */
    public static DistContext of(JavaSparkContext sc) {
        return new DistContext(sc, false, null, new DistributionReport(), new AtomicInteger());
    }

    /**
     * The same Spark context with blocks run on jdpx device {@code filter} (e.g. {@code java:cpu:0})
     * when a task has no GPU resource; null means the executor's default device. Shares this
     * context's report; closing it leaves Spark running.
     */
    public DistContext onDevice(String filter) {
        return new DistContext(sc, false, filter, report, names);
    }

    /** The Spark context. */
    public JavaSparkContext spark() {
        return sc;
    }

    /** The device filter blocks run on without a GPU resource (null: the default device). */
    public String device() {
        return device;
    }

    /** The queue replicated values live on in the driver. */
    public Queue driverQueue() {
        return Placement.queue(device);
    }

    /** What layout each array got and which operations shuffled. */
    public DistributionReport report() {
        return report;
    }

    String nextName() {
        return "d" + names.incrementAndGet();
    }

    // ---------------------------------------------------------------- creation

    /**
     * {@code a} split into {@code blocks} blocks along axis {@code axis} (NumPy's array_split sizes).
     *
     * @throws IllegalArgumentException for a 0-d array, a bad axis or fewer than one block
     */
    public DistArray fromLocal(UsmNdArray a, int axis, int blocks) {
        if (a.ndim() == 0) throw new IllegalArgumentException("fromLocal: a 0-d array cannot be split; use it as a replicated operand");
        return fromLocal(a, Layout.block(a.shape(), axis, blocks));
    }

    /**
     * {@code a} split as {@code layout} says (uneven and empty blocks allowed).
     *
     * @throws IllegalArgumentException when the layout's shape is not {@code a}'s
     */
    public DistArray fromLocal(UsmNdArray a, Layout layout) {
        if (!java.util.Arrays.equals(a.shape(), layout.shape())) {
            throw new IllegalArgumentException("fromLocal: layout shape " + java.util.Arrays.toString(layout.shape())
                    + " differs from the array's " + java.util.Arrays.toString(a.shape()));
        }
        List<Block> blocks = new ArrayList<>();
        if (layout.kind() != Layout.Kind.BLOCK_1D) blocks = Redistribution.split(a, layout);
        for (int i = 0; blocks.size() < layout.blocks(); i++) {
            blocks.add(Block.of(i, a.get(sliceIndex(layout, i))));
        }
        return created(sc.parallelize(blocks, layout.blocks()), layout, a.dtype(), "split from a local array on the driver"
                + (layout.kind() == Layout.Kind.BLOCK_1D ? "" : " into the requested " + layout.kind().label()));
    }

    /** {@code 0, 1, ..., n-1} as int64, each block generated on its executor. */
    public DistArray arange(long n, int blocks) {
        Layout l = Layout.block(new long[] {n}, 0, blocks);
        String dev = device;
        return generated(l, DType.INT64, "arange", i -> {
            Queue q = Placement.queue(dev);
            return Tensor.arange(l.start(i), l.start(i) + l.extent(i), 1, ArrayOptions.on(q));
        });
    }

    /** {@code 0, 1, ..., n-1} as int64 in a 1-d layout of extent n (1D_Block or 1D_Cyclic), each block generated on its executor. */
    public DistArray arange(Layout layout) {
        return LayoutMakers.arange(this, layout);
    }

    /** {@code value} everywhere in {@code shape} split along axis 0, of {@code dtype} (null: as {@link Tensor#full}). */
    public DistArray full(long[] shape, Object value, DType dtype, int blocks) {
        return full(Layout.block(shape, 0, blocks), value, dtype);
    }

    /** {@code value} everywhere, split as {@code layout} says. */
    public DistArray full(Layout layout, Object value, DType dtype) {
        String dev = device;
        DType t = Tensor.full(new long[] {0}, value, ArrayOptions.on(driverQueue()).dtype(dtype)).dtype();
        return generated(layout, t, "full", i -> Tensor.full(layout.blockShape(i), value,
                ArrayOptions.on(Placement.queue(dev)).dtype(t)));
    }

    /** A distributed Philox stream of {@code seed}: block {@code i} draws exactly the numbers one process would. */
    public DistRandom random(long seed) {
        return new DistRandom(this, seed);
    }

    /**
     * A {@code .npy} file split along axis 0 into {@code blocks} blocks, each read by the executor
     * that holds it from the file's pages under it (the driver reads only the header). The path
     * must reach the same file from every executor (a shared file system on a cluster). C and
     * Fortran order and both byte orders are read; a Fortran-order file's blocks gather their rows
     * from every column.
     *
     * @throws java.io.UncheckedIOException when the file is missing, is not a {@code .npy} file or
     *         holds a dtype jdpx lacks (the message names the problem)
     * @throws IllegalArgumentException for a 0-d array or fewer than one block
     */
    public DistArray load(Path path, int blocks) {
        return NpyFiles.read(this, path, null, blocks);
    }

    /**
     * A {@code .npy} file split as {@code layout} says (uneven and empty blocks allowed), read as
     * {@link #load(Path, int)} reads it.
     *
     * @throws IllegalArgumentException when the layout's shape is not the file's
     */
    public DistArray load(Path path, Layout layout) {
        return NpyFiles.read(this, path, layout, 0);
    }

    /** The Spark SQL session over this context's Spark (made on first use, sharing its SparkContext). */
    public SparkSession sql() {
        return SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
    }

    /**
     * Numeric or boolean columns of {@code df} as a 2-d (rows, columns) array, or 1-d for one
     * column, split along axis 0 with one block per Dataset partition (each partition packed
     * where it lies, no shuffle). The dtype is NumPy's promotion of the columns' types (IntegerType
     * int32, LongType int64, FloatType float32, DoubleType float64, BooleanType bool).
     *
     * @throws IllegalArgumentException for a missing column, a column of another Spark type (the
     *         message says how to cast it) or a null (the message names the column)
     */
    public DistArray fromColumns(Dataset<Row> df, String... columns) {
        return Columns.fromColumns(this, df, false, columns, "Spark");
    }

    /**
     * As {@link #fromColumns(Dataset, String...)}; with {@code nullsAsNaN} a null is read as NaN,
     * and integer or boolean columns that the schema says may hold nulls give float64.
     */
    public DistArray fromColumns(Dataset<Row> df, boolean nullsAsNaN, String... columns) {
        return Columns.fromColumns(this, df, nullsAsNaN, columns, "Spark");
    }

    /**
     * Columns of a Parquet file, or of a directory of part files read in name order (the order
     * Spark wrote them), as {@link #fromColumns} makes them: one block per file split, no shuffle.
     *
     * @throws IllegalArgumentException for a missing path, or as {@link #fromColumns} throws
     */
    public DistArray readParquet(String path, String... columns) {
        return Columns.readParquet(this, path, false, columns);
    }

    /** As {@link #readParquet(String, String...)}, nulls read as NaN when {@code nullsAsNaN}. */
    public DistArray readParquet(String path, boolean nullsAsNaN, String... columns) {
        return Columns.readParquet(this, path, nullsAsNaN, columns);
    }

    // ---------------------------------------------------------------- helpers for the array classes

    /** A block's index string for {@link UsmNdArray#get(String)}: {@code ":, 3:5"} for block rows 3..4 of axis 1. */
    static String sliceIndex(Layout l, int i) {
        return Halo.index(l.axis(), l.shape().length, l.start(i), l.start(i) + l.extent(i));
    }

    /** Per-block generator shipped to executors. */
    interface BlockMaker extends java.io.Serializable {
        UsmNdArray make(int block);
    }

    DistArray generated(Layout l, DType t, String what, BlockMaker maker) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < l.blocks(); i++) ids.add(i);
        JavaRDD<Block> rdd = sc.parallelize(ids, l.blocks()).map(i -> Block.of(i, maker.make(i).eval()));
        return created(rdd, l, t, what + ", each block generated on its executor");
    }

    DistArray created(JavaRDD<Block> rdd, Layout l, DType t, String why) {
        DistArray d = DistArray.materialized(this, nextName(), l, t, rdd.cache());
        report.array(d.name(), l, why);
        return d;
    }

    /** Stops the embedded Spark (nothing for a context made around another's Spark). */
    @Override
    public void close() {
        if (owned) sc.stop();
    }
}
