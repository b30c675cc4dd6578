package org.jdpx.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jdpx.dpnp.RandomState;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark columns and Parquet files in and out of distributed arrays on the shared {@code local[3]}
 * Spark: values equal the single-process array exactly, blocks follow the Dataset's (uneven)
 * partitions, nulls are refused by column name or read as NaN, dtypes without a Spark type are refused.
 */
class ColumnsTest {
    /** Rows per partition of the hand-made DataFrame: uneven, one empty. */
    static final int[] PARTS = {4, 0, 7, 2};
    static final int N = 13;
    static final DistContext ctx = LocalSpark.context();
    static final SparkSession spark = ctx.sql();
    static final ArrayOptions on = ArrayOptions.on(ctx.driverQueue());

    @TempDir
    Path dir;

    /** Columns i (int), l (bigint), f (float), d (double), b (boolean) of row r, partition p of PARTS. */
    static Dataset<Row> frame(boolean withNull) {
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
                .add("f", DataTypes.FloatType).add("d", DataTypes.DoubleType).add("b", DataTypes.BooleanType);
        List<Integer> ids = List.of(0, 1, 2, 3);
        int[] parts = PARTS;
        return spark.createDataFrame(ctx.spark().parallelize(ids, ids.size()).flatMap(p -> {
            int start = 0;
            for (int q = 0; q < p; q++) start += parts[q];
            List<Row> rows = new ArrayList<>();
            for (int r = start; r < start + parts[p]; r++) {
                Object d = withNull && r == 5 ? null : r * 0.25 - 1;
                rows.add(RowFactory.create(r * 3 - 7, (long) r << 33, r / 7f, d, r % 3 == 0));
            }
            return rows.iterator();
        }), schema);
    }

    @Test
    void parquetColumnsReadBackAsTheSingleProcessArray() {
        String path = dir.resolve("frame.parquet").toString();
        frame(false).write().parquet(path);
        ctx.report().clear();
        DistArray x = ctx.readParquet(path, "d", "f");
        assertEquals(DType.FLOAT64, x.dtype());
        assertArrayEquals(new long[] {N, 2}, x.shape());
        assertEquals("1D_Block(axis 0: 4+7+2)", x.layout().describe(), "one block per written part file (the empty partition wrote none)");
        double[] expected = new double[2 * N];
        for (int r = 0; r < N; r++) {
            expected[2 * r] = r * 0.25 - 1;
            expected[2 * r + 1] = r / 7f;
        }
        assertArrayEquals(expected, x.toLocal().toDoubleArray());
        long[] ints = new long[N];
        for (int r = 0; r < N; r++) ints[r] = (long) r << 33;
        DistArray l = ctx.readParquet(path, "l");
        assertEquals(DType.INT64, l.dtype());
        assertArrayEquals(ints, l.toLocal().toLongArray());
        assertEquals(DType.INT32, ctx.readParquet(path, "i").dtype());
        assertTrue(ctx.report().operations().stream().anyMatch(o -> o.operation().startsWith("readParquet frame.parquet") && !o.shuffle()),
                ctx.report().toString());
        assertTrue(ctx.report().shuffles().isEmpty(), ctx.report().toString());
    }

    @Test
    void datasetColumnsKeepTheirPartitionsIncludingEmptyOnes() {
        DistArray x = ctx.fromColumns(frame(false), "i", "b");
        assertEquals("1D_Block(axis 0: 4+0+7+2)", x.layout().describe());
        assertEquals(DType.INT32, x.dtype(), "int32 and bool promote to int32");
        long[] expected = new long[2 * N];
        for (int r = 0; r < N; r++) {
            expected[2 * r] = r * 3 - 7;
            expected[2 * r + 1] = r % 3 == 0 ? 1 : 0;
        }
        assertArrayEquals(expected, x.toLocal().toLongArray());
        DistArray b = ctx.fromColumns(frame(false), "b");
        assertEquals(DType.BOOL, b.dtype());
        assertArrayEquals(new long[] {N}, b.shape());
        assertEquals(1, b.toLocal().toLongArray()[3]);
    }

    @Test
    void roundTripThroughParquetIsExact() {
        UsmNdArray a = new RandomState(3, on).uniform(-1, 1, 22, 3);
        DistArray d = ctx.fromLocal(a, Layout.sized(a.shape(), 0, DistArrayTest.SIZES));
        String path = dir.resolve("d.parquet").toString();
        d.writeParquet(path, "x", "y", "z");
        DistArray back = ctx.readParquet(path, "x", "y", "z");
        assertArrayEquals(a.toDoubleArray(), back.toLocal().toDoubleArray());
        List<Long> nonEmpty = new ArrayList<>();
        for (int i = 0; i < back.layout().blocks(); i++) if (back.layout().extent(i) > 0) nonEmpty.add(back.layout().extent(i));
        assertEquals(List.of(5L, 3L, 9L, 1L, 4L), nonEmpty, "one block per part file, in written order (Spark may write an empty first file)");
        UsmNdArray v = Tensor.arange(0, 40, 1, on).astype(DType.INT32);
        DistArray dv = ctx.fromLocal(v, 0, 3);
        Dataset<Row> df = dv.toDataFrame(spark);
        assertEquals(3, df.javaRDD().getNumPartitions());
        assertEquals(DataTypes.IntegerType, df.schema().apply("c0").dataType());
        DistArray vb = ctx.fromColumns(df, "c0");
        assertEquals(DType.INT32, vb.dtype());
        assertArrayEquals(v.toLongArray(), vb.toLocal().toLongArray());
        assertTrue(ctx.report().operations().stream().anyMatch(o -> o.operation().equals("writeParquet d.parquet") && !o.shuffle()));
    }

    @Test
    void nullsAreRefusedByNameOrReadAsNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ctx.fromColumns(frame(true), "i", "d"));
        assertTrue(e.getMessage().contains("column 'd' holds a null"), e.getMessage());
        DistArray x = ctx.fromColumns(frame(true), true, "d");
        double[] got = x.toLocal().toDoubleArray();
        assertTrue(Double.isNaN(got[5]));
        assertEquals(0.5, got[6]);
        DistArray ints = ctx.fromColumns(frame(true), true, "i");
        assertEquals(DType.FLOAT64, ints.dtype(), "a nullable int column read with NaNs gives float64");
        assertEquals(-4.0, ints.toLocal().toDoubleArray()[1]);
    }

    @Test
    void dtypesWithoutASparkTypeAreRefused() {
        DistArray c = ctx.fromLocal(Tensor.zeros(new long[] {4}, ArrayOptions.on(ctx.driverQueue()).dtype(DType.INT16)), 0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.toDataFrame(spark));
        assertTrue(e.getMessage().contains("int16"), e.getMessage());
        Dataset<Row> s = spark.createDataFrame(List.of(RowFactory.create("a")), new StructType().add("s", DataTypes.StringType));
        e = assertThrows(IllegalArgumentException.class, () -> ctx.fromColumns(s, "s"));
        assertTrue(e.getMessage().contains("column 's'") && e.getMessage().contains("string"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ctx.fromColumns(s, "t"));
        assertFalse(e.getMessage().isEmpty());
        DistArray three = ctx.fromLocal(Tensor.zeros(new long[] {2, 2, 2}, on), 0, 2);
        assertThrows(IllegalArgumentException.class, () -> three.toDataFrame(spark));
    }
}
