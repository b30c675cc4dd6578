package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;

/**
 * Copies between host segments and OpenCL buffers, in one of two ways:
 * <ul>
 *   <li><b>map</b> (devices whose memory is host memory: CPU devices, integrated GPUs): map the
 *       buffer region (blocking; {@code CL_MAP_WRITE_INVALIDATE_REGION} for writes), copy with
 *       {@link MemorySegment#copy}, unmap. This avoids PoCL's {@code clEnqueueWriteBuffer}, whose
 *       {@code memcpy} runs at a quarter speed because its buffers start 128 bytes into a page. The
 *       copy happens on the calling thread before the method returns; only the unmap is queued.</li>
 *   <li><b>read/write</b> (discrete devices): {@code clEnqueueWriteBuffer}/{@code ReadBuffer},
 *       non-blocking for native segments, blocking for heap segments (JOCL pins arrays only for
 *       the duration of a call).</li>
 * </ul>
 * Transfers are split into pieces of at most {@value #CHUNK} bytes because JOCL hands buffers and
 * mappings around as {@link ByteBuffer}s, whose size is an {@code int}.
 */
final class HostCopies {

    /** Largest piece per OpenCL call. */
    static final long CHUNK = 1L << 30;

    private HostCopies() {
    }

    /** Host to device by mapping; returns the last unmap's event. */
    static cl_event writeByMap(cl_command_queue q, OpenClMemory dst, long offset, MemorySegment src, cl_event[] wait) {
        long n = src.byteSize();
        cl_event last = null;
        for (long pos = 0; pos < n; pos += CHUNK) {
            long len = Math.min(CHUNK, n - pos);
            ByteBuffer bb = map(q, dst, CL_MAP_WRITE_INVALIDATE_REGION, offset + pos, len, pos == 0 ? wait : null,
                    "copy of " + len + " bytes to " + dst);
            MemorySegment.copy(src, pos, MemorySegment.ofBuffer(bb), 0, len);
            last = unmap(q, dst, bb, last);
        }
        return last;
    }

    /** Device to host by mapping; returns the last unmap's event. */
    static cl_event readByMap(cl_command_queue q, OpenClMemory src, long offset, MemorySegment dst, cl_event[] wait) {
        long n = dst.byteSize();
        cl_event last = null;
        for (long pos = 0; pos < n; pos += CHUNK) {
            long len = Math.min(CHUNK, n - pos);
            ByteBuffer bb = map(q, src, CL_MAP_READ, offset + pos, len, pos == 0 ? wait : null,
                    "copy of " + len + " bytes from " + src);
            MemorySegment.copy(MemorySegment.ofBuffer(bb), 0, dst, pos, len);
            last = unmap(q, src, bb, last);
        }
        return last;
    }

    /**
     * Maps a region and returns once the map command has completed. The map is enqueued
     * non-blocking and then awaited through its event, rather than enqueued blocking: Mesa
     * rusticl (22.x) returns from a blocking map early when another thread flushes or waits on the
     * same queue meanwhile (its flush takes the queue's pending commands, so the blocking call finds
     * none to wait for), and the pointer is then not yet registered as mapped, so the matching
     * {@code clEnqueueUnmapMemObject} fails with {@code CL_INVALID_VALUE}. A non-blocking map
     * registers the pointer before it returns, and the event wait covers the rest.
     */
    static ByteBuffer map(cl_command_queue q, OpenClMemory m, long flags, long offset, long len, cl_event[] wait,
                          String what) {
        int[] err = new int[1];
        cl_event done = new cl_event();
        ByteBuffer bb = clEnqueueMapBuffer(q, m.buffer(), false, flags, offset, len, WaitList.size(wait), wait, done,
                err);
        Cl.check(err[0], "clEnqueueMapBuffer", what);
        try {
            Cl.check(clWaitForEvents(1, new cl_event[] {done}), "clWaitForEvents", "map for " + what);
        } finally {
            clReleaseEvent(done);
        }
        return bb;
    }

    private static cl_event unmap(cl_command_queue q, OpenClMemory m, ByteBuffer bb, cl_event previous) {
        if (previous != null) {
            clReleaseEvent(previous);
        }
        cl_event ev = new cl_event();
        Cl.check(clEnqueueUnmapMemObject(q, m.buffer(), bb, 0, null, ev), "clEnqueueUnmapMemObject", m.toString());
        return ev;
    }

    /** Host to device with {@code clEnqueueWriteBuffer}; returns the last write's event. */
    static cl_event write(cl_command_queue q, OpenClMemory dst, long offset, MemorySegment src, cl_event[] wait) {
        if (!src.isNative() && hostArray(src) == null) {
            return bounced(src, bounce -> write(q, dst, offset, bounce, wait));
        }
        long n = src.byteSize();
        cl_event last = null;
        for (long pos = 0; pos < n; pos += CHUNK) {
            long len = Math.min(CHUNK, n - pos);
            MemorySegment piece = src.asSlice(pos, len);
            boolean blocking = !piece.isNative();
            cl_event ev = new cl_event();
            Cl.check(clEnqueueWriteBuffer(q, dst.buffer(), blocking, offset + pos, len, pointer(piece),
                    pos == 0 ? WaitList.size(wait) : 0, pos == 0 ? wait : null, ev),
                    "clEnqueueWriteBuffer", "copy of " + len + " bytes to " + dst);
            if (last != null) {
                clReleaseEvent(last);
            }
            last = ev;
        }
        return last;
    }

    /** Device to host with {@code clEnqueueReadBuffer}; returns the last read's event. */
    static cl_event read(cl_command_queue q, OpenClMemory src, long offset, MemorySegment dst, cl_event[] wait) {
        if (!dst.isNative() && hostArray(dst) == null) {
            throw new IllegalArgumentException("cannot copy into a read-only segment: " + dst);
        }
        long n = dst.byteSize();
        cl_event last = null;
        for (long pos = 0; pos < n; pos += CHUNK) {
            long len = Math.min(CHUNK, n - pos);
            MemorySegment piece = dst.asSlice(pos, len);
            boolean blocking = !piece.isNative();
            cl_event ev = new cl_event();
            Cl.check(clEnqueueReadBuffer(q, src.buffer(), blocking, offset + pos, len, pointer(piece),
                    pos == 0 ? WaitList.size(wait) : 0, pos == 0 ? wait : null, ev),
                    "clEnqueueReadBuffer", "copy of " + len + " bytes from " + src);
            if (last != null) {
                clReleaseEvent(last);
            }
            last = ev;
        }
        return last;
    }

    /** A JOCL pointer to a native segment (through a direct buffer) or to a heap segment's array. */
    private static Pointer pointer(MemorySegment s) {
        if (s.isNative()) {
            return Pointer.to(s.asByteBuffer());
        }
        Object array = hostArray(s);
        Pointer p = switch (array) {
            case byte[] a -> Pointer.to(a);
            case short[] a -> Pointer.to(a);
            case char[] a -> Pointer.to(a);
            case int[] a -> Pointer.to(a);
            case float[] a -> Pointer.to(a);
            case long[] a -> Pointer.to(a);
            case double[] a -> Pointer.to(a);
            default -> throw new IllegalArgumentException("unsupported heap segment: " + s);
        };
        // For heap segments, address() is the byte offset into the array.
        return p.withByteOffset(s.address());
    }

    private static Object hostArray(MemorySegment s) {
        return s.heapBase().orElse(null);
    }

    /** Runs a transfer through a temporary native copy, for read-only heap segments. */
    private static cl_event bounced(MemorySegment src, Function<MemorySegment, cl_event> op) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment tmp = arena.allocate(src.byteSize(), 64);
            MemorySegment.copy(src, 0, tmp, 0, src.byteSize());
            cl_event ev = op.apply(tmp);
            // The temporary dies with the arena: wait for the transfer first.
            Cl.check(clWaitForEvents(1, new cl_event[] {ev}), "clWaitForEvents", "bounced copy");
            return ev;
        }
    }
}
