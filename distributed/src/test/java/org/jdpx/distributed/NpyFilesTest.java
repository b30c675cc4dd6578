package org.jdpx.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.dpnp.RandomState;
import org.jdpx.interop.npy.Npy;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .npy} files read and written by the executors on the shared {@code local[3]} Spark:
 * blocks (uneven, empty) read from their byte ranges equal the single-process load exactly, files
 * written block by block are byte for byte what {@code Tensor.save} writes, and what cannot be
 * written per block goes through the driver, as the report says.
 */
class NpyFilesTest {
    /** Uneven, with empty blocks first, in the middle and last. */
    static final long[] SIZES = {0, 5, 3, 0, 9, 1, 4, 0};
    static final DistContext ctx = LocalSpark.context();
    static final ArrayOptions on = ArrayOptions.on(ctx.driverQueue());

    @TempDir
    Path dir;

    static UsmNdArray local(int seed, long... shape) {
        return new RandomState(seed, on).uniform(-1, 1, shape);
    }

    private String lastOp() {
        var ops = ctx.report().operations();
        return ops.get(ops.size() - 1).toString();
    }

    @Test
    void unevenAndEmptyBlocksReadTheirRowsFromTheFile() throws IOException {
        UsmNdArray a = local(11, 22, 3);
        Path in = dir.resolve("a.npy");
        Tensor.save(in, a);
        DistArray d = ctx.load(in, Layout.sized(a.shape(), 0, SIZES));
        assertEquals("1D_Block(axis 0: 0+5+3+0+9+1+4+0)", d.layout().describe());
        assertEquals(8, d.rdd().getNumPartitions());
        assertTrue(lastOp().contains("each block by its executor"), lastOp());
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(a.toDoubleArray(), d.toLocal().toDoubleArray());

        UsmNdArray ints = Tensor.arange(0, 2 * 7 * 3, 1, on.dtype(DType.INT32)).reshape(7, 2, 3);
        Tensor.save(in, ints);
        DistArray di = ctx.load(in, 5); // 2+2+1+1+1
        assertEquals(DType.INT32, di.dtype());
        assertArrayEquals(new long[] {7, 2, 3}, di.shape());
        assertArrayEquals(ints.toIntArray(), di.toLocal().toIntArray());
        DistArray tooMany = ctx.load(in, 9); // two empty blocks at the end
        assertEquals("1D_Block(axis 0: 1+1+1+1+1+1+1+0+0)", tooMany.layout().describe());
        assertArrayEquals(ints.toIntArray(), tooMany.toLocal().toIntArray());
    }

    @Test
    void fortranOrderAndBigEndianFilesReadAsTheSingleProcessLoad() throws IOException {
        UsmNdArray a = local(12, 4, 13);
        Path f = dir.resolve("f.npy");
        Tensor.save(f, a.T()); // NumPy writes a transposed matrix in Fortran order
        assertTrue(Npy.map(f).header().fortranOrder());
        assertArrayEquals(Tensor.load(f, on).toDoubleArray(), ctx.load(f, 4).toLocal().toDoubleArray());
        Path b = dir.resolve("b.npy");
        UsmNdArray l = Tensor.arange(-50, 50, 3, on.dtype(DType.INT64));
        Npy.save(b, l, ByteOrder.BIG_ENDIAN, 0);
        assertArrayEquals(l.toLongArray(), ctx.load(b, Layout.sized(l.shape(), 0, 0, 30, 0, 4)).toLocal().toLongArray());
    }

    @Test
    void executorsWriteTheBytesTensorSaveWrites() throws IOException {
        UsmNdArray a = local(13, 22, 3);
        DistArray d = ctx.fromLocal(a, Layout.sized(a.shape(), 0, SIZES)).multiply(2);
        Path out = dir.resolve("out.npy"), golden = dir.resolve("golden.npy");
        Files.write(out, new byte[5000]); // a longer file is cut to the new one's length
        d.save(out);
        assertTrue(lastOp().contains("each block by its executor at its offset"), lastOp());
        Tensor.save(golden, a.multiply(2).eval());
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(out));

        DistArray flags = ctx.fromLocal(Tensor.arange(0, 10, 1, on).astype(DType.BOOL).eval(), 0, 4);
        flags.save(out);
        Tensor.save(golden, flags.toLocal());
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(out));
        DistArray empty = ctx.fromLocal(Tensor.empty(new long[] {0, 2}, on), 0, 3);
        empty.save(out);
        Tensor.save(golden, empty.toLocal());
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(out));
    }

    @Test
    void blocksSplitAlongAnotherAxisAreWrittenByTheDriver() throws IOException {
        UsmNdArray a = local(14, 5, 7);
        DistArray cols = ctx.fromLocal(a, 1, 3);
        Path out = dir.resolve("cols.npy"), golden = dir.resolve("golden.npy");
        cols.save(out);
        assertTrue(lastOp().contains("gathered and written by the driver"), lastOp());
        Tensor.save(golden, a);
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(out));
    }

    @Test
    void badFilesAndLayoutsAreRefusedByName() {
        Path scalar = dir.resolve("scalar.npy");
        Tensor.save(scalar, Tensor.full(new long[0], 3.0, on));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ctx.load(scalar, 2));
        assertTrue(e.getMessage().contains("0-d") && e.getMessage().contains("Tensor.load"), e.getMessage());
        Path m = dir.resolve("m.npy");
        Tensor.save(m, local(15, 6, 2));
        e = assertThrows(IllegalArgumentException.class, () -> ctx.load(m, Layout.sized(new long[] {7, 2}, 0, 3, 4)));
        assertTrue(e.getMessage().contains("[6, 2]"), e.getMessage());
        UncheckedIOException io = assertThrows(UncheckedIOException.class, () -> ctx.load(dir.resolve("missing.npy"), 2));
        assertTrue(io.getMessage().contains("missing.npy"), io.getMessage());
    }
}
