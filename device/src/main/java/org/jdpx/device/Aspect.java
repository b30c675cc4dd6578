package org.jdpx.device;

import java.util.Locale;

/**
 * Optional capabilities of a device, named as dpctl names them ({@code device.has_aspect_fp64}).
 * Kernels and array operations check these before they run, so a missing capability is a clear
 * error instead of a wrong result.
 */
public enum Aspect {
    /** Half-precision arithmetic. */
    FP16,
    /** Double-precision arithmetic; absent on many GPUs and on rusticl's llvmpipe. */
    FP64,
    /** 64-bit integer atomics on global memory. */
    ATOMIC64,
    /** Memory only the device touches. */
    USM_DEVICE_ALLOCATIONS,
    /** Host memory the device can read and write. */
    USM_HOST_ALLOCATIONS,
    /** Memory both sides touch, migrated by the runtime (natively or emulated; see the backend). */
    USM_SHARED_ALLOCATIONS;

    /** The dpctl spelling, e.g. {@code fp64} or {@code usm_shared_allocations}. */
    public String dpctlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
