package org.jdpx.device.levelzero;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;

/**
 * The Level Zero structures this backend reads and writes, transcribed from ze_api.h (v1.7) for
 * 64-bit Linux: C enums and {@code uint32_t} are 4 bytes, pointers, {@code size_t} and
 * {@code uint64_t} 8. Padding is explicit, including the tail padding C adds to round a structure up
 * to its 8-byte alignment, so {@code byteSize()} equals {@code sizeof} (checked by a test against
 * sizes gcc computed from the header's definitions).
 */
final class ZeStructs {

    // ze_structure_type_t values (ze_api.h).
    static final int STYPE_DRIVER_PROPERTIES = 0x1;
    static final int STYPE_DEVICE_PROPERTIES = 0x3;
    static final int STYPE_DEVICE_COMPUTE_PROPERTIES = 0x4;
    static final int STYPE_DEVICE_MODULE_PROPERTIES = 0x5;
    static final int STYPE_DEVICE_MEMORY_PROPERTIES = 0x7;
    static final int STYPE_DEVICE_MEMORY_ACCESS_PROPERTIES = 0x8;
    static final int STYPE_CONTEXT_DESC = 0xd;
    static final int STYPE_COMMAND_QUEUE_DESC = 0xe;
    static final int STYPE_EVENT_POOL_DESC = 0x10;
    static final int STYPE_EVENT_DESC = 0x11;
    static final int STYPE_DEVICE_MEM_ALLOC_DESC = 0x15;
    static final int STYPE_HOST_MEM_ALLOC_DESC = 0x16;
    /** ze_device_properties_t whose timerResolution is in cycles per second (API 1.2+). */
    static final int STYPE_DEVICE_PROPERTIES_1_2 = 0x00020006;

    /** The {@code stype}/{@code pNext} header every descriptor and property structure starts with. */
    private static MemoryLayout[] header() {
        return new MemoryLayout[] {JAVA_INT.withName("stype"), paddingLayout(4), ADDRESS.withName("pNext")};
    }

    private static StructLayout struct(String name, MemoryLayout... body) {
        MemoryLayout[] all = new MemoryLayout[body.length + 3];
        System.arraycopy(header(), 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        return structLayout(all).withName(name);
    }

    private static MemoryLayout u32(String name) {
        return JAVA_INT.withName(name);
    }

    private static MemoryLayout u64(String name) {
        return JAVA_LONG.withName(name);
    }

    private static MemoryLayout bytes(String name, long n) {
        return sequenceLayout(n, JAVA_BYTE).withName(name);
    }

    static final StructLayout DRIVER_PROPERTIES = struct("ze_driver_properties_t",
            bytes("uuid", 16), u32("driverVersion"), paddingLayout(4));

    static final StructLayout DEVICE_PROPERTIES = struct("ze_device_properties_t",
            u32("type"), u32("vendorId"), u32("deviceId"), u32("flags"), u32("subdeviceId"),
            u32("coreClockRate"), u64("maxMemAllocSize"), u32("maxHardwareContexts"),
            u32("maxCommandQueuePriority"), u32("numThreadsPerEU"), u32("physicalEUSimdWidth"),
            u32("numEUsPerSubslice"), u32("numSubslicesPerSlice"), u32("numSlices"), paddingLayout(4),
            u64("timerResolution"), u32("timestampValidBits"), u32("kernelTimestampValidBits"),
            bytes("uuid", 16), bytes("name", 256));

    static final StructLayout DEVICE_COMPUTE_PROPERTIES = struct("ze_device_compute_properties_t",
            u32("maxTotalGroupSize"), u32("maxGroupSizeX"), u32("maxGroupSizeY"), u32("maxGroupSizeZ"),
            u32("maxGroupCountX"), u32("maxGroupCountY"), u32("maxGroupCountZ"),
            u32("maxSharedLocalMemory"), u32("numSubGroupSizes"),
            sequenceLayout(8, JAVA_INT).withName("subGroupSizes"), paddingLayout(4));

    static final StructLayout DEVICE_MODULE_PROPERTIES = struct("ze_device_module_properties_t",
            u32("spirvVersionSupported"), u32("flags"), u32("fp16flags"), u32("fp32flags"),
            u32("fp64flags"), u32("maxArgumentsSize"), u32("printfBufferSize"),
            bytes("nativeKernelSupported", 16), paddingLayout(4));

    static final StructLayout DEVICE_MEMORY_PROPERTIES = struct("ze_device_memory_properties_t",
            u32("flags"), u32("maxClockRate"), u32("maxBusWidth"), paddingLayout(4), u64("totalSize"),
            bytes("name", 256));

    static final StructLayout DEVICE_MEMORY_ACCESS_PROPERTIES = struct("ze_device_memory_access_properties_t",
            u32("hostAllocCapabilities"), u32("deviceAllocCapabilities"),
            u32("sharedSingleDeviceAllocCapabilities"), u32("sharedCrossDeviceAllocCapabilities"),
            u32("sharedSystemAllocCapabilities"), paddingLayout(4));

    static final StructLayout CONTEXT_DESC = struct("ze_context_desc_t", u32("flags"), paddingLayout(4));

    static final StructLayout DEVICE_MEM_ALLOC_DESC = struct("ze_device_mem_alloc_desc_t",
            u32("flags"), u32("ordinal"));

    static final StructLayout HOST_MEM_ALLOC_DESC = struct("ze_host_mem_alloc_desc_t",
            u32("flags"), paddingLayout(4));

    static final StructLayout COMMAND_QUEUE_DESC = struct("ze_command_queue_desc_t",
            u32("ordinal"), u32("index"), u32("flags"), u32("mode"), u32("priority"), paddingLayout(4));

    static final StructLayout EVENT_POOL_DESC = struct("ze_event_pool_desc_t", u32("flags"), u32("count"));

    static final StructLayout EVENT_DESC = struct("ze_event_desc_t",
            u32("index"), u32("signal"), u32("wait"), paddingLayout(4));

    static final StructLayout KERNEL_TIMESTAMP_RESULT = structLayout(
            u64("globalStart"), u64("globalEnd"), u64("contextStart"), u64("contextEnd"))
            .withName("ze_kernel_timestamp_result_t");

    private ZeStructs() {
    }

    /** A zeroed structure with its {@code stype} set, as every Level Zero call expects. */
    static MemorySegment allocate(Arena arena, StructLayout layout, int stype) {
        MemorySegment s = arena.allocate(layout);
        s.set(JAVA_INT, 0, stype);
        return s;
    }

    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    static int getInt(MemorySegment s, StructLayout layout, String field) {
        return s.get(JAVA_INT, offset(layout, field));
    }

    static long getLong(MemorySegment s, StructLayout layout, String field) {
        return s.get(JAVA_LONG, offset(layout, field));
    }

    static void setInt(MemorySegment s, StructLayout layout, String field, int value) {
        s.set(JAVA_INT, offset(layout, field), value);
    }

    /** A NUL-terminated {@code char[]} field as a Java string. */
    static String getString(MemorySegment s, StructLayout layout, String field) {
        MemorySegment chars = s.asSlice(offset(layout, field),
                layout.select(MemoryLayout.PathElement.groupElement(field)).byteSize());
        long n = 0;
        while (n < chars.byteSize() && chars.get(JAVA_BYTE, n) != 0) {
            n++;
        }
        return new String(chars.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
