package org.jdpx.device.levelzero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdpx.device.spi.BackendUnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls every typed wrapper through the real loader while it has no driver: the loader answers
 * {@code ZE_RESULT_ERROR_UNINITIALIZED} without touching the (null) handles. This runs each downcall
 * for real, so a Java call site whose types do not match its {@link ZeFunction} descriptor would fail
 * here ({@code WrongMethodTypeException}), and each failure must name its own function. Skipped where
 * a driver is installed, as null handles would then reach it.
 */
class LevelZeroUninitializedCallsTest {

    private static final MemorySegment NULL = MemorySegment.NULL;
    private static ZeApi api;

    @BeforeAll
    static void loaderWithoutDriver() {
        try {
            api = ZeApi.load(LevelZeroBackend.DEFAULT_LIBRARY);
        } catch (BackendUnavailableException e) {
            LoaderPresence.missing(e);
        }
        assumeTrue(api.init(0) == ZeResult.ERROR_UNINITIALIZED, "a Level Zero driver is installed here");
    }

    @Test
    void everyCheckedCallThrowsNamingItsFunction() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment props = a.allocate(ZeStructs.DEVICE_PROPERTIES); // the largest query structure
            MemorySegment ts = a.allocate(ZeStructs.KERNEL_TIMESTAMP_RESULT);
            Map<ZeFunction, Runnable> calls = new LinkedHashMap<>();
            calls.put(ZeFunction.zeDriverGet, api::drivers);
            calls.put(ZeFunction.zeDeviceGet, () -> api.devices(NULL));
            calls.put(ZeFunction.zeDriverGetApiVersion, () -> api.apiVersion(NULL));
            for (ZeFunction q : new ZeFunction[] {ZeFunction.zeDriverGetProperties, ZeFunction.zeDeviceGetProperties,
                    ZeFunction.zeDeviceGetComputeProperties, ZeFunction.zeDeviceGetModuleProperties,
                    ZeFunction.zeDeviceGetMemoryAccessProperties}) {
                calls.put(q, () -> api.query(q, NULL, props));
            }
            calls.put(ZeFunction.zeDeviceGetMemoryProperties, () -> api.memoryProperties(NULL, 1, props));
            calls.put(ZeFunction.zeContextCreate, () -> api.createContext(NULL));
            calls.put(ZeFunction.zeMemAllocDevice, () -> api.allocDevice(NULL, NULL, 64, 64));
            calls.put(ZeFunction.zeMemAllocHost, () -> api.allocHost(NULL, 64, 64));
            calls.put(ZeFunction.zeMemAllocShared, () -> api.allocShared(NULL, NULL, 64, 64));
            calls.put(ZeFunction.zeMemFree, () -> api.free(NULL, NULL));
            calls.put(ZeFunction.zeCommandListCreateImmediate, () -> api.createImmediateList(NULL, NULL));
            calls.put(ZeFunction.zeCommandListDestroy, () -> api.destroyList(NULL));
            calls.put(ZeFunction.zeCommandListAppendMemoryCopy, () -> api.appendCopy(NULL, NULL, NULL, 8, NULL, 0, NULL));
            calls.put(ZeFunction.zeCommandListAppendMemoryFill, () -> api.appendFill(NULL, NULL, NULL, 4, 8, NULL, 0, NULL));
            calls.put(ZeFunction.zeCommandListAppendBarrier, () -> api.appendBarrier(NULL, NULL, 0, NULL));
            calls.put(ZeFunction.zeEventPoolCreate, () -> api.createEventPool(NULL, ZeEventPool.FLAG_HOST_VISIBLE, 4));
            calls.put(ZeFunction.zeEventCreate, () -> api.createEvent(NULL, 0, ZeEventPool.SCOPE_HOST));
            calls.put(ZeFunction.zeEventDestroy, () -> api.destroyEvent(NULL));
            calls.put(ZeFunction.zeEventHostSynchronize, () -> api.hostSynchronize(NULL));
            calls.put(ZeFunction.zeEventQueryKernelTimestamp, () -> api.kernelTimestamp(NULL, ts));

            assertEquals(ZeFunction.values().length, calls.size() + 2, "every bound function is exercised");
            calls.forEach((f, call) -> {
                LevelZeroException e = assertThrows(LevelZeroException.class, call::run, f.name());
                assertEquals(f.name(), e.function());
                assertEquals(ZeResult.ERROR_UNINITIALIZED, e.result(), e.getMessage());
            });
            // The two calls that return their result instead of throwing.
            assertEquals(ZeResult.ERROR_UNINITIALIZED, api.queryStatus(NULL));
            assertEquals(ZeResult.ERROR_UNINITIALIZED, api.init(0));
        }
    }
}
