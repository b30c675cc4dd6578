package org.jdpx.kernels.ir;

/** Where memory behind a pointer or array lives, as in OpenCL. */
public enum AddressSpace {
    /** Device memory visible to every work-item ({@code __global}, SPIR-V CrossWorkgroup). */
    GLOBAL("__global"),
    /** Work-group shared memory ({@code __local}, SPIR-V Workgroup). */
    LOCAL("__local"),
    /** Per-work-item memory ({@code __private}, SPIR-V Function). */
    PRIVATE("__private");

    private final String clQualifier;

    AddressSpace(String clQualifier) {
        this.clQualifier = clQualifier;
    }

    /** The OpenCL C qualifier. */
    public String clQualifier() { return clQualifier; }
}
