package org.jdpx.device.levelzero;

import static org.jdpx.device.levelzero.ZeStructs.getInt;
import static org.jdpx.device.levelzero.ZeStructs.getLong;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdpx.device.Aspect;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;

/**
 * Reads what a Level Zero device reports about itself into a {@link DeviceInfo} and its timestamp
 * {@link ZeClock}, the way dpctl fills {@code SyclDevice} on Level Zero.
 *
 * @param info  the device's description
 * @param clock its kernel-timestamp clock
 */
record ZeDeviceInfo(DeviceInfo info, ZeClock clock) {

    private static final int DEVICE_TYPE_GPU = 1;
    private static final int DEVICE_TYPE_CPU = 2;
    private static final int MODULE_FLAG_FP16 = 1;
    private static final int MODULE_FLAG_FP64 = 1 << 1;
    private static final int MODULE_FLAG_INT64_ATOMICS = 1 << 2;

    /**
     * Queries the device's general, compute, module, memory and memory-access properties.
     *
     * @throws LevelZeroException when a query fails
     */
    static ZeDeviceInfo read(ZeContext ctx, MemorySegment device) {
        ZeApi api = ctx.api;
        try (Arena a = Arena.ofConfined()) {
            int apiVersion = api.apiVersion(ctx.driver);
            // From API 1.2 timerResolution can be asked in cycles/s, exact where nanoseconds round.
            boolean hz = apiVersion >= (1 << 16 | 2);
            MemorySegment p = ZeStructs.allocate(a, ZeStructs.DEVICE_PROPERTIES,
                    hz ? ZeStructs.STYPE_DEVICE_PROPERTIES_1_2 : ZeStructs.STYPE_DEVICE_PROPERTIES);
            api.query(ZeFunction.zeDeviceGetProperties, device, p);
            MemorySegment c = query(a, api, ZeFunction.zeDeviceGetComputeProperties, device,
                    ZeStructs.DEVICE_COMPUTE_PROPERTIES, ZeStructs.STYPE_DEVICE_COMPUTE_PROPERTIES);
            MemorySegment m = query(a, api, ZeFunction.zeDeviceGetModuleProperties, device,
                    ZeStructs.DEVICE_MODULE_PROPERTIES, ZeStructs.STYPE_DEVICE_MODULE_PROPERTIES);
            MemorySegment acc = query(a, api, ZeFunction.zeDeviceGetMemoryAccessProperties, device,
                    ZeStructs.DEVICE_MEMORY_ACCESS_PROPERTIES, ZeStructs.STYPE_DEVICE_MEMORY_ACCESS_PROPERTIES);
            MemorySegment drv = ZeStructs.allocate(a, ZeStructs.DRIVER_PROPERTIES, ZeStructs.STYPE_DRIVER_PROPERTIES);
            api.query(ZeFunction.zeDriverGetProperties, ctx.driver, drv);

            StructLayout dp = ZeStructs.DEVICE_PROPERTIES;
            StructLayout cp = ZeStructs.DEVICE_COMPUTE_PROPERTIES;
            long resolution = getLong(p, dp, "timerResolution");
            double nanosPerTick = hz ? 1e9 / Math.max(1, resolution) : Math.max(1, resolution);
            ZeClock clock = new ZeClock(nanosPerTick, getInt(p, dp, "kernelTimestampValidBits"));

            DeviceInfo info = new DeviceInfo(
                    ZeStructs.getString(p, dp, "name"),
                    vendor(getInt(p, dp, "vendorId")),
                    driverVersion(getInt(drv, ZeStructs.DRIVER_PROPERTIES, "driverVersion")),
                    "Level Zero " + (apiVersion >>> 16) + "." + (apiVersion & 0xffff),
                    "Level Zero driver " + ctx.index,
                    type(getInt(p, dp, "type")),
                    totalMemory(a, api, device),
                    unsigned(getInt(c, cp, "maxSharedLocalMemory")),
                    getLong(p, dp, "maxMemAllocSize"),
                    computeUnits(p),
                    unsigned(getInt(c, cp, "maxTotalGroupSize")),
                    List.of(unsigned(getInt(c, cp, "maxGroupSizeX")), unsigned(getInt(c, cp, "maxGroupSizeY")),
                            unsigned(getInt(c, cp, "maxGroupSizeZ"))),
                    subGroupSizes(c),
                    getInt(p, dp, "coreClockRate"),
                    aspects(getInt(m, ZeStructs.DEVICE_MODULE_PROPERTIES, "flags"), acc));
            return new ZeDeviceInfo(info, clock);
        }
    }

    private static MemorySegment query(Arena a, ZeApi api, ZeFunction f, MemorySegment device,
                                       StructLayout layout, int stype) {
        MemorySegment s = ZeStructs.allocate(a, layout, stype);
        api.query(f, device, s);
        return s;
    }

    /** The sum over the device's memory ordinals (HBM and DDR on some parts). */
    private static long totalMemory(Arena a, ZeApi api, MemorySegment device) {
        int n = api.memoryCount(device);
        if (n == 0) {
            return 0;
        }
        StructLayout layout = ZeStructs.DEVICE_MEMORY_PROPERTIES;
        MemorySegment all = a.allocate(layout, n);
        for (int i = 0; i < n; i++) {
            all.set(ValueLayout.JAVA_INT, i * layout.byteSize(), ZeStructs.STYPE_DEVICE_MEMORY_PROPERTIES);
        }
        api.memoryProperties(device, n, all);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += getLong(all.asSlice(i * layout.byteSize(), layout.byteSize()), layout, "totalSize");
        }
        return total;
    }

    /** Execution units, as dpctl reports {@code max_compute_units} on Level Zero. */
    private static int computeUnits(MemorySegment p) {
        StructLayout dp = ZeStructs.DEVICE_PROPERTIES;
        long eus = unsigned(getInt(p, dp, "numSlices")) * unsigned(getInt(p, dp, "numSubslicesPerSlice"))
                * unsigned(getInt(p, dp, "numEUsPerSubslice"));
        return (int) Math.min(Integer.MAX_VALUE, eus);
    }

    private static List<Long> subGroupSizes(MemorySegment c) {
        StructLayout cp = ZeStructs.DEVICE_COMPUTE_PROPERTIES;
        int n = Math.min(8, getInt(c, cp, "numSubGroupSizes"));
        long base = ZeStructs.offset(cp, "subGroupSizes");
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sizes.add(unsigned(c.get(ValueLayout.JAVA_INT, base + 4L * i)));
        }
        return sizes;
    }

    private static Set<Aspect> aspects(int moduleFlags, MemorySegment access) {
        StructLayout al = ZeStructs.DEVICE_MEMORY_ACCESS_PROPERTIES;
        Set<Aspect> s = EnumSet.noneOf(Aspect.class);
        if ((moduleFlags & MODULE_FLAG_FP16) != 0) {
            s.add(Aspect.FP16);
        }
        if ((moduleFlags & MODULE_FLAG_FP64) != 0) {
            s.add(Aspect.FP64);
        }
        if ((moduleFlags & MODULE_FLAG_INT64_ATOMICS) != 0) {
            s.add(Aspect.ATOMIC64);
        }
        if (getInt(access, al, "deviceAllocCapabilities") != 0) {
            s.add(Aspect.USM_DEVICE_ALLOCATIONS);
        }
        if (getInt(access, al, "hostAllocCapabilities") != 0) {
            s.add(Aspect.USM_HOST_ALLOCATIONS);
        }
        if (getInt(access, al, "sharedSingleDeviceAllocCapabilities") != 0) {
            s.add(Aspect.USM_SHARED_ALLOCATIONS);
        }
        return s;
    }

    private static DeviceType type(int zeType) {
        return switch (zeType) {
            case DEVICE_TYPE_GPU -> DeviceType.GPU;
            case DEVICE_TYPE_CPU -> DeviceType.CPU;
            default -> DeviceType.ACCELERATOR; // FPGA, MCA (memory copy accelerator), VPU
        };
    }

    /** The PCI vendor id as a name where it is a known GPU vendor. */
    static String vendor(int vendorId) {
        return switch (vendorId) {
            case 0x8086 -> "Intel(R) Corporation";
            case 0x10de -> "NVIDIA Corporation";
            case 0x1002 -> "Advanced Micro Devices, Inc.";
            default -> String.format("PCI vendor 0x%04x", vendorId);
        };
    }

    /** Intel packs major.minor.build into 8.8.16 bits; this is how sycl-ls prints it (e.g. 1.3.26241). */
    static String driverVersion(int v) {
        return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + (v & 0xffff);
    }

    private static long unsigned(int v) {
        return Integer.toUnsignedLong(v);
    }
}
