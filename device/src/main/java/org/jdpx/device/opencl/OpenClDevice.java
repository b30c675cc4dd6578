package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.DeviceType;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.DeviceDriver;
import org.jdpx.device.spi.HugePages;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.ProgramDriver;
import org.jdpx.device.spi.ProgramSource;
import org.jdpx.device.spi.QueueDriver;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_queue_properties;

/**
 * One OpenCL device with its own {@code cl_context} (one per device, so a device's events, memory
 * and programs never mix with another's) and an internal queue that maps and unmaps host views.
 *
 * <p>Memory accounting: OpenCL has no "free memory" query and PoCL allocates lazily, so the device
 * counts the bytes of its live blocks and refuses a request above {@code CL_DEVICE_GLOBAL_MEM_SIZE}
 * minus that count, or above {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}, before asking the driver.
 */
final class OpenClDevice implements DeviceDriver {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device.opencl");

    final cl_platform_id platform;
    final cl_device_id id;
    final ClDeviceProfile profile;
    final cl_context context;
    /** Where host views are mapped and unmapped; never used for user commands. */
    final cl_command_queue hostQueue;
    private final AtomicLong allocated = new AtomicLong();
    /** Host memory of the destructor-callback probe; static, since a driver may keep it past release. */
    private static final MemorySegment PROBE = Arena.global().allocate(4096, 4096);
    /** Whether buffer destructor callbacks run on this device; {@code null} until probed. */
    private volatile Boolean destructorCallbacks;

    OpenClDevice(cl_platform_id platform, cl_device_id id, ClDeviceProfile profile) {
        this.platform = platform;
        this.id = id;
        this.profile = profile;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, platform);
        int[] err = new int[1];
        this.context = clCreateContext(props, 1, new cl_device_id[] {id}, null, null, err);
        Cl.check(err[0], "clCreateContext", profile.info().name());
        this.hostQueue = newQueue(false);
        LOG.log(Level.DEBUG, () -> "OpenCL device " + label() + ": " + profile.info().version() + ", memory model: "
                + memoryModel());
    }

    /** The device's name and platform, for messages. */
    String label() {
        return profile.info().name() + " [" + profile.info().platform() + "]";
    }

    @Override
    public DeviceInfo info() {
        return profile.info();
    }

    /** Creates an in-order queue, with the 2.0 call where the device has it. */
    @SuppressWarnings("deprecation") // clCreateCommandQueue is the only call OpenCL 1.2 devices have
    cl_command_queue newQueue(boolean profiling) {
        int[] err = new int[1];
        cl_command_queue q;
        if (profile.atLeast(2, 0)) {
            cl_queue_properties props = new cl_queue_properties();
            if (profiling) {
                props.addProperty(CL_QUEUE_PROPERTIES, CL_QUEUE_PROFILING_ENABLE);
            }
            q = clCreateCommandQueueWithProperties(context, id, props, err);
        } else {
            q = clCreateCommandQueue(context, id, profiling ? CL_QUEUE_PROFILING_ENABLE : 0, err);
        }
        Cl.check(err[0], "clCreateCommandQueue", label());
        return q;
    }

    @Override
    public QueueDriver createQueue(boolean profiling) {
        return new OpenClQueue(this, newQueue(profiling), profiling);
    }

    /**
     * Allocates a block; see {@link OpenClMemory} for how each kind is made.
     *
     * @throws DeviceOutOfMemoryException when the request exceeds the single-allocation limit or
     *         the memory left, or the driver refuses it
     */
    @Override
    public NativeMemory allocate(UsmType kind, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("allocation size must not be negative: " + bytes);
        }
        DeviceInfo info = profile.info();
        if (bytes > info.maxAllocBytes()) {
            throw new DeviceOutOfMemoryException(label(), bytes, availableMemoryBytes(),
                    "more than the largest single allocation the device accepts (CL_DEVICE_MAX_MEM_ALLOC_SIZE = "
                            + info.maxAllocBytes() + " bytes)");
        }
        long before = allocated.addAndGet(bytes);
        if (before > info.globalMemBytes()) {
            allocated.addAndGet(-bytes);
            throw new DeviceOutOfMemoryException(label(), bytes, availableMemoryBytes(),
                    "the device has " + info.globalMemBytes() + " bytes of global memory (CL_DEVICE_GLOBAL_MEM_SIZE)");
        }
        try {
            return create(kind, bytes);
        } catch (RuntimeException | Error e) {
            allocated.addAndGet(-bytes);
            throw e;
        }
    }

    private OpenClMemory create(UsmType kind, long bytes) {
        long backing = Math.max(bytes, OpenClMemory.MIN_BACKING);
        boolean svmDevice = kind == UsmType.DEVICE && profile.info().type() == DeviceType.CPU
                && bytes < HugePages.thresholdBytes();
        if ((kind == UsmType.SHARED || svmDevice) && profile.fineGrainSvm()) {
            Pointer svm = clSVMAlloc(context, CL_MEM_READ_WRITE | CL_MEM_SVM_FINE_GRAIN_BUFFER, backing, 0);
            if (svm == null || svm.getNativePointer() == 0) {
                throw new DeviceOutOfMemoryException(label(), bytes, availableMemoryBytes(), "clSVMAlloc returned NULL");
            }
            return new OpenClMemory(this, kind, bytes, null, svm); // its buffer comes on first need
        }
        OpenClMemory huge = hugePageBuffer(kind, bytes);
        if (huge != null) {
            return huge;
        }
        long flags = kind == UsmType.DEVICE ? CL_MEM_READ_WRITE : CL_MEM_READ_WRITE | CL_MEM_ALLOC_HOST_PTR;
        int[] err = new int[1];
        cl_mem buf = clCreateBuffer(context, flags, backing, null, err);
        if (err[0] != CL_SUCCESS) {
            throw bufferError(err[0], kind, bytes);
        }
        return new OpenClMemory(this, kind, bytes, buf, null);
    }

    /**
     * The {@code CL_MEM_USE_HOST_PTR} buffer over an SVM block's memory, made when a command first
     * names the block's {@code cl_mem} (OpenCL 2.0 allows wrapping SVM memory so).
     *
     * @throws DeviceOutOfMemoryException when the driver is out of resources for it
     */
    cl_mem wrapSvm(Pointer svm, long backing, long bytes, UsmType kind) {
        int[] err = new int[1];
        cl_mem buf = clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, backing, svm, err);
        if (err[0] != CL_SUCCESS) {
            throw bufferError(err[0], kind, bytes);
        }
        return buf;
    }

    /** The exception for a failed {@code clCreateBuffer}: out of memory where the driver says so. */
    private RuntimeException bufferError(int err, UsmType kind, long bytes) {
        if (err == CL_MEM_OBJECT_ALLOCATION_FAILURE || err == CL_OUT_OF_RESOURCES
                || err == CL_OUT_OF_HOST_MEMORY || err == CL_INVALID_BUFFER_SIZE) {
            return new DeviceOutOfMemoryException(label(), bytes, availableMemoryBytes(),
                    "clCreateBuffer returned " + OpenClException.name(err));
        }
        return new OpenClException("clCreateBuffer", err, kind.dpctlName() + " block of " + bytes + " bytes on "
                + label());
    }

    /**
     * On CPU devices, a large block as a {@code CL_MEM_USE_HOST_PTR} buffer over huge-page host
     * memory ({@link HugePages}): the driver's own allocations get 4 KiB pages, which cost
     * streaming kernels TLB misses. The memory is unmapped by the buffer's destructor callback,
     * that is when the driver has really destroyed the buffer (after any command still using it),
     * not merely when {@link OpenClMemory#free()} drops our reference. {@code null} when the
     * block is small, the device is not a CPU, or huge pages are unavailable.
     */
    private OpenClMemory hugePageBuffer(UsmType kind, long bytes) {
        if (profile.info().type() != DeviceType.CPU || bytes > Integer.MAX_VALUE
                || bytes < HugePages.thresholdBytes() || HugePages.PAGE % baseAddressAlignment() != 0
                || !destructorCallbacksRun()) {
            return null;
        }
        HugePages.Block block = HugePages.allocate(bytes).orElse(null);
        if (block == null) {
            return null;
        }
        int[] err = new int[1];
        cl_mem buf = clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, bytes,
                Pointer.to(block.segment().asByteBuffer()), err);
        if (err[0] != CL_SUCCESS) {
            block.release();
            LOG.log(Level.DEBUG, () -> "clCreateBuffer(CL_MEM_USE_HOST_PTR) over huge pages returned "
                    + OpenClException.name(err[0]) + " on " + label() + "; allocating with the driver");
            return null;
        }
        int rc = clSetMemObjectDestructorCallback(buf, (mem, data) -> block.release(), null);
        if (rc != CL_SUCCESS) {
            clReleaseMemObject(buf); // no callback: the buffer must be gone before the memory is unmapped
            block.release();
            return null;
        }
        return new OpenClMemory(this, kind, bytes, buf, null);
    }

    /**
     * Whether the driver destroys a released buffer, running its destructor callback, while a
     * finished command's event on it is still held (PoCL does; Mesa's rusticl keeps the buffer
     * until the event goes): probed once on a small buffer over static memory. Huge-page buffers
     * need it, since jdpx releases events only when they are collected.
     */
    private boolean destructorCallbacksRun() {
        Boolean known = destructorCallbacks;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (destructorCallbacks == null) {
                destructorCallbacks = probeDestructorCallback();
                LOG.log(Level.DEBUG, () -> label() + (destructorCallbacks ? " runs" : " does not run")
                        + " buffer destructor callbacks; huge-page buffers " + (destructorCallbacks ? "on" : "off"));
            }
            return destructorCallbacks;
        }
    }

    private boolean probeDestructorCallback() {
        int[] err = new int[1];
        cl_mem buf = clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, PROBE.byteSize(),
                Pointer.to(PROBE.asByteBuffer()), err);
        if (err[0] != CL_SUCCESS) {
            return false;
        }
        CountDownLatch ran = new CountDownLatch(1);
        if (clSetMemObjectDestructorCallback(buf, (mem, data) -> ran.countDown(), null) != CL_SUCCESS) {
            clReleaseMemObject(buf);
            return false;
        }
        // A finished command whose event is still held, as jdpx's events are until they are
        // collected: a driver whose events keep their buffers alive would unmap our memory late.
        cl_event ev = new cl_event();
        int rc = clEnqueueFillBuffer(hostQueue, buf, Pointer.to(new int[] {0}), 4, 0, 4, 0, null, ev);
        if (rc == CL_SUCCESS) {
            clWaitForEvents(1, new cl_event[] {ev});
        }
        clReleaseMemObject(buf);
        try {
            return rc == CL_SUCCESS && ran.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (rc == CL_SUCCESS) {
                clReleaseEvent(ev);
            }
        }
    }

    /**
     * A {@code CL_MEM_USE_HOST_PTR} buffer over host memory, on devices whose memory is host
     * memory (CPU devices, host-unified GPUs) and only when the address meets
     * {@code CL_DEVICE_MEM_BASE_ADDR_ALIGN}: drivers copy misaligned host pointers into memory of
     * their own, which would no longer be the caller's memory. {@code null} otherwise, and for
     * segments over 2 GiB (JOCL passes host pointers as buffers).
     */
    @Override
    public NativeMemory wrapHost(java.lang.foreign.MemorySegment segment, boolean readOnly) {
        long bytes = segment.byteSize();
        if (!profile.mapForHostCopies() || !segment.isNative() || bytes == 0 || bytes > Integer.MAX_VALUE
                || segment.address() % baseAddressAlignment() != 0) {
            return null;
        }
        int[] err = new int[1];
        long flags = (readOnly ? CL_MEM_READ_ONLY : CL_MEM_READ_WRITE) | CL_MEM_USE_HOST_PTR;
        cl_mem buf = clCreateBuffer(context, flags, bytes, Pointer.to(segment.asByteBuffer()), err);
        if (err[0] != CL_SUCCESS) {
            LOG.log(Level.DEBUG, () -> "clCreateBuffer(CL_MEM_USE_HOST_PTR) of " + bytes + " bytes on " + label()
                    + " returned " + OpenClException.name(err[0]) + "; the caller copies instead");
            return null;
        }
        return new OpenClMemory(this, buf, segment);
    }

    /** {@code CL_DEVICE_MEM_BASE_ADDR_ALIGN} in bytes. */
    long baseAddressAlignment() {
        int[] bits = new int[1];
        Cl.check(clGetDeviceInfo(id, CL_DEVICE_MEM_BASE_ADDR_ALIGN, org.jocl.Sizeof.cl_uint, Pointer.to(bits), null),
                "clGetDeviceInfo", "CL_DEVICE_MEM_BASE_ADDR_ALIGN of " + label());
        return Math.max(1, bits[0] / 8);
    }

    /** Called by {@link OpenClMemory#free()}. */
    void released(long bytes) {
        allocated.addAndGet(-bytes);
    }

    /** Global memory minus the bytes of this process's live blocks on the device. */
    @Override
    public long availableMemoryBytes() {
        return Math.max(0, profile.info().globalMemBytes() - allocated.get());
    }

    @Override
    public String memoryModel() {
        String shared = profile.fineGrainSvm()
                ? "shared: fine-grained SVM (clSVMAlloc) wrapped in a buffer, addressed directly by the host"
                : "shared: emulated (the device has no fine-grained SVM) as a CL_MEM_ALLOC_HOST_PTR buffer, "
                        + "mapped while the host views it and unmapped before the next device command";
        String copies = profile.mapForHostCopies()
                ? "host copies map the buffer and copy in the JVM (host-unified memory)"
                : "host copies use clEnqueueWriteBuffer/ReadBuffer";
        String huge = profile.info().type() == DeviceType.CPU && HugePages.thresholdBytes() < Long.MAX_VALUE
                ? "; blocks of " + HugePages.thresholdBytes() + " bytes or more: CL_MEM_USE_HOST_PTR over huge pages"
                : "";
        return "device: CL_MEM_READ_WRITE buffer; host: CL_MEM_ALLOC_HOST_PTR buffer, mapped for host views; "
                + shared + "; " + copies + huge;
    }

    /**
     * Builds an OpenCL C, SPIR-V or binary program for this device.
     *
     * @throws org.jdpx.device.spi.ProgramBuildException with the compiler's log when the build fails
     * @throws UnsupportedOperationException for SPIR-V on a device without SPIR-V in CL_DEVICE_IL_VERSION
     */
    @Override
    public ProgramDriver buildProgram(ProgramSource source) {
        return ProgramBuilder.build(this, source);
    }

    /**
     * This device's view of a block.
     *
     * @throws IllegalArgumentException when the block belongs to another device or backend
     */
    OpenClMemory own(NativeMemory m) {
        if (m instanceof OpenClMemory om && om.device == this) {
            return om;
        }
        throw new IllegalArgumentException(m + " does not belong to " + label()
                + "; move it with toDevice before using it here");
    }

    @Override
    public String toString() {
        return "OpenClDevice[" + label() + "]";
    }
}
