package org.jdpx.interop.dlpack;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The C structs of {@code dlpack.h} (version 1.x) as {@link java.lang.foreign} layouts, with the
 * flag bits and the version this module speaks. Offsets follow the C rules of the 64-bit
 * platforms Java runs on; a test compiles the same structs with the system C compiler and compares
 * every field offset.
 */
public final class DlpackStructs {

    private DlpackStructs() {
    }

    /** The DLPack major version exported and accepted. */
    public static final int MAJOR_VERSION = 1;
    /** The DLPack minor version exported. */
    public static final int MINOR_VERSION = 0;

    /** {@code DLPACK_FLAG_BITMASK_READ_ONLY}: the consumer must not write the data. */
    public static final long FLAG_READ_ONLY = 1L;
    /** {@code DLPACK_FLAG_BITMASK_IS_COPIED}: the producer made a copy the consumer owns alone. */
    public static final long FLAG_IS_COPIED = 1L << 1;

    private static final AddressLayout POINTER = ValueLayout.ADDRESS;

    /** {@code DLPackVersion}: {@code uint32_t major, minor}. */
    public static final StructLayout VERSION = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("major"),
            ValueLayout.JAVA_INT.withName("minor")).withName("DLPackVersion");

    /** {@code DLDevice}: the device type enum (an {@code int}) and {@code int32_t device_id}. */
    public static final StructLayout DEVICE = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("device_type"),
            ValueLayout.JAVA_INT.withName("device_id")).withName("DLDevice");

    /** {@code DLDataType}: {@code uint8_t code, uint8_t bits, uint16_t lanes}. */
    public static final StructLayout DATA_TYPE = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("code"),
            ValueLayout.JAVA_BYTE.withName("bits"),
            ValueLayout.JAVA_SHORT.withName("lanes")).withName("DLDataType");

    /** {@code DLTensor}: data, device, ndim, dtype, shape, strides (in elements), byte_offset. */
    public static final StructLayout TENSOR = MemoryLayout.structLayout(
            POINTER.withName("data"),
            DEVICE.withName("device"),
            ValueLayout.JAVA_INT.withName("ndim"),
            DATA_TYPE.withName("dtype"),
            POINTER.withName("shape"),
            POINTER.withName("strides"),
            ValueLayout.JAVA_LONG.withName("byte_offset")).withName("DLTensor");

    /** The legacy {@code DLManagedTensor}: dl_tensor, manager_ctx, deleter. */
    public static final StructLayout MANAGED_TENSOR = MemoryLayout.structLayout(
            TENSOR.withName("dl_tensor"),
            POINTER.withName("manager_ctx"),
            POINTER.withName("deleter")).withName("DLManagedTensor");

    /** {@code DLManagedTensorVersioned}: version, manager_ctx, deleter, flags, dl_tensor. */
    public static final StructLayout MANAGED_TENSOR_VERSIONED = MemoryLayout.structLayout(
            VERSION.withName("version"),
            POINTER.withName("manager_ctx"),
            POINTER.withName("deleter"),
            ValueLayout.JAVA_LONG.withName("flags"),
            TENSOR.withName("dl_tensor")).withName("DLManagedTensorVersioned");

    /** Byte offset of a (possibly nested) field, e.g. {@code offset(TENSOR, "dtype", "bits")}. */
    public static long offset(StructLayout struct, String... path) {
        MemoryLayout.PathElement[] p = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            p[i] = groupElement(path[i]);
        }
        return struct.byteOffset(p);
    }

    /** Where the {@code DLTensor} sits inside a managed struct of either kind. */
    static long tensorOffset(boolean versioned) {
        return versioned ? offset(MANAGED_TENSOR_VERSIONED, "dl_tensor") : offset(MANAGED_TENSOR, "dl_tensor");
    }

    /** Where {@code manager_ctx} sits inside a managed struct of either kind. */
    static long contextOffset(boolean versioned) {
        return versioned ? offset(MANAGED_TENSOR_VERSIONED, "manager_ctx") : offset(MANAGED_TENSOR, "manager_ctx");
    }

    /** Where {@code deleter} sits inside a managed struct of either kind. */
    static long deleterOffset(boolean versioned) {
        return versioned ? offset(MANAGED_TENSOR_VERSIONED, "deleter") : offset(MANAGED_TENSOR, "deleter");
    }
}
