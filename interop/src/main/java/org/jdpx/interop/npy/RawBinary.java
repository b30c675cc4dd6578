package org.jdpx.interop.npy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Headerless binary data, NumPy's {@code np.fromfile}, {@code ndarray.tofile} and
 * {@code np.frombuffer}: elements in this machine's byte order, C order, nothing else. The
 * bytes stream in 1 MiB pieces onto the options' device (dpnp copies too: device memory cannot
 * alias a Java buffer; for zero-copy wrapping of host memory see {@code org.jdpx.interop}).
 */
public final class RawBinary {

    private RawBinary() {
    }

    /**
     * {@code count} elements of {@code dtype} from byte {@code offset} of a file ({@code count}
     * -1: all that follow), as a 1-D array on the options' device.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file holds fewer elements than asked for, or the
     *         bytes after {@code offset} are not a whole number of elements when {@code count} is -1
     */
    public static UsmNdArray fromfile(Path path, DType dtype, long count, long offset, ArrayOptions options) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long n = count(ch.size() - offset, dtype, count, path.toString());
            ByteBuffer buf = ByteBuffer.allocateDirect(NpyBody.CHUNK);
            MemorySegment seg = MemorySegment.ofBuffer(buf);
            long pos = offset;
            long left = n * dtype.itemSize();
            try (DeviceArrays.Filler f = DeviceArrays.filler(dtype, new long[] {n}, 'C', options)) {
                while (left > 0) {
                    buf.clear().limit((int) Math.min(NpyBody.CHUNK, left));
                    while (buf.hasRemaining()) {
                        int r = ch.read(buf, pos + buf.position());
                        if (r < 0) throw new IOException(path + " ended while reading");
                    }
                    f.accept(seg.asSlice(0, buf.limit()));
                    pos += buf.limit();
                    left -= buf.limit();
                }
                return f.finish();
            }
        }
    }

    /**
     * {@code count} elements of {@code dtype} from byte {@code offset} of a buffer's remaining
     * bytes ({@code count} -1: all), copied into a 1-D array on the options' device.
     *
     * @throws IllegalArgumentException as {@link #fromfile}, in NumPy's words
     */
    public static UsmNdArray frombuffer(ByteBuffer buffer, DType dtype, long count, long offset, ArrayOptions options) {
        MemorySegment all = MemorySegment.ofBuffer(buffer);
        if (offset < 0 || offset > all.byteSize()) {
            throw new IllegalArgumentException("offset must be non-negative and no greater than buffer length (" + all.byteSize() + ")");
        }
        long n = count(all.byteSize() - offset, dtype, count, "buffer");
        try (DeviceArrays.Filler f = DeviceArrays.filler(dtype, new long[] {n}, 'C', options)) {
            MemorySegment data = all.asSlice(offset, n * dtype.itemSize());
            for (long at = 0; at < data.byteSize(); at += NpyBody.CHUNK) {
                f.accept(data.asSlice(at, Math.min(NpyBody.CHUNK, data.byteSize() - at)));
            }
            return f.finish();
        }
    }

    /**
     * Writes {@code x}'s elements in C order and native byte order, no header ({@code x.tofile(path)}).
     *
     * @throws IOException when the file cannot be written
     */
    public static void tofile(UsmNdArray x, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), NpyBody.CHUNK)) {
            DeviceArrays.drain(x, false, piece -> NpyBody.write(out, piece, x.dtype(), ByteOrder.nativeOrder()));
        }
    }

    private static long count(long bytes, DType t, long count, String source) {
        if (count < -1) throw new IllegalArgumentException("count must be -1 (all) or non-negative, not " + count);
        if (count == -1) {
            if (bytes % t.itemSize() != 0) {
                throw new IllegalArgumentException(source + ": buffer size (" + bytes + " bytes) must be a multiple of element size ("
                        + t.itemSize() + " for " + t + ")");
            }
            return bytes / t.itemSize();
        }
        if (count * t.itemSize() > bytes) {
            throw new IllegalArgumentException(source + ": buffer is smaller than requested size: " + count + " elements of " + t
                    + " need " + count * t.itemSize() + " bytes, " + Math.max(0, bytes) + " remain");
        }
        return count;
    }
}
