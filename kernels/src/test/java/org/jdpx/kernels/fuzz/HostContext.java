package org.jdpx.kernels.fuzz;

import org.jdpx.kernels.KernelContext;

/** The plain-Java reference's context: a 1-D launch of {@code size} items without work-groups or local memory. */
final class HostContext extends KernelContext {
    private final int size;
    int gid;

    HostContext(int size) {
        this.size = size;
    }

    @Override public int globalId(int d) { return d == 0 ? gid : 0; }
    @Override public int localId(int d) { return globalId(d); }
    @Override public int groupId(int d) { return 0; }
    @Override public int globalSize(int d) { return d == 0 ? size : 1; }
    @Override public int localSize(int d) { return globalSize(d); }
    @Override public int numGroups(int d) { return 1; }
    @Override public int globalLinearId() { return gid; }
    @Override public int localLinearId() { return gid; }
    @Override public int groupLinearId() { return 0; }
    @Override public void localBarrier() { throw new UnsupportedOperationException("no barriers in generated kernels"); }
    @Override public void globalBarrier() { throw new UnsupportedOperationException("no barriers in generated kernels"); }
    @Override public float[] localFloats(int n) { throw new UnsupportedOperationException("no local memory in generated kernels"); }
    @Override public int[] localInts(int n) { throw new UnsupportedOperationException("no local memory in generated kernels"); }
    @Override public long[] localLongs(int n) { throw new UnsupportedOperationException("no local memory in generated kernels"); }
    @Override public double[] localDoubles(int n) { throw new UnsupportedOperationException("no local memory in generated kernels"); }
}
