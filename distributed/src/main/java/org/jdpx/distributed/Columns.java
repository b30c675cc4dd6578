package org.jdpx.distributed;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Promotion;

/**
 * Spark columns and Parquet files in and out of {@link DistArray}s: one block per Dataset
 * partition, rows packed into a block on the executor that holds the partition (no shuffle).
 * The dtypes with a Spark column type are int32 (IntegerType), int64 (LongType), float32
 * (FloatType), float64 (DoubleType) and bool (BooleanType).
 */
final class Columns {

    private Columns() {
    }

    /** The jdpx dtype of a Spark column type. */
    static DType dtypeOf(DataType t, String column) {
        if (t.equals(DataTypes.IntegerType)) return DType.INT32;
        if (t.equals(DataTypes.LongType)) return DType.INT64;
        if (t.equals(DataTypes.FloatType)) return DType.FLOAT32;
        if (t.equals(DataTypes.DoubleType)) return DType.FLOAT64;
        if (t.equals(DataTypes.BooleanType)) return DType.BOOL;
        throw new IllegalArgumentException("fromColumns: column '" + column + "' has Spark type " + t.simpleString()
                + "; jdpx reads int, bigint, float, double and boolean columns: cast it first, e.g. col(\"" + column + "\").cast(\"double\")");
    }

    /** The Spark column type of a jdpx dtype. */
    static DataType sparkType(DType t) {
        return switch (t) {
            case INT32 -> DataTypes.IntegerType;
            case INT64 -> DataTypes.LongType;
            case FLOAT32 -> DataTypes.FloatType;
            case FLOAT64 -> DataTypes.DoubleType;
            case BOOL -> DataTypes.BooleanType;
            default -> throw new IllegalArgumentException("toDataFrame: dtype " + t.numpyName() + " has no Spark column type; "
                    + "jdpx writes int32, int64, float32, float64 and bool: convert the array to one of them first (astype per block)");
        };
    }

    static DistArray fromColumns(DistContext ctx, Dataset<Row> df, boolean nullsAsNaN, String[] columns, String source) {
        if (columns.length == 0) throw new IllegalArgumentException("fromColumns: name at least one column of " + df.schema().simpleString());
        StructType schema = df.schema();
        List<String> have = Arrays.asList(schema.fieldNames());
        DType t = null;
        boolean nullable = false;
        Column[] cast = new Column[columns.length];
        for (String c : columns) {
            if (!have.contains(c)) throw new IllegalArgumentException("fromColumns: no column '" + c + "' among " + have);
            StructField f = schema.apply(c);
            DType ct = dtypeOf(f.dataType(), c);
            t = t == null ? ct : Promotion.result(t, ct);
            nullable |= f.nullable();
        }
        if (nullsAsNaN && nullable && !t.isFloat()) t = DType.FLOAT64;
        for (int j = 0; j < columns.length; j++) cast[j] = functions.col(columns[j]).cast(sparkType(t));
        DType out = t;
        String[] names = columns.clone();
        boolean oneD = columns.length == 1;
        JavaRDD<Block> blocks = df.select(cast).javaRDD()
                .mapPartitionsWithIndex((i, rows) -> List.of(pack(i, rows, out, names, nullsAsNaN, oneD)).iterator(), true).cache();
        List<Long> sizes = rowsPerBlock(blocks);
        long n = sizes.stream().mapToLong(Long::longValue).sum();
        long[] shape = oneD ? new long[] {n} : new long[] {n, columns.length};
        Layout l = Layout.sized(shape, 0, sizes.stream().mapToLong(Long::longValue).toArray());
        DistArray d = ctx.created(blocks, l, out, "from " + source + " columns " + have(columns) + ": one block per Dataset partition");
        ctx.report().op("read " + source + " columns " + have(columns), false, "each partition packed into a block where it lies");
        return d;
    }

    private static String have(String[] columns) {
        return Arrays.toString(columns);
    }

    /** Each block's row count; a refused null on an executor comes back as the IllegalArgumentException it was. */
    private static List<Long> rowsPerBlock(JavaRDD<Block> blocks) {
        try {
            return blocks.map(b -> b.shape()[0]).collect();
        } catch (Exception e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException iae) throw new IllegalArgumentException(iae.getMessage(), e);
            }
            throw e;
        }
    }

    /** The rows of one partition as a block of {@code t}, C order (row after row). */
    static Block pack(int index, Iterator<Row> it, DType t, String[] names, boolean nullsAsNaN, boolean oneD) {
        List<Row> rows = new ArrayList<>();
        it.forEachRemaining(rows::add);
        int m = names.length;
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(rows.size() * m, t.itemSize())).order(ByteOrder.nativeOrder());
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int j = 0; j < m; j++) {
                if (row.isNullAt(j)) {
                    if (!nullsAsNaN || !t.isFloat()) {
                        throw new IllegalArgumentException("fromColumns: column '" + names[j] + "' holds a null (row " + r + " of partition "
                                + index + "); drop or fill nulls first (df.na().drop(), df.na().fill(...)) or read them as NaN (nullsAsNaN)");
                    }
                    if (t == DType.FLOAT32) b.putFloat(Float.NaN);
                    else b.putDouble(Double.NaN);
                    continue;
                }
                switch (t) {
                    case INT32 -> b.putInt(row.getInt(j));
                    case INT64 -> b.putLong(row.getLong(j));
                    case FLOAT32 -> b.putFloat(row.getFloat(j));
                    case FLOAT64 -> b.putDouble(row.getDouble(j));
                    case BOOL -> b.put((byte) (row.getBoolean(j) ? 1 : 0));
                    default -> throw new IllegalStateException("fromColumns: unexpected dtype " + t);
                }
            }
        }
        long[] shape = oneD ? new long[] {rows.size()} : new long[] {rows.size(), m};
        return new Block(index, t.numpyName(), shape, b.array());
    }

    /** The Parquet file (or the part files of a directory, in name order: the order they were written in) as a DistArray. */
    static DistArray readParquet(DistContext ctx, String path, boolean nullsAsNaN, String[] columns) {
        SparkSession s = ctx.sql();
        List<String> files = partFiles(s, path);
        Dataset<Row> df = null;
        for (String f : files) {
            Dataset<Row> one = s.read().parquet(f);
            df = df == null ? one : df.union(one);
        }
        String name = new org.apache.hadoop.fs.Path(path).getName();
        ctx.report().op("readParquet " + name, false, files.size() + " file(s), each read by the executor whose partition it is, in file-name order");
        return fromColumns(ctx, df, nullsAsNaN, columns, "Parquet " + name);
    }

    private static List<String> partFiles(SparkSession s, String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        List<String> files = new ArrayList<>();
        try {
            FileSystem fs = p.getFileSystem(s.sparkContext().hadoopConfiguration());
            if (!fs.getFileStatus(p).isDirectory()) return List.of(p.toString());
            for (FileStatus f : fs.listStatus(p)) {
                String n = f.getPath().getName();
                if (f.isFile() && !n.startsWith("_") && !n.startsWith(".")) files.add(f.getPath().toString());
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("readParquet: no file or directory " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("readParquet: cannot list " + path, e);
        }
        if (files.isEmpty()) throw new IllegalArgumentException("readParquet: no Parquet part files in " + path);
        files.sort(null);
        return files;
    }

    /** A 1-d or 2-d array split along axis 0 as a DataFrame: one row per index of axis 0, one partition per block. */
    static Dataset<Row> toDataFrame(DistArray a, SparkSession s, String[] names) {
        long[] shape = a.shape();
        if (shape.length < 1 || shape.length > 2 || a.layout().axis() != 0) {
            throw new IllegalArgumentException("toDataFrame: needs a 1-d or 2-d array split along axis 0, got " + a
                    + "; reshape it or redistribute along axis 0 first");
        }
        DType t = a.dtype();
        DataType st = sparkType(t);
        int m = shape.length == 1 ? 1 : Math.toIntExact(shape[1]);
        String[] cols = names;
        if (cols.length == 0) {
            cols = new String[m];
            for (int j = 0; j < m; j++) cols[j] = "c" + j;
        }
        if (cols.length != m) throw new IllegalArgumentException("toDataFrame: " + m + " column(s) need " + m + " names, got " + Arrays.toString(names));
        StructField[] fields = new StructField[m];
        for (int j = 0; j < m; j++) fields[j] = DataTypes.createStructField(cols[j], st, false);
        JavaRDD<Row> rows = a.blocks().flatMap(b -> unpack(b, m, t).iterator());
        a.context().report().op("toDataFrame " + a.name(), false, "each block becomes the rows of its own partition");
        return s.createDataFrame(rows, new StructType(fields));
    }

    static List<Row> unpack(Block b, int m, DType t) {
        ByteBuffer buf = ByteBuffer.wrap(b.data()).order(ByteOrder.nativeOrder());
        int n = Math.toIntExact(b.shape().length == 0 ? 0 : b.shape()[0]);
        List<Row> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] v = new Object[m];
            for (int j = 0; j < m; j++) {
                v[j] = switch (t) {
                    case INT32 -> buf.getInt();
                    case INT64 -> buf.getLong();
                    case FLOAT32 -> buf.getFloat();
                    case FLOAT64 -> buf.getDouble();
                    case BOOL -> buf.get() != 0;
                    default -> throw new IllegalStateException("toDataFrame: unexpected dtype " + t);
                };
            }
            out.add(RowFactory.create(v));
        }
        return out;
    }
}
