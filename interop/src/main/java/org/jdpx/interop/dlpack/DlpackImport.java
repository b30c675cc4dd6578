package org.jdpx.interop.dlpack;

import java.lang.System.Logger.Level;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.jdpx.device.Queue;
import org.jdpx.interop.Borrowed;
import org.jdpx.interop.HostMemory;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.View;

/**
 * Takes a DLPack tensor made by another library (in C, Python's native side, or jdpx itself) as a
 * jdpx array. Memory the host addresses ({@code kDLCPU}, {@code kDLCUDAHost},
 * {@code kDLCUDAManaged}, {@code kDLROCMHost}) is wrapped without copying where the target queue's
 * device can address it (see {@link HostMemory}) and copied otherwise; a read-only tensor gives a
 * read-only array. Memory of other devices is refused with a message naming the device type. The
 * caller hands over the struct with the call: on refusal the deleter is called at once, otherwise
 * when the returned {@link DlpackTensor} is closed.
 */
public final class DlpackImport {

    private static final System.Logger LOG = System.getLogger("org.jdpx.interop");
    private static final java.lang.invoke.MethodHandle CALL_DELETER = Linker.nativeLinker().downcallHandle(
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

    private DlpackImport() {
    }

    /**
     * Imports a {@code DLManagedTensorVersioned*}.
     *
     * @param managed the struct's address (any segment; only its address is used)
     * @throws IllegalArgumentException for a major version other than 1, memory the host cannot
     *         address, or a dtype jdpx lacks (bfloat16, float8, vector lanes); the deleter has then run
     */
    public static DlpackTensor fromVersioned(MemorySegment managed, Queue queue) {
        return take(managed, true, queue);
    }

    /** Imports a legacy {@code DLManagedTensor*} (no version, never read-only); see {@link #fromVersioned}. */
    public static DlpackTensor fromLegacy(MemorySegment managed, Queue queue) {
        return take(managed, false, queue);
    }

    @SuppressWarnings("restricted") // the producer promises the struct, shape, strides and data at these addresses
    private static DlpackTensor take(MemorySegment managed, boolean versioned, Queue queue) {
        long size = (versioned ? DlpackStructs.MANAGED_TENSOR_VERSIONED : DlpackStructs.MANAGED_TENSOR).byteSize();
        MemorySegment s = MemorySegment.ofAddress(managed.address()).reinterpret(size);
        MemorySegment deleter = s.get(ValueLayout.ADDRESS, DlpackStructs.deleterOffset(versioned));
        Runnable release = () -> callDeleter(deleter, managed.address());
        DlpackTensor t;
        try {
            t = wrap(s, versioned, queue, release);
        } catch (RuntimeException e) {
            if (!(e instanceof Released)) {
                release.run();
            }
            throw e instanceof Released r ? r.cause : e;
        }
        LOG.log(Level.DEBUG, () -> "imported DLPack " + t.deviceType().cName() + " " + t.array().dtype()
                + Arrays.toString(t.array().shape()) + (t.zeroCopy() ? " without copying" : " as a copy") + " to "
                + queue.device().filterString());
        return t;
    }

    /** A failure after {@link Borrowed} already ran the deleter. */
    private static final class Released extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final RuntimeException cause;

        Released(RuntimeException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static void callDeleter(MemorySegment deleter, long self) {
        if (deleter.address() == 0) {
            return;
        }
        try {
            CALL_DELETER.invokeExact(deleter, MemorySegment.ofAddress(self));
        } catch (Throwable t) {
            throw new IllegalStateException("the DLPack producer's deleter failed: " + t, t);
        }
    }

    private static DlpackTensor wrap(MemorySegment s, boolean versioned, Queue queue, Runnable release) {
        long flags = 0;
        if (versioned) {
            int major = s.get(ValueLayout.JAVA_INT, DlpackStructs.offset(DlpackStructs.MANAGED_TENSOR_VERSIONED, "version", "major"));
            if (major != DlpackStructs.MAJOR_VERSION) {
                throw new IllegalArgumentException("DLPack major version " + major + " is not supported; jdpx reads "
                        + DlpackStructs.MAJOR_VERSION + ".x. Ask the producer for version 1 (max_version=(1, 0))");
            }
            flags = s.get(ValueLayout.JAVA_LONG, DlpackStructs.offset(DlpackStructs.MANAGED_TENSOR_VERSIONED, "flags"));
        }
        long t = DlpackStructs.tensorOffset(versioned);
        DlDeviceType type = DlDeviceType.of(s.get(ValueLayout.JAVA_INT, t + field("device", "device_type")));
        int deviceId = s.get(ValueLayout.JAVA_INT, t + field("device", "device_id"));
        if (!type.hostAddressable()) {
            throw new IllegalArgumentException("cannot import a DLPack tensor in " + type.cName() + " memory (device id "
                    + deviceId + "): jdpx imports only memory the host addresses (kDLCPU, kDLCUDAHost, "
                    + "kDLCUDAManaged, kDLROCMHost); have the producer copy it to the host first");
        }
        int nd = s.get(ValueLayout.JAVA_INT, t + field("ndim"));
        DType dtype = DlpackDtypes.of(s.get(ValueLayout.JAVA_BYTE, t + field("dtype", "code")) & 0xFF,
                s.get(ValueLayout.JAVA_BYTE, t + field("dtype", "bits")) & 0xFF,
                s.get(ValueLayout.JAVA_SHORT, t + field("dtype", "lanes")) & 0xFFFF);
        long[] shape = longs(s.get(ValueLayout.ADDRESS, t + field("shape")), nd);
        MemorySegment stridePtr = s.get(ValueLayout.ADDRESS, t + field("strides"));
        long[] strides = stridePtr.address() == 0 ? Shapes.cStrides(shape) : longs(stridePtr, nd);
        long byteOffset = s.get(ValueLayout.JAVA_LONG, t + field("byte_offset"));
        long data = s.get(ValueLayout.ADDRESS, t + field("data")).address();
        boolean readOnly = (flags & DlpackStructs.FLAG_READ_ONLY) != 0;
        int item = dtype.itemSize();
        long[] span = HostMemory.span(new View(shape, strides, 0));
        long origin = data + byteOffset;
        // From the data pointer (the producer's aligned allocation) when the view lies above it,
        // so devices that need aligned host pointers can share the memory.
        long start = byteOffset % item == 0 && origin + span[0] * item >= data ? data : origin + span[0] * item;
        long end = origin + (span[1] + 1) * item;
        View view = new View(shape, strides, (origin - start) / item);
        try {
            return new DlpackTensor(Borrowed.of(start, end - start, dtype, view, queue, readOnly, release), readOnly, type);
        } catch (RuntimeException e) {
            throw new Released(e);
        }
    }

    @SuppressWarnings("restricted")
    private static long[] longs(MemorySegment p, int n) {
        if (n == 0) {
            return new long[0];
        }
        return MemorySegment.ofAddress(p.address()).reinterpret(8L * n).toArray(ValueLayout.JAVA_LONG);
    }

    private static long field(String... path) {
        return DlpackStructs.offset(DlpackStructs.TENSOR, path);
    }
}
