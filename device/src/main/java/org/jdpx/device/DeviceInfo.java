package org.jdpx.device;

import java.util.List;
import java.util.Set;

/**
 * What a backend reports about one device, the fields dpctl's {@code SyclDevice} exposes.
 * Sizes are in bytes; {@code subGroupSizes} is empty where the backend does not say.
 *
 * @param name               the device name, e.g. {@code pthread-haswell-AMD EPYC 7B13}
 * @param vendor             the vendor string
 * @param driverVersion      the driver's version string
 * @param version            the device's API version string, e.g. {@code OpenCL 3.0 PoCL 3.1}
 * @param platform           the platform (OpenCL) or driver (Level Zero) that exposes it
 * @param type               GPU, CPU or accelerator
 * @param globalMemBytes     global memory size
 * @param localMemBytes      work-group local memory size
 * @param maxAllocBytes      the largest single allocation the device accepts
 * @param computeUnits       compute units (CPU: hardware threads)
 * @param maxWorkGroupSize   the largest work-group
 * @param maxWorkItemSizes   the largest work-group extent per dimension (three entries)
 * @param subGroupSizes      supported sub-group sizes, empty when unknown
 * @param maxClockMHz        the maximum clock in MHz, 0 when unknown
 * @param aspects            optional capabilities
 */
public record DeviceInfo(
        String name,
        String vendor,
        String driverVersion,
        String version,
        String platform,
        DeviceType type,
        long globalMemBytes,
        long localMemBytes,
        long maxAllocBytes,
        int computeUnits,
        long maxWorkGroupSize,
        List<Long> maxWorkItemSizes,
        List<Long> subGroupSizes,
        int maxClockMHz,
        Set<Aspect> aspects) {

    /** Copies the collections so a record once made never changes. */
    public DeviceInfo {
        maxWorkItemSizes = List.copyOf(maxWorkItemSizes);
        subGroupSizes = List.copyOf(subGroupSizes);
        aspects = aspects.isEmpty() ? Set.of() : Set.copyOf(aspects);
    }

    /** True when the device has the capability. */
    public boolean has(Aspect aspect) {
        return aspects.contains(aspect);
    }
}
