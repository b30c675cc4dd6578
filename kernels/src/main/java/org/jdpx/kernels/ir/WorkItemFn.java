package org.jdpx.kernels.ir;

/** Work-item queries; each yields an I32 for a constant dimension 0..2 (OpenCL {@code get_*} functions). */
public enum WorkItemFn {
    GLOBAL_ID("get_global_id", "GlobalInvocationId", 28),
    LOCAL_ID("get_local_id", "LocalInvocationId", 27),
    GROUP_ID("get_group_id", "WorkgroupId", 26),
    GLOBAL_SIZE("get_global_size", "GlobalSize", 31),
    LOCAL_SIZE("get_local_size", "WorkgroupSize", 25),
    NUM_GROUPS("get_num_groups", "NumWorkgroups", 24);

    private final String clName;
    private final String spirvBuiltIn;
    private final int spirvBuiltInId;

    WorkItemFn(String clName, String spirvBuiltIn, int spirvBuiltInId) {
        this.clName = clName;
        this.spirvBuiltIn = spirvBuiltIn;
        this.spirvBuiltInId = spirvBuiltInId;
    }

    /** The OpenCL C built-in function. */
    public String clName() { return clName; }

    /** The SPIR-V BuiltIn decoration name. */
    public String spirvBuiltIn() { return spirvBuiltIn; }

    /** The SPIR-V BuiltIn decoration value. */
    public int spirvBuiltInId() { return spirvBuiltInId; }
}
