package org.jdpx.interop.npy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.jdpx.tensor.DType;

/**
 * Moves a {@code .npy} file's element bytes between streams and host segments in chunks,
 * swapping the byte order where the file's differs from this machine's, so no file is ever
 * held in memory twice.
 */
final class NpyBody {
    /** Bytes moved per step: a multiple of every item size. */
    static final int CHUNK = 1 << 20;

    /** Receives consecutive pieces of element data in native byte order. */
    @FunctionalInterface
    interface Sink {
        void accept(MemorySegment nativeOrder) throws IOException;
    }

    private NpyBody() {
    }

    /**
     * Reads {@code h}'s data from {@code in} (positioned after the header) and hands it to
     * {@code sink} in native byte order, piece by piece, in the file's element order.
     *
     * @throws IOException when the stream ends before all elements, naming how many bytes were expected
     */
    static void read(InputStream in, NpyHeader h, String source, Sink sink) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] buf = new byte[CHUNK];
        MemorySegment heap = MemorySegment.ofArray(buf);
        MemorySegment nat = MemorySegment.ofArray(new byte[CHUNK]);
        long left = h.dataBytes();
        while (left > 0) {
            int n = (int) Math.min(CHUNK, left);
            try {
                d.readFully(buf, 0, n);
            } catch (EOFException e) {
                throw new IOException(source + " is cut short: its header promises " + h.dataBytes() + " bytes of "
                        + h.descr() + " data for shape " + java.util.Arrays.toString(h.shape()), e);
            }
            sink.accept(toNative(heap.asSlice(0, n), nat.asSlice(0, n), h.dtype(), h.byteOrder()));
            left -= n;
        }
    }

    /** Writes {@code data} (native byte order) to {@code out} in {@code order}. */
    static void write(OutputStream out, MemorySegment data, DType t, ByteOrder order) throws IOException {
        byte[] buf = new byte[CHUNK];
        MemorySegment heap = MemorySegment.ofArray(buf);
        for (long off = 0; off < data.byteSize(); off += CHUNK) {
            int n = (int) Math.min(CHUNK, data.byteSize() - off);
            swap(data.asSlice(off, n), ByteOrder.nativeOrder(), heap, order, t);
            out.write(buf, 0, n);
        }
    }

    /**
     * {@code src} (in {@code order}) in native byte order: {@code src} itself when the orders
     * agree, else {@code scratch} (the same size) filled with the swapped bytes.
     */
    static MemorySegment toNative(MemorySegment src, MemorySegment scratch, DType t, ByteOrder order) {
        if (order.equals(ByteOrder.nativeOrder()) || NpyTypes.of(t).swapUnit() == 1) return src;
        swap(src, order, scratch, ByteOrder.nativeOrder(), t);
        return scratch;
    }

    /** Copies {@code src}'s bytes (in {@code from}) to the start of {@code dst} (in {@code to}). */
    static void swap(MemorySegment src, ByteOrder from, MemorySegment dst, ByteOrder to, DType t) {
        int unit = NpyTypes.of(t).swapUnit();
        if (unit == 1 || from.equals(to)) {
            MemorySegment.copy(src, 0, dst, 0, src.byteSize());
            return;
        }
        ValueLayout layout = switch (unit) {
            case 2 -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case 4 -> ValueLayout.JAVA_INT_UNALIGNED;
            case 8 -> ValueLayout.JAVA_LONG_UNALIGNED;
            default -> throw new IllegalStateException("no byte swap for " + unit + "-byte units");
        };
        MemorySegment.copy(src, layout.withOrder(from), 0, dst, layout.withOrder(to), 0, src.byteSize() / unit);
    }
}
