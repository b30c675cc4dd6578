package org.jdpx.interop.dlpack;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A DLPack producer written for tests: builds versioned structs whose deleter counts its calls. */
final class Producer {

    private static final Map<Long, Integer> CALLS = new ConcurrentHashMap<>();
    private static final MemorySegment DELETER;

    static {
        try {
            var mh = MethodHandles.lookup().findStatic(Producer.class, "deleted",
                    MethodType.methodType(void.class, MemorySegment.class));
            DELETER = Linker.nativeLinker().upcallStub(mh, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Producer() {
    }

    @SuppressWarnings("unused")
    private static void deleted(MemorySegment self) {
        CALLS.merge(self.address(), 1, Integer::sum);
    }

    /** How often the deleter of the struct at {@code s} has been called. */
    static int deleterCalls(MemorySegment s) {
        return CALLS.getOrDefault(s.address(), 0);
    }

    /** A {@code DLManagedTensorVersioned} over {@code data} (kept in {@code arena}). */
    static MemorySegment versioned(Arena arena, MemorySegment data, int code, int bits, long[] shape, long[] strides,
                                   long byteOffset, DlDeviceType device, long flags, int major) {
        MemorySegment s = arena.allocate(DlpackStructs.MANAGED_TENSOR_VERSIONED);
        CALLS.remove(s.address()); // malloc may hand out the address of an earlier, freed struct
        var L = DlpackStructs.MANAGED_TENSOR_VERSIONED;
        s.set(ValueLayout.JAVA_INT, DlpackStructs.offset(L, "version", "major"), major);
        s.set(ValueLayout.ADDRESS, DlpackStructs.offset(L, "deleter"), DELETER);
        s.set(ValueLayout.JAVA_LONG, DlpackStructs.offset(L, "flags"), flags);
        s.set(ValueLayout.ADDRESS, DlpackStructs.offset(L, "dl_tensor", "data"), data);
        s.set(ValueLayout.JAVA_INT, DlpackStructs.offset(L, "dl_tensor", "device", "device_type"), device.code());
        s.set(ValueLayout.JAVA_INT, DlpackStructs.offset(L, "dl_tensor", "ndim"), shape.length);
        s.set(ValueLayout.JAVA_BYTE, DlpackStructs.offset(L, "dl_tensor", "dtype", "code"), (byte) code);
        s.set(ValueLayout.JAVA_BYTE, DlpackStructs.offset(L, "dl_tensor", "dtype", "bits"), (byte) bits);
        s.set(ValueLayout.JAVA_SHORT, DlpackStructs.offset(L, "dl_tensor", "dtype", "lanes"), (short) 1);
        s.set(ValueLayout.ADDRESS, DlpackStructs.offset(L, "dl_tensor", "shape"),
                shape.length == 0 ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_LONG, shape));
        s.set(ValueLayout.ADDRESS, DlpackStructs.offset(L, "dl_tensor", "strides"),
                strides == null ? MemorySegment.NULL : arena.allocateFrom(ValueLayout.JAVA_LONG, strides));
        s.set(ValueLayout.JAVA_LONG, DlpackStructs.offset(L, "dl_tensor", "byte_offset"), byteOffset);
        return s;
    }

    /** A C-order float32 vector of {@code n} elements 0, 1, 2, ... on the CPU. */
    static MemorySegment floats(Arena arena, int n, long flags) {
        MemorySegment data = arena.allocate(4L * n, 4096);
        for (int i = 0; i < n; i++) {
            data.setAtIndex(ValueLayout.JAVA_FLOAT, i, i);
        }
        return versioned(arena, data, 2, 32, new long[] {n}, null, 0, DlDeviceType.CPU, flags, 1);
    }
}
