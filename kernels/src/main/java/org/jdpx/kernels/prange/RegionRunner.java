package org.jdpx.kernels.prange;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.usm.UsmMemory;

/**
 * Runs one compiled parallel region each time the host method reaches it: finds the device from
 * the USM arrays the body reads (compute follows data), cuts the iteration space into one
 * contiguous chunk per work-item, launches the region's kernel and combines the per-work-item
 * partial reductions with the values the variables held before the loop.
 */
final class RegionRunner {
    /** The most elements an array reduction may have: each work-item keeps a private copy. */
    static final int MAX_ARRAY = 1024;
    private static final long GPU_ITEMS = 1 << 20;
    /** Work-items times array elements a GPU launch keeps partials for, at most. */
    private static final long GPU_PARTIALS = 1 << 22;

    private final RegionPlan plan;
    private final RegionKernels kernels;
    private final List<ReduceOp> arrayOps;
    private final Device device;
    private final String where;

    /**
     * @param arrayOps the operator of each array reduction
     * @param device   where a region without device arrays runs; null for the default device
     */
    RegionRunner(RegionPlan plan, RegionKernels kernels, List<ReduceOp> arrayOps, Device device) {
        this.plan = plan;
        this.kernels = kernels;
        this.arrayOps = arrayOps;
        this.device = device;
        this.where = "the parallel loop at " + plan.m.sourceFile + ":" + plan.line();
    }

    /** @param initial the scalar reductions' values before the loop, then the arrays of the array reductions */
    Object[] run(long[] bounds, Object[] values, Object[] initial) {
        int scalars = plan.reductions.size();
        int[] lengths = lengths(initial, scalars);
        int dims = plan.dims.size();
        long[] n = new long[dims];
        for (int d = 0; d < dims; d++) {
            n[d] = Math.max(0, bounds[2 * d + 1] - bounds[2 * d]);
            if (n[d] == 0) return initial;
        }
        Queue queue = queue(values);
        Device dev = queue.device();
        DevicePlan devicePlan = DevicePlan.of(dev);
        long[] groups = workItems(dev, devicePlan, n, java.util.Arrays.stream(lengths).sum());
        long[] chunk = new long[dims];
        for (int d = 0; d < dims; d++) {
            chunk[d] = (n[d] + groups[d] - 1) / groups[d];
            groups[d] = (n[d] + chunk[d] - 1) / chunk[d];
        }
        int group = groupSize(devicePlan, lengths);
        // the GPU plan launches groups of `group` items along the innermost loop: items past its
        // end run no iterations and leave their partials at the identity
        groups[dims - 1] = (groups[dims - 1] + group - 1) / group * group;
        long total = 1;
        for (int d = 0; d < dims; d++) total *= groups[d];
        List<Object> args = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            args.add(bounds[2 * d]);
            args.add(bounds[2 * d + 1]);
            args.add(chunk[d]);
        }
        args.addAll(List.of(values));
        List<Partials> partials = new ArrayList<>();
        try {
            for (RegionPlan.Reduction r : plan.reductions) partials.add(new Partials(queue, devicePlan, r.op(), r.type(), (int) total, 1));
            for (int a = 0; a < lengths.length; a++) {
                partials.add(new Partials(queue, devicePlan, arrayOps.get(a), plan.arrays.get(a).elem(), (int) total, lengths[a]));
            }
            for (Partials p : partials) {
                args.add(p.identity());
                args.add(p.view());
            }
            Kernels.launchAsync(kernels.forLengths(lengths), range(groups, group), List.of(), args.toArray()).await();
            Object[] out = initial.clone();
            for (int k = 0; k < scalars; k++) out[k] = partials.get(k).combine(out[k]);
            for (int a = 0; a < lengths.length; a++) partials.get(scalars + a).combineInto(initial[scalars + a]);
            return out;
        } finally {
            partials.forEach(Partials::close);
        }
    }

    private int[] lengths(Object[] initial, int scalars) {
        int[] lengths = new int[plan.arrays.size()];
        for (int a = 0; a < lengths.length; a++) {
            String name = plan.arrays.get(a).name();
            Object arr = initial[scalars + a];
            if (arr == null) throw new NullPointerException("array reduction '" + name + "' of " + where + " is null");
            lengths[a] = java.lang.reflect.Array.getLength(arr);
            if (lengths[a] > MAX_ARRAY) {
                throw new IllegalArgumentException("array reduction '" + name + "' of " + where + " has " + lengths[a]
                        + " elements, more than the " + MAX_ARRAY + " a work-item can keep a private copy of; reduce into "
                        + "fewer elements (e.g. one block of the array per parallel loop) or update a device array with atomics");
            }
        }
        return lengths;
    }

    /** The queue of the USM arrays among {@code values}; the chosen or default device's when there are none. */
    private Queue queue(Object[] values) {
        Queue q = null;
        String first = null;
        for (int k = 0; k < values.length; k++) {
            if (values[k] instanceof ArrayView v && v.owner() instanceof UsmMemory mem) {
                String name = "'" + plan.liveIns.get(k).name() + "'";
                if (q == null) {
                    q = mem.queue();
                    first = name;
                } else if (mem.queue() != q) {
                    throw ExecutionPlacementError.ofMemory("run " + where, first, q, name, mem.queue(), "");
                }
            }
        }
        if (q == null) return (device != null ? device : Devices.defaultDevice()).defaultQueue();
        if (device != null && q.device() != device) {
            throw new ExecutionPlacementError("cannot run " + where + " on " + device.filterString() + ": its array " + first
                    + " lives on " + q.device().filterString() + " (compute follows data); copy the data to "
                    + device.filterString() + " (UsmMemory.copyAcrossDevices(src, dst)) or compile the method for "
                    + q.device().filterString());
        }
        return q;
    }

    /**
     * Work-items per dimension, outermost loop first: a few per core on the CPU and java plans
     * (each runs a long contiguous chunk, as an OpenMP static schedule does), about a million on
     * the GPU plan (fewer when array reductions would need too many partials).
     */
    private static long[] workItems(Device dev, DevicePlan devicePlan, long[] n, long arrayElements) {
        long[] g = new long[n.length];
        java.util.Arrays.fill(g, 1);
        if (devicePlan.isGpu()) {
            long left = Math.max(1, Math.min(GPU_ITEMS, GPU_PARTIALS / Math.max(1, arrayElements)));
            for (int d = n.length - 1; d >= 0; d--) {
                g[d] = Math.max(1, Math.min(n[d], left));
                left = Math.max(1, left / g[d]);
            }
        } else {
            g[0] = Math.min(n[0], 4L * Math.max(1, dev.info().computeUnits()));
            long limit = DevicePlan.loopLimit(dev);
            if (limit != Long.MAX_VALUE) {
                // Mesa llvmpipe silently leaves every loop after 65535 iterations: use enough work-items.
                g[0] = Math.max(g[0], (n[0] + limit - 1) / limit);
            }
        }
        return g;
    }

    /**
     * Items per work-group along the innermost loop: on the GPU plan the plan's group size for
     * the items' private arrays (an array reduction's copy each), else 1.
     */
    private int groupSize(DevicePlan p, int[] lengths) {
        if (!p.isGpu()) return 1;
        long privateBytes = 0;
        for (int a = 0; a < lengths.length; a++) {
            privateBytes += (long) lengths[a] * Partials.elementBytes(plan.arrays.get(a).elem());
        }
        return p.groupSizeForPrivate(privateBytes);
    }

    /**
     * The launch range: OpenCL dimension 0 is the innermost loop, in groups of {@code group}
     * items (1 in the other dimensions). The CPU and java plans get one work-item per group, the
     * unit both OpenCL CPU drivers and the java device hand to a thread.
     */
    private static WorkRange range(long[] groups, int group) {
        int dims = groups.length;
        long[] global = new long[dims];
        for (int d = 0; d < dims; d++) global[d] = groups[dims - 1 - d];
        long[] local = new long[dims];
        java.util.Arrays.fill(local, 1);
        local[0] = group;
        return NdRange.of(global, local);
    }
}
