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
    USM_SHARED_ALLOCATIONS,
    /**
     * Single-precision division and square root correctly rounded, as Java computes them, when a
     * program asks for it: OpenCL's {@code CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT} in
     * {@code CL_DEVICE_SINGLE_FP_CONFIG}, which makes {@code -cl-fp32-correctly-rounded-divide-sqrt}
     * available. Absent on devices (NVIDIA's, by default; Mesa's llvmpipe) whose float {@code /}
     * and {@code sqrt} may be off by up to 2.5 and 3 ulp.
     */
    FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT,
    /**
     * Native atomic add of floats on global memory: OpenCL's {@code cl_ext_float_atomics} with
     * {@code CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT} in {@code CL_DEVICE_SINGLE_FP_ATOMIC_CAPABILITIES_EXT}
     * on an OpenCL 2.0+ device. Without it a float atomic add is a compare-exchange loop.
     */
    FP32_ATOMIC_ADD;

    /** The dpctl spelling, e.g. {@code fp64} or {@code usm_shared_allocations}. */
    public String dpctlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
