package org.jdpx.interop.dlpack;

/**
 * {@code DLDeviceType} of {@code dlpack.h}: where a tensor's data lives. jdpx exports host memory as
 * {@link #CPU}, OpenCL device memory as {@link #OPENCL} (the data field is the {@code cl_mem}) and
 * Level Zero device memory as {@link #ONEAPI} (a USM pointer); it imports what the host can address.
 */
public enum DlDeviceType {
    CPU(1, "kDLCPU", true),
    CUDA(2, "kDLCUDA", false),
    CUDA_HOST(3, "kDLCUDAHost", true),
    OPENCL(4, "kDLOpenCL", false),
    VULKAN(7, "kDLVulkan", false),
    METAL(8, "kDLMetal", false),
    VPI(9, "kDLVPI", false),
    ROCM(10, "kDLROCM", false),
    ROCM_HOST(11, "kDLROCMHost", true),
    EXT_DEV(12, "kDLExtDev", false),
    CUDA_MANAGED(13, "kDLCUDAManaged", true),
    ONEAPI(14, "kDLOneAPI", false),
    WEBGPU(15, "kDLWebGPU", false),
    HEXAGON(16, "kDLHexagon", false),
    MAIA(17, "kDLMAIA", false),
    TRN(18, "kDLTrn", false);

    private final int code;
    private final String cName;
    private final boolean hostAddressable;

    DlDeviceType(int code, String cName, boolean hostAddressable) {
        this.code = code;
        this.cName = cName;
        this.hostAddressable = hostAddressable;
    }

    /** The enum value in C. */
    public int code() {
        return code;
    }

    /** The C name, e.g. {@code kDLOpenCL}. */
    public String cName() {
        return cName;
    }

    /** Whether the host process can read and write such memory through a plain pointer. */
    public boolean hostAddressable() {
        return hostAddressable;
    }

    /**
     * The type of a C value.
     *
     * @throws IllegalArgumentException for a value dlpack.h does not define
     */
    public static DlDeviceType of(int code) {
        for (DlDeviceType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown DLPack device type " + code + "; dlpack.h 1.x defines 1-18");
    }
}
