package org.jdpx.interop.dlpack;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdpx.device.UsmType;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;
import org.jdpx.usm.UsmMemory;

/**
 * Lends a jdpx array to C code as a DLPack struct, without copying. The struct (and its shape
 * and strides) live in native memory of their own; the array stays alive until the consumer calls
 * the struct's {@code deleter}, which frees them. Where the data is:
 * <ul>
 *   <li>host-accessible memory (every array of the java device; {@code host} and {@code shared}
 *       USM elsewhere): {@code kDLCPU}, device id 0, {@code data} the host address;</li>
 *   <li>OpenCL {@code device} memory: {@code kDLOpenCL}, the jdpx device index, {@code data} the
 *       {@code cl_mem} handle (the convention of dlpack.h);</li>
 *   <li>Level Zero {@code device} memory: {@code kDLOneAPI}, {@code data} the USM pointer.</li>
 * </ul>
 * {@code byte_offset} is the view's offset, strides are in elements, and the array is computed and
 * its queue finished first, so the data is complete when the consumer reads it. On OpenCL devices
 * without fine-grained SVM, {@code host}/{@code shared} memory is a mapping that stays valid until
 * the next jdpx command on that memory. Thread-safe.
 */
public final class DlpackExport {

    private static final System.Logger LOG = System.getLogger("org.jdpx.interop");
    private static final Map<Long, Arena> LIVE = new ConcurrentHashMap<>();
    private static final Map<Long, UsmNdArray> LENT = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private DlpackExport() {
    }

    /** The deleters, made once: C function pointers that call back into this class. */
    private static final class Deleters {
        static final MemorySegment VERSIONED = cFunction("deleteVersioned");
        static final MemorySegment LEGACY = cFunction("deleteLegacy");

        /** A C function pointer that calls the static method {@code method}(void*) of this class. */
        private static MemorySegment cFunction(String method) {
            try {
                var mh = MethodHandles.lookup().findStatic(DlpackExport.class, method,
                        MethodType.methodType(void.class, MemorySegment.class));
                return Linker.nativeLinker().upcallStub(mh, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), Arena.global());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("DLPack deleter upcall: " + e, e);
            }
        }
    }

    /**
     * The array as a {@code DLManagedTensorVersioned} (DLPack 1.0).
     *
     * @param readOnly sets {@code DLPACK_FLAG_BITMASK_READ_ONLY} (also set when the array's memory
     *                 is read-only)
     * @return the struct; hand its address to the consumer, which must call its deleter once
     * @throws IllegalStateException when the array's memory was closed
     */
    public static MemorySegment toVersioned(UsmNdArray array, boolean readOnly) {
        return export(array, true, readOnly);
    }

    /** The array as a legacy {@code DLManagedTensor} (no version, no flags); see {@link #toVersioned}. */
    public static MemorySegment toLegacy(UsmNdArray array) {
        return export(array, false, false);
    }

    /** Structs handed out whose deleter has not run yet. */
    public static int liveExports() {
        return LIVE.size();
    }

    private record Place(DlDeviceType type, int id, long data) {
    }

    private static Place place(UsmNdArray array) {
        UsmMemory m = array.memory();
        MemorySegment jvm = m.jvmSegment();
        if (jvm != null) {
            return new Place(DlDeviceType.CPU, 0, jvm.address());
        }
        if (m.kind() != UsmType.DEVICE) {
            return new Place(DlDeviceType.CPU, 0, m.hostSegment().address());
        }
        DlDeviceType t = switch (array.device().backend()) {
            case "opencl" -> DlDeviceType.OPENCL;
            case "levelzero" -> DlDeviceType.ONEAPI;
            default -> throw new UnsupportedOperationException("no DLPack device type for device memory of "
                    + array.device().filterString() + "; use host or shared memory, which exports as kDLCPU");
        };
        return new Place(t, array.device().index(), m.nativeHandle());
    }

    private static MemorySegment export(UsmNdArray array, boolean versioned, boolean readOnly) {
        array.sync();
        View v = array.view();
        Place p = place(array);
        StructLayout layout = versioned ? DlpackStructs.MANAGED_TENSOR_VERSIONED : DlpackStructs.MANAGED_TENSOR;
        Arena arena = Arena.ofShared();
        MemorySegment s = arena.allocate(layout);
        int nd = v.rank();
        MemorySegment shape = nd == 0 ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_LONG, v.shape());
        MemorySegment strides = nd == 0 ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_LONG, v.strides());
        long t = DlpackStructs.tensorOffset(versioned);
        int item = array.dtype().itemSize();
        s.set(ValueLayout.ADDRESS, t, MemorySegment.ofAddress(array.size() == 0 ? 0 : p.data()));
        s.set(ValueLayout.JAVA_INT, t + field("device", "device_type"), p.type().code());
        s.set(ValueLayout.JAVA_INT, t + field("device", "device_id"), p.id());
        s.set(ValueLayout.JAVA_INT, t + field("ndim"), nd);
        s.set(ValueLayout.JAVA_BYTE, t + field("dtype", "code"), (byte) DlpackDtypes.code(array.dtype()));
        s.set(ValueLayout.JAVA_BYTE, t + field("dtype", "bits"), (byte) (item * 8));
        s.set(ValueLayout.JAVA_SHORT, t + field("dtype", "lanes"), (short) 1);
        s.set(ValueLayout.ADDRESS, t + field("shape"), shape);
        s.set(ValueLayout.ADDRESS, t + field("strides"), strides);
        s.set(ValueLayout.JAVA_LONG, t + field("byte_offset"), array.size() == 0 ? 0 : v.offset() * item);
        long id = IDS.incrementAndGet();
        LIVE.put(id, arena);
        LENT.put(id, array);
        s.set(ValueLayout.ADDRESS, DlpackStructs.contextOffset(versioned), MemorySegment.ofAddress(id));
        s.set(ValueLayout.ADDRESS, DlpackStructs.deleterOffset(versioned), versioned ? Deleters.VERSIONED : Deleters.LEGACY);
        if (versioned) {
            s.set(ValueLayout.JAVA_INT, DlpackStructs.offset(layout, "version", "major"), DlpackStructs.MAJOR_VERSION);
            s.set(ValueLayout.JAVA_INT, DlpackStructs.offset(layout, "version", "minor"), DlpackStructs.MINOR_VERSION);
            boolean ro = readOnly || array.memory().isReadOnly();
            s.set(ValueLayout.JAVA_LONG, DlpackStructs.offset(layout, "flags"), ro ? DlpackStructs.FLAG_READ_ONLY : 0);
        }
        LOG.log(Level.DEBUG, () -> "exported " + array.dtype() + " " + v + " on " + array.device().filterString()
                + " as DLPack " + p.type().cName() + " without copying");
        return s;
    }

    private static long field(String... path) {
        return DlpackStructs.offset(DlpackStructs.TENSOR, path);
    }

    @SuppressWarnings("unused") // called from C through the function pointer Deleters made
    private static void deleteVersioned(MemorySegment self) {
        release(self, true);
    }

    @SuppressWarnings("unused") // called from C through the function pointer Deleters made
    private static void deleteLegacy(MemorySegment self) {
        release(self, false);
    }

    /** Frees one export; never throws, since an exception cannot cross back into C. */
    @SuppressWarnings("restricted") // self is the struct this class allocated
    private static void release(MemorySegment self, boolean versioned) {
        try {
            long ctx = self.reinterpret(DlpackStructs.contextOffset(versioned) + 8)
                    .get(ValueLayout.ADDRESS, DlpackStructs.contextOffset(versioned)).address();
            Arena arena = LIVE.remove(ctx);
            LENT.remove(ctx);
            if (arena == null) {
                LOG.log(Level.WARNING, "DLPack deleter called for an unknown or already deleted export " + ctx
                        + "; a consumer called it twice");
                return;
            }
            arena.close();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "DLPack deleter failed; the export's struct memory is leaked", e);
        }
    }
}
