package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;
import org.jocl.Pointer;
import org.jocl.cl_event;
import org.jocl.cl_mem;

/**
 * A block of OpenCL memory. Every kind is a {@code cl_mem} buffer, so copies, fills and kernels
 * treat all kinds alike:
 * <ul>
 *   <li>{@code device}: {@code CL_MEM_READ_WRITE}; on CPU devices with fine-grained SVM buffers
 *       made like {@code shared} (their memory is host memory either way), so that host copies
 *       and fills can be plain memory copies on the calling thread ({@link #directView()});</li>
 *   <li>{@code host}: {@code CL_MEM_ALLOC_HOST_PTR}; {@link #hostView()} maps it;</li>
 *   <li>{@code shared}: on devices with fine-grained SVM buffers, {@code clSVMAlloc} memory wrapped
 *       in a {@code CL_MEM_USE_HOST_PTR} buffer (OpenCL 2.0 allows this), which the host addresses
 *       directly; elsewhere an emulation identical to {@code host}: the block is mapped while the
 *       host looks at it and unmapped before the next device command that touches it.</li>
 * </ul>
 *
 * <p>Mapping rule: {@link #hostView()} maps the whole block (read and write, waiting for the map,
 * see {@link HostCopies#map}) on the
 * device's internal queue and keeps it mapped; every queue command calls
 * {@link #beforeDeviceUse()} first, which unmaps it and closes the view's arena, so a view kept
 * past that point throws {@link IllegalStateException} instead of touching unmapped memory.
 *
 * <p>A block made by {@link OpenClDevice#wrapHost} is a {@code CL_MEM_USE_HOST_PTR} buffer over
 * memory someone else owns; it is mapped like {@code host} memory, and the map returns that
 * memory's own address (OpenCL guarantees it for host-pointer buffers).
 *
 * <p>OpenCL forbids zero-sized buffers: a zero-byte block is backed by {@value #MIN_BACKING} bytes
 * and reports {@code byteSize() == 0}.
 */
final class OpenClMemory implements NativeMemory {

    /** Size of the buffer behind an empty block. */
    static final long MIN_BACKING = 64;

    final OpenClDevice device;
    /**
     * The {@code cl_mem}; for a fine-grained SVM block made on first need ({@link #buffer()}):
     * PoCL finds out whether a {@code CL_MEM_USE_HOST_PTR} pointer is SVM by walking every live
     * SVM allocation of the context, so wrapping each block at allocation cost 13-29 µs with a few
     * thousand blocks alive and 360-700 µs with 16,000-24,000 (array code that drops small arrays
     * keeps that many alive until a collection). Kernels take the SVM pointer and host copies
     * and fills of an idle queue address the memory directly, so most blocks never need one.
     */
    private volatile cl_mem buffer;
    /** The SVM pointer of a fine-grained shared block, else {@code null}. */
    final Pointer svm;
    /** {@code Pointer.to(buffer)} of a block that is not SVM, made once so kernel launches allocate nothing for it; {@code null} for SVM blocks (kernels take their SVM pointer). */
    final Pointer argPointer;
    private final UsmType kind;
    private final long bytes;
    private final long backing;
    private final Arena svmArena;
    private final MemorySegment svmView;
    /** The host memory a {@code CL_MEM_USE_HOST_PTR} block wraps (kept reachable), else {@code null}. */
    private final MemorySegment wrapped;

    private Mapping mapping;         // guarded by this
    private volatile boolean mapped; // fast check for beforeDeviceUse
    private boolean freed;           // guarded by this

    /** A live host mapping: what JOCL returned (needed to unmap), and the scoped view handed out. */
    private record Mapping(ByteBuffer mapped, Arena arena, MemorySegment view) {
    }

    OpenClMemory(OpenClDevice device, UsmType kind, long bytes, cl_mem buffer, Pointer svm) {
        this(device, kind, bytes, buffer, svm, null);
    }

    /** A {@code host} block whose buffer was made with {@code CL_MEM_USE_HOST_PTR} over {@code wrapped}. */
    OpenClMemory(OpenClDevice device, cl_mem buffer, MemorySegment wrapped) {
        this(device, UsmType.HOST, wrapped.byteSize(), buffer, null, wrapped);
    }

    @SuppressWarnings("restricted") // the SVM pointer becomes a segment scoped to this block
    private OpenClMemory(OpenClDevice device, UsmType kind, long bytes, cl_mem buffer, Pointer svm,
                         MemorySegment wrapped) {
        this.wrapped = wrapped;
        this.device = device;
        this.kind = kind;
        this.bytes = bytes;
        this.backing = wrapped != null ? bytes : Math.max(bytes, MIN_BACKING);
        this.buffer = buffer;
        this.svm = svm;
        this.argPointer = buffer == null ? null : Pointer.to(buffer);
        if (svm != null) {
            svmArena = Arena.ofShared();
            long address = MemorySegment.ofBuffer(svm.getByteBuffer(0, backing)).address();
            svmView = MemorySegment.ofAddress(address).reinterpret(bytes, svmArena, null);
        } else {
            svmArena = null;
            svmView = null;
        }
    }

    /**
     * The memory itself as the host addresses it, for a fine-grained SVM block of any kind (the
     * device and the host see each other's writes without mapping); null for other blocks. Unlike
     * {@link #hostView()} it is offered for {@code device} blocks too, for copies and fills the
     * queue makes on the host ({@link OpenClQueue}).
     */
    MemorySegment directView() {
        return svmView;
    }

    /**
     * The {@code cl_mem} of the block, for commands that name one (buffer copies, fills, maps);
     * an SVM block's is made here on first need ({@link #buffer} says why).
     *
     * @throws IllegalStateException after {@link #free()}
     */
    cl_mem buffer() {
        cl_mem b = buffer;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (freed) {
                throw new IllegalStateException("this OpenCL memory block was freed");
            }
            if (buffer == null) {
                buffer = device.wrapSvm(svm, backing, bytes, kind);
            }
            return buffer;
        }
    }

    /** Whether the block's {@code cl_mem} exists yet (an SVM block's is made on first need; tests). */
    boolean hasBuffer() {
        return buffer != null;
    }

    /** The {@code cl_mem} handle. */
    @Override
    public long deviceHandle() {
        return buffer().getNativePointer();
    }

    /** Size of the {@code cl_mem} behind this block (at least {@value #MIN_BACKING}). */
    long backingBytes() {
        return backing;
    }

    @Override
    public UsmType kind() {
        return kind;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    /**
     * Maps the block for the host (or returns the SVM view) and keeps it mapped until the next
     * device command on the block. Blocks until the map is done.
     *
     * @throws UnsupportedOperationException for {@code device} blocks, and for blocks over 2 GiB
     *         (JOCL returns mappings as {@link ByteBuffer}s)
     * @throws IllegalStateException         after {@link #free()}
     */
    @Override
    @SuppressWarnings("restricted") // the mapped pointer becomes a segment scoped to the mapping
    public MemorySegment hostView() {
        if (kind == UsmType.DEVICE) {
            throw new UnsupportedOperationException("device memory has no host view; copy it to the host "
                    + "or allocate it as host or shared memory");
        }
        if (svmView != null) {
            return svmView;
        }
        synchronized (this) {
            if (freed) {
                throw new IllegalStateException("this OpenCL memory block was freed");
            }
            if (mapping != null) {
                return mapping.view;
            }
            if (backing > Integer.MAX_VALUE) {
                throw new UnsupportedOperationException("host views of OpenCL blocks over 2 GiB are not supported "
                        + "(this one has " + bytes + " bytes); copy it in parts instead");
            }
            ByteBuffer bb = HostCopies.map(device.hostQueue, this, CL_MAP_READ | CL_MAP_WRITE, 0, backing, null,
                    "host view of " + bytes + " bytes on " + device.label());
            Arena arena = Arena.ofShared();
            MemorySegment view = MemorySegment.ofAddress(MemorySegment.ofBuffer(bb).address())
                    .reinterpret(bytes, arena, null);
            mapping = new Mapping(bb, arena, view);
            mapped = true;
            return view;
        }
    }

    /**
     * Unmaps the block if the host has it mapped. Every queue command calls this before it
     * enqueues anything that touches the block; the unmap has completed when it returns.
     */
    void beforeDeviceUse() {
        if (mapped) {
            unmap();
        }
    }

    private synchronized void unmap() {
        Mapping m = mapping;
        if (m == null) {
            return;
        }
        mapping = null;
        mapped = false;
        m.arena.close();
        cl_event ev = new cl_event();
        Cl.check(clEnqueueUnmapMemObject(device.hostQueue, buffer(), m.mapped, 0, null, ev),
                "clEnqueueUnmapMemObject", "host view on " + device.label());
        try {
            Cl.check(clWaitForEvents(1, new cl_event[] {ev}), "clWaitForEvents", "unmap on " + device.label());
        } finally {
            clReleaseEvent(ev);
        }
    }

    /** Unmaps, releases the buffer and returns the bytes to the device's count. Idempotent. */
    @Override
    public synchronized void free() {
        if (freed) {
            return;
        }
        unmap();
        freed = true;
        if (buffer != null) {
            clReleaseMemObject(buffer);
        }
        if (svm != null) {
            svmArena.close();
            clSVMFree(device.context, svm);
        }
        if (wrapped == null) {
            device.released(bytes);
        }
    }

    @Override
    public String toString() {
        return "OpenClMemory[" + kind.dpctlName() + ", " + bytes + " bytes on " + device.label()
                + (svm != null ? ", fine-grained SVM" : "") + (wrapped != null ? ", wrapping host memory" : "") + "]";
    }
}
