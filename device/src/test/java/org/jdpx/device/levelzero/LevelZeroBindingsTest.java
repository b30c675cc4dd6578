package org.jdpx.device.levelzero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bindings against the outside world: every bound symbol exists in the real loader, and every
 * structure is as large as C makes it. A typo or a missing padding would otherwise hide until the
 * first run on real hardware.
 */
class LevelZeroBindingsTest {

    @Test
    @SuppressWarnings("restricted") // looks symbols up in the real loader, nothing is called
    void everyBoundFunctionResolvesInTheRealLoader() {
        SymbolLookup loader;
        try {
            loader = SymbolLookup.libraryLookup(LevelZeroBackend.DEFAULT_LIBRARY, Arena.global());
        } catch (IllegalArgumentException e) {
            LoaderPresence.missing(e);
            return;
        }
        List<String> missing = new ArrayList<>();
        for (ZeFunction f : ZeFunction.values()) {
            if (loader.find(f.name()).isEmpty()) {
                missing.add(f.name());
            }
        }
        assertEquals(List.of(), missing, "symbols the loader does not export");
    }

    /** Blocks the ZeFunction list would silently lose if a constant were deleted. */
    @Test
    void bindsTheCallsEachPartOfTheBackendNeeds() {
        Set<String> bound = Arrays.stream(ZeFunction.values()).map(Enum::name).collect(Collectors.toSet());
        for (String f : List.of("zeInit", "zeDriverGet", "zeDeviceGet", "zeDeviceGetProperties",
                "zeDeviceGetComputeProperties", "zeDeviceGetMemoryProperties", "zeDeviceGetModuleProperties",
                "zeDriverGetApiVersion", "zeContextCreate", "zeMemAllocDevice", "zeMemAllocHost",
                "zeMemAllocShared", "zeMemFree", "zeCommandListCreateImmediate", "zeCommandListAppendMemoryCopy",
                "zeCommandListAppendMemoryFill", "zeCommandListAppendBarrier", "zeEventPoolCreate",
                "zeEventCreate", "zeEventHostSynchronize", "zeEventQueryStatus", "zeEventQueryKernelTimestamp",
                "zeEventDestroy")) {
            assertTrue(bound.contains(f), f);
        }
    }

    /**
     * sizeof on x86-64 Linux as gcc computes it from the structure definitions of ze_api.h v1.7
     * (oneapi-src/level-zero, include/ze_api.h), compiled separately from this code.
     */
    @Test
    void structureSizesMatchTheCHeader() {
        Map<StructLayout, Long> sizeofC = Map.ofEntries(
                Map.entry(ZeStructs.DRIVER_PROPERTIES, 40L),
                Map.entry(ZeStructs.DEVICE_PROPERTIES, 368L),          // 0x170
                Map.entry(ZeStructs.DEVICE_COMPUTE_PROPERTIES, 88L),
                Map.entry(ZeStructs.DEVICE_MODULE_PROPERTIES, 64L),
                Map.entry(ZeStructs.DEVICE_MEMORY_PROPERTIES, 296L),
                Map.entry(ZeStructs.DEVICE_MEMORY_ACCESS_PROPERTIES, 40L),
                Map.entry(ZeStructs.CONTEXT_DESC, 24L),
                Map.entry(ZeStructs.DEVICE_MEM_ALLOC_DESC, 24L),
                Map.entry(ZeStructs.HOST_MEM_ALLOC_DESC, 24L),
                Map.entry(ZeStructs.COMMAND_QUEUE_DESC, 40L),
                Map.entry(ZeStructs.EVENT_POOL_DESC, 24L),
                Map.entry(ZeStructs.EVENT_DESC, 32L),
                Map.entry(ZeStructs.KERNEL_TIMESTAMP_RESULT, 32L));
        sizeofC.forEach((layout, size) -> assertEquals(size, layout.byteSize(), layout.name().orElseThrow()));
    }

    @Test
    void fieldsAfterPaddingSitWhereCPutsThem() {
        assertEquals(80, ZeStructs.offset(ZeStructs.DEVICE_PROPERTIES, "timerResolution"));
        assertEquals(112, ZeStructs.offset(ZeStructs.DEVICE_PROPERTIES, "name"));
        assertEquals(32, ZeStructs.offset(ZeStructs.DEVICE_MEMORY_PROPERTIES, "totalSize"));
        assertEquals(8, ZeStructs.offset(ZeStructs.EVENT_DESC, "pNext"));
    }
}
