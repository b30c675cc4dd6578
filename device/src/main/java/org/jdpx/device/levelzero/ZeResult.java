package org.jdpx.device.levelzero;

import java.util.Map;

/**
 * Names of the common {@code ze_result_t} values, as ze_api.h (v1.7) defines them, so every
 * error message says {@code ZE_RESULT_ERROR_UNINITIALIZED (0x78000001)} instead of a bare number.
 */
public final class ZeResult {

    /** {@code ZE_RESULT_SUCCESS}. */
    public static final int SUCCESS = 0;
    /** {@code ZE_RESULT_NOT_READY}: an event or fence is not signalled yet. */
    public static final int NOT_READY = 1;
    /** {@code ZE_RESULT_ERROR_UNINITIALIZED}: what the loader answers when no driver is installed. */
    public static final int ERROR_UNINITIALIZED = 0x78000001;
    /** {@code ZE_RESULT_ERROR_OUT_OF_HOST_MEMORY}. */
    public static final int ERROR_OUT_OF_HOST_MEMORY = 0x70000002;
    /** {@code ZE_RESULT_ERROR_OUT_OF_DEVICE_MEMORY}. */
    public static final int ERROR_OUT_OF_DEVICE_MEMORY = 0x70000003;
    /** {@code ZE_RESULT_ERROR_UNSUPPORTED_SIZE}: an allocation larger than the device accepts. */
    public static final int ERROR_UNSUPPORTED_SIZE = 0x78000009;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SUCCESS, "ZE_RESULT_SUCCESS"),
            Map.entry(NOT_READY, "ZE_RESULT_NOT_READY"),
            Map.entry(0x70000001, "ZE_RESULT_ERROR_DEVICE_LOST"),
            Map.entry(ERROR_OUT_OF_HOST_MEMORY, "ZE_RESULT_ERROR_OUT_OF_HOST_MEMORY"),
            Map.entry(ERROR_OUT_OF_DEVICE_MEMORY, "ZE_RESULT_ERROR_OUT_OF_DEVICE_MEMORY"),
            Map.entry(0x70000004, "ZE_RESULT_ERROR_MODULE_BUILD_FAILURE"),
            Map.entry(0x70000005, "ZE_RESULT_ERROR_MODULE_LINK_FAILURE"),
            Map.entry(0x70000006, "ZE_RESULT_ERROR_DEVICE_REQUIRES_RESET"),
            Map.entry(0x70000007, "ZE_RESULT_ERROR_DEVICE_IN_LOW_POWER_STATE"),
            Map.entry(0x70010000, "ZE_RESULT_ERROR_INSUFFICIENT_PERMISSIONS"),
            Map.entry(0x70010001, "ZE_RESULT_ERROR_NOT_AVAILABLE"),
            Map.entry(0x70020000, "ZE_RESULT_ERROR_DEPENDENCY_UNAVAILABLE"),
            Map.entry(ERROR_UNINITIALIZED, "ZE_RESULT_ERROR_UNINITIALIZED"),
            Map.entry(0x78000002, "ZE_RESULT_ERROR_UNSUPPORTED_VERSION"),
            Map.entry(0x78000003, "ZE_RESULT_ERROR_UNSUPPORTED_FEATURE"),
            Map.entry(0x78000004, "ZE_RESULT_ERROR_INVALID_ARGUMENT"),
            Map.entry(0x78000005, "ZE_RESULT_ERROR_INVALID_NULL_HANDLE"),
            Map.entry(0x78000006, "ZE_RESULT_ERROR_HANDLE_OBJECT_IN_USE"),
            Map.entry(0x78000007, "ZE_RESULT_ERROR_INVALID_NULL_POINTER"),
            Map.entry(0x78000008, "ZE_RESULT_ERROR_INVALID_SIZE"),
            Map.entry(ERROR_UNSUPPORTED_SIZE, "ZE_RESULT_ERROR_UNSUPPORTED_SIZE"),
            Map.entry(0x7800000a, "ZE_RESULT_ERROR_UNSUPPORTED_ALIGNMENT"),
            Map.entry(0x7800000b, "ZE_RESULT_ERROR_INVALID_SYNCHRONIZATION_OBJECT"),
            Map.entry(0x7800000c, "ZE_RESULT_ERROR_INVALID_ENUMERATION"),
            Map.entry(0x7800000d, "ZE_RESULT_ERROR_UNSUPPORTED_ENUMERATION"),
            Map.entry(0x78000019, "ZE_RESULT_ERROR_INVALID_COMMAND_LIST_TYPE"),
            Map.entry(0x7800001a, "ZE_RESULT_ERROR_OVERLAPPING_REGIONS"),
            Map.entry(0x7ffffffe, "ZE_RESULT_ERROR_UNKNOWN"));

    private ZeResult() {
    }

    /** The enumerator's name, or {@code ZE_RESULT_<unknown>} for a value outside the table. */
    public static String name(int result) {
        return NAMES.getOrDefault(result, "ZE_RESULT_<unknown>");
    }

    /** Name and hexadecimal value, e.g. {@code ZE_RESULT_ERROR_UNINITIALIZED (0x78000001)}. */
    public static String describe(int result) {
        return name(result) + " (0x" + Integer.toHexString(result) + ")";
    }

    /** Whether the result means the device or host ran out of memory, or the size is too large. */
    static boolean isOutOfMemory(int result) {
        return result == ERROR_OUT_OF_DEVICE_MEMORY || result == ERROR_OUT_OF_HOST_MEMORY
                || result == ERROR_UNSUPPORTED_SIZE;
    }
}
