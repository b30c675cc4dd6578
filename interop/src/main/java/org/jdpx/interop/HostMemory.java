package org.jdpx.interop;

import java.lang.System.Logger.Level;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;
import org.jdpx.usm.UsmMemory;

/**
 * Java memory as jdpx arrays and back: a native {@link MemorySegment} or a direct
 * {@link ByteBuffer} becomes a {@link UsmNdArray} <em>without copying</em> where the device can
 * address host memory in place (the java device always; OpenCL CPU and host-unified devices
 * through a {@code CL_MEM_USE_HOST_PTR} buffer when the address meets the device's base-address
 * alignment), and a copy otherwise; the result says which ({@link Wrapped#zeroCopy()}) and a DEBUG
 * line on logger {@code org.jdpx.interop} says why. Arrays over host-accessible memory come back
 * out as segments or buffers over that same memory.
 *
 * <p>Lifetime: a wrapping array keeps the buffer (or the segment, and so an automatic arena)
 * reachable; when the segment's arena is closed explicitly, every later use of the array throws
 * {@link IllegalStateException}. Closing the arena while a kernel runs on the array is the
 * caller's error, as freeing memory under any running code is.
 */
public final class HostMemory {

    private static final System.Logger LOG = System.getLogger("org.jdpx.interop");

    private HostMemory() {
    }

    /**
     * A C-order array of {@code shape} over the start of {@code segment}.
     *
     * @see #wrap(MemorySegment, DType, View, Queue, boolean, Object)
     */
    public static Wrapped wrap(MemorySegment segment, DType dtype, Queue queue, long... shape) {
        return wrap(segment, dtype, View.contiguous(shape), queue, segment.isReadOnly(), null);
    }

    /**
     * An array over {@code segment} with any layout: {@code view}'s shape, strides and offset are
     * in elements from the segment's start, in native byte order. Zero-copy where the queue's
     * device can address the memory (see the class comment); otherwise the bytes the view spans
     * are copied into new {@code host} USM memory of the device and the copy is writable. Either
     * way the array's USM kind is {@code host}.
     *
     * @param readOnly  whether writes through the array must be refused (read-only segments are)
     * @param keepAlive an object to keep reachable while the array uses the memory, or {@code null}
     * @throws IllegalArgumentException when the view reaches outside the segment
     */
    public static Wrapped wrap(MemorySegment segment, DType dtype, View view, Queue queue, boolean readOnly,
                               Object keepAlive) {
        long[] span = span(view);
        long need = (span[1] + 1) * dtype.itemSize();
        if (view.size() > 0 && (span[0] < 0 || need > segment.byteSize())) {
            throw new IllegalArgumentException(view + " of " + dtype + " reaches outside a segment of "
                    + segment.byteSize() + " bytes");
        }
        String why = whyNotShared(segment, dtype, view);
        if (why == null) {
            UsmMemory m = UsmMemory.wrapHost(queue, segment, readOnly || segment.isReadOnly(), keepAlive);
            if (m != null) {
                LOG.log(Level.DEBUG, () -> "wrapped " + segment.byteSize() + " bytes at 0x"
                        + Long.toHexString(segment.address()) + " as " + dtype + Shapes.describe(view.shape())
                        + " on " + queue.device().filterString() + " without copying");
                return new Wrapped(UsmNdArray.wrap(m, view, dtype, queue), true);
            }
            why = queue.device().filterString() + " cannot address this host memory in place (not a CPU or "
                    + "host-unified device, or the address is not aligned to its CL_DEVICE_MEM_BASE_ADDR_ALIGN)";
        }
        String reason = why;
        LOG.log(Level.DEBUG, () -> "copied " + dtype + Shapes.describe(view.shape()) + " to "
                + queue.device().filterString() + ": " + reason);
        long bytes = view.size() == 0 ? 0 : need;
        UsmMemory m = UsmMemory.allocate(queue, UsmType.HOST, Math.max(bytes, dtype.itemSize()));
        if (bytes > 0) {
            m.copyFromHost(segment.asSlice(0, bytes));
        }
        return new Wrapped(UsmNdArray.wrap(m, view, dtype, queue), false);
    }

    /**
     * An array of {@code shape} (C order) over a buffer's remaining bytes; zero-copy for direct
     * buffers where the device allows, a copy for heap buffers. The buffer's byte order is ignored:
     * the data must be in native order. Read-only buffers give read-only arrays.
     */
    public static Wrapped wrap(ByteBuffer buffer, DType dtype, Queue queue, long... shape) {
        MemorySegment s = MemorySegment.ofBuffer(buffer);
        return wrap(s, dtype, View.contiguous(shape), queue, buffer.isReadOnly(), buffer);
    }

    /** Why the segment cannot be shared whatever the device, or {@code null}. */
    private static String whyNotShared(MemorySegment segment, DType dtype, View view) {
        if (!segment.isNative()) {
            return "the segment is on the Java heap, which devices cannot address";
        }
        if (segment.byteSize() == 0 || view.size() == 0) {
            return "the array is empty; there is nothing to share";
        }
        if (segment.address() % dtype.itemSize() != 0) {
            return "the address 0x" + Long.toHexString(segment.address()) + " is not aligned to the "
                    + dtype.itemSize() + "-byte " + dtype;
        }
        return null;
    }

    /**
     * The lowest and highest element index a view reaches, counted from its memory's start
     * (offset included); what a segment must cover for the view.
     */
    public static long[] span(View view) {
        long lo = view.offset();
        long hi = view.offset();
        for (int a = 0; a < view.rank(); a++) {
            long reach = (view.shape()[a] - 1) * view.strides()[a];
            if (reach < 0) {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        return new long[] {lo, hi};
    }

    /**
     * The host memory an array's elements live in, without copying: the bytes from its
     * lowest-addressed to its highest-addressed element (for a C-contiguous array exactly its
     * elements in C order; otherwise element {@code i} lies {@code strides()} elements apart, see
     * {@link UsmNdArray#view()}). Computes a lazy array first and waits for the work on its memory.
     * The segment stops working when the array's memory is freed. On OpenCL {@code host}/{@code
     * shared} memory without fine-grained SVM it is a mapping, valid until the next device command
     * on the memory.
     *
     * @throws UnsupportedOperationException for {@code device} memory, naming the device and the
     *         ways out
     */
    public static MemorySegment asSegment(UsmNdArray array) {
        UsmMemory m = array.memory();
        if (m.kind() == UsmType.DEVICE) {
            throw new UnsupportedOperationException("the array lives in device USM memory on "
                    + array.device().filterString() + ", which the host cannot address; copy it with "
                    + "toHostSegment(), or create it with usmType host or shared");
        }
        int item = array.dtype().itemSize();
        if (array.size() == 0) {
            return m.hostSegment().asSlice(0, 0);
        }
        long[] span = span(array.view());
        return m.hostSegment().asSlice(span[0] * item, (span[1] - span[0] + 1) * item);
    }

    /**
     * {@link #asSegment} as a direct buffer in native byte order, without copying.
     *
     * @throws UnsupportedOperationException for device memory, and for spans over 2 GiB
     */
    public static ByteBuffer asByteBuffer(UsmNdArray array) {
        MemorySegment s = asSegment(array);
        if (s.byteSize() > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("a ByteBuffer holds at most 2 GiB, this array spans "
                    + s.byteSize() + " bytes; use asSegment instead");
        }
        return s.asByteBuffer().order(ByteOrder.nativeOrder());
    }
}
