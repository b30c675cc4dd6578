package org.jdpx.distributed;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jdpx.device.Queue;
import org.jdpx.interop.npy.MappedNpy;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.NpyHeader;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;

/**
 * {@code .npy} files read and written by the executors that hold the blocks, not through the
 * driver: the driver reads or writes only the header, and each block's task maps the file (read)
 * or writes its bytes at its offset into the pre-sized file (write). The path must name the same
 * file on every executor (a local path in local mode, a shared file system on a cluster).
 */
final class NpyFiles {

    private NpyFiles() {
    }

    /**
     * The file's array split as {@code layout} says (null: {@code blocks} blocks along axis 0), each
     * block read by its executor from the file's pages under it (C or Fortran order, either byte order).
     */
    static DistArray read(DistContext ctx, Path path, Layout layout, int blocks) {
        NpyHeader h = header(path);
        if (h.shape().length == 0) {
            throw new IllegalArgumentException("load: " + path + " holds a 0-d array, which cannot be split; read it with Tensor.load");
        }
        Layout l = layout != null ? layout : Layout.block(h.shape(), 0, blocks);
        if (!Arrays.equals(l.shape(), h.shape()) || l.kind() != Layout.Kind.BLOCK_1D) {
            throw new IllegalArgumentException("load: layout " + l + " does not split the file's shape "
                    + Arrays.toString(h.shape()) + " into blocks; make it with Layout.sized(shape, axis, sizes)");
        }
        Queue driver = ctx.driverQueue();
        DType t = ArrayOptions.on(driver).resolveDtype(driver, h.dtype());
        String file = path.toAbsolutePath().toString();
        String dev = ctx.device();
        DistArray d = ctx.generated(l, t, "read from " + path.getFileName() + " (" + (h.fortranOrder() ? "Fortran" : "C")
                + " order)", i -> {
                    try (MappedNpy m = Npy.map(Path.of(file))) {
                        return m.get(DistContext.sliceIndex(l, i), ArrayOptions.on(Placement.queue(dev)).dtype(t));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        ctx.report().op("load " + path.getFileName(), false, "header read by the driver, each block by its executor");
        return d;
    }

    /**
     * Writes {@code d} as NumPy's {@code np.save} would (C order, native byte order, the same
     * bytes): the driver writes the header and sizes the file, each block's executor writes its
     * rows at their offset. An array split along another axis than 0 is not contiguous in the
     * file per block and is gathered and written by the driver.
     */
    static void write(DistArray d, Path path) {
        Layout l = d.layout();
        if (l.kind() != Layout.Kind.BLOCK_1D || l.axis() != 0) {
            Tensor.save(path, d.toLocal());
            d.context().report().op("save " + path.getFileName(), false, "gathered and written by the driver: blocks split along axis "
                    + l.axis() + " are not contiguous in a C-order file");
            return;
        }
        NpyHeader h = NpyHeader.of(d.dtype(), ByteOrder.nativeOrder(), false, l.shape(), 0);
        long rowBytes = l.sliceSize() * d.dtype().itemSize();
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(0);
            f.write(h.encode());
            f.setLength(h.dataOffset() + h.dataBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write the header of " + path, e);
        }
        String file = path.toAbsolutePath().toString();
        long base = h.dataOffset();
        d.rdd().foreach(b -> {
            if (b.data().length == 0) return;
            if (b.data().length != l.extent(b.index()) * rowBytes) {
                throw new IllegalStateException("save: block " + b.index() + " holds " + b.data().length + " bytes of "
                        + b.dtype() + ", not the " + l.extent(b.index()) * rowBytes + " its rows take in the file");
            }
            try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(b.data());
                long at = base + l.start(b.index()) * rowBytes;
                while (buf.hasRemaining()) at += ch.write(buf, at);
            }
        });
        d.context().report().op("save " + path.getFileName(), false, "header written by the driver, each block by its executor at its offset");
    }

    private static NpyHeader header(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return NpyHeader.read(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("load: " + e.getMessage(), e);
        }
    }
}
