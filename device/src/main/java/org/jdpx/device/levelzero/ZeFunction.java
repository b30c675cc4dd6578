package org.jdpx.device.levelzero;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;

/**
 * Every Level Zero function this backend calls, with its C signature. Each constant is spelled
 * exactly as the exported symbol, so the list doubles as what a test looks up in the real loader.
 * All return {@code ze_result_t} (int); handles and pointers are addresses, {@code size_t} and
 * {@code uint64_t} are longs.
 *
 * <p>{@code zeCommandListHostSynchronize} is deliberately absent: it appeared in API 1.6 and the
 * Debian/Ubuntu loader ({@code libze1} 1.8) does not export it. Queues wait on a barrier event instead.
 */
enum ZeFunction {
    zeInit(JAVA_INT),
    zeDriverGet(ADDRESS, ADDRESS),
    zeDriverGetApiVersion(ADDRESS, ADDRESS),
    zeDriverGetProperties(ADDRESS, ADDRESS),
    zeDeviceGet(ADDRESS, ADDRESS, ADDRESS),
    zeDeviceGetProperties(ADDRESS, ADDRESS),
    zeDeviceGetComputeProperties(ADDRESS, ADDRESS),
    zeDeviceGetMemoryProperties(ADDRESS, ADDRESS, ADDRESS),
    zeDeviceGetMemoryAccessProperties(ADDRESS, ADDRESS),
    zeDeviceGetModuleProperties(ADDRESS, ADDRESS),
    zeContextCreate(ADDRESS, ADDRESS, ADDRESS),
    /** (context, device desc, size, alignment, device, void** out). */
    zeMemAllocDevice(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS),
    /** (context, host desc, size, alignment, void** out). */
    zeMemAllocHost(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS),
    /** (context, device desc, host desc, size, alignment, device, void** out). */
    zeMemAllocShared(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS),
    zeMemFree(ADDRESS, ADDRESS),
    zeCommandListCreateImmediate(ADDRESS, ADDRESS, ADDRESS, ADDRESS),
    zeCommandListDestroy(ADDRESS),
    /** (list, dst, src, size, signal event, wait count, wait events). */
    zeCommandListAppendMemoryCopy(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS),
    /** (list, ptr, pattern, pattern size, size, signal event, wait count, wait events). */
    zeCommandListAppendMemoryFill(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS),
    /** (list, signal event, wait count, wait events). */
    zeCommandListAppendBarrier(ADDRESS, ADDRESS, JAVA_INT, ADDRESS),
    /** (context, desc, device count, devices, out pool). */
    zeEventPoolCreate(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS),
    zeEventCreate(ADDRESS, ADDRESS, ADDRESS),
    zeEventDestroy(ADDRESS),
    /** (event, timeout in ns; UINT64_MAX waits forever). */
    zeEventHostSynchronize(ADDRESS, JAVA_LONG),
    zeEventQueryStatus(ADDRESS),
    zeEventQueryKernelTimestamp(ADDRESS, ADDRESS);

    final FunctionDescriptor descriptor;

    ZeFunction(MemoryLayout... args) {
        this.descriptor = FunctionDescriptor.of(JAVA_INT, args);
    }
}
