package org.jdpx.kernels.prange;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.Devices;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.WorkRange;
import org.jdpx.usm.UsmMemory;

/**
 * Runs one compiled parallel region each time the host method reaches it: finds the device from
 * the USM arrays the body reads (compute follows data), cuts the iteration space into one
 * contiguous chunk per work-item, launches the region's kernel and combines the per-work-item
 * partial reductions with the values the variables held before the loop.
 */
final class RegionRunner {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final long GPU_ITEMS = 1 << 20;
    private static final long JAVA_ITEMS_PER_THREAD = 3 * 4096;

    private final RegionPlan plan;
    private final Method kernel;
    private final Device device;
    private final String where;

    /** @param device where a region without device arrays runs; null for the default device */
    RegionRunner(RegionPlan plan, Method kernel, Device device) {
        this.plan = plan;
        this.kernel = kernel;
        this.device = device;
        this.where = "the parallel loop at " + plan.m.sourceFile + ":" + plan.line();
    }

    Object[] run(long[] bounds, Object[] values, Object[] initial) {
        int dims = plan.dims.size();
        long[] n = new long[dims];
        for (int d = 0; d < dims; d++) {
            n[d] = Math.max(0, bounds[2 * d + 1] - bounds[2 * d]);
            if (n[d] == 0) return initial;
        }
        Queue queue = queue(values);
        Device dev = queue.device();
        long[] groups = workItems(dev, n);
        long[] chunk = new long[dims];
        long total = 1;
        for (int d = 0; d < dims; d++) {
            chunk[d] = (n[d] + groups[d] - 1) / groups[d];
            groups[d] = (n[d] + chunk[d] - 1) / chunk[d];
            total *= groups[d];
        }
        List<Object> args = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            args.add(bounds[2 * d]);
            args.add(bounds[2 * d + 1]);
            args.add(chunk[d]);
        }
        args.addAll(List.of(values));
        List<UsmMemory> partials = new ArrayList<>();
        try {
            for (RegionPlan.Reduction r : plan.reductions) {
                UsmMemory mem = UsmMemory.allocate(queue, UsmType.DEVICE, total * bytes(r.type()));
                partials.add(mem);
                args.add(r.op().identity(r.type()));
                args.add(view(r.type(), mem));
            }
            Kernels.launchAsync(kernel, range(dev, groups), List.of(), args.toArray()).await();
            Object[] out = initial.clone();
            for (int k = 0; k < partials.size(); k++) {
                RegionPlan.Reduction r = plan.reductions.get(k);
                out[k] = combine(r, out[k], partials.get(k), (int) total);
            }
            return out;
        } finally {
            partials.forEach(UsmMemory::close);
        }
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
                    throw ExecutionPlacementError.of("run " + where, first, q, name, mem.queue());
                }
            }
        }
        if (q == null) return (device != null ? device : Devices.defaultDevice()).defaultQueue();
        if (device != null && q.device() != device) {
            throw new ExecutionPlacementError("cannot run " + where + " on " + device.filterString() + ": its array " + first
                    + " lives on " + q.device().filterString() + " (compute follows data); move the data with toDevice "
                    + "or compile the method for " + q.device().filterString());
        }
        return q;
    }

    /**
     * Work-items per dimension, outermost loop first: a few per core on OpenCL CPUs (each runs a
     * long contiguous chunk, as an OpenMP static schedule does), a few thousand per thread on the
     * java device, about a million on GPUs.
     */
    private static long[] workItems(Device dev, long[] n) {
        long[] g = new long[n.length];
        java.util.Arrays.fill(g, 1);
        if (dev.type() == DeviceType.GPU) {
            long left = GPU_ITEMS;
            for (int d = n.length - 1; d >= 0; d--) {
                g[d] = Math.max(1, Math.min(n[d], left));
                left = Math.max(1, left / g[d]);
            }
        } else {
            // the java device runs launches of up to 2048 items inline and hands out chunks of at least
            // 4096 items to its threads, so it needs a few such chunks per thread to use them all
            long items = dev.backend().equals("java") ? JAVA_ITEMS_PER_THREAD * THREADS
                    : 4L * Math.max(1, dev.info().computeUnits());
            g[0] = Math.min(n[0], items);
        }
        return g;
    }

    /** The launch range: OpenCL dimension 0 is the innermost loop. CPUs get one work-item per group. */
    private static WorkRange range(Device dev, long[] groups) {
        int dims = groups.length;
        long[] global = new long[dims];
        for (int d = 0; d < dims; d++) global[d] = groups[dims - 1 - d];
        if (dev.type() == DeviceType.GPU || dev.backend().equals("java")) {
            return switch (dims) {
                case 1 -> Range.of(global[0]);
                case 2 -> Range.of(global[0], global[1]);
                default -> Range.of(global[0], global[1], global[2]);
            };
        }
        long[] ones = new long[dims];
        java.util.Arrays.fill(ones, 1);
        return NdRange.of(global, ones);
    }

    private static long bytes(Class<?> t) {
        return t == int.class || t == float.class ? 4 : 8;
    }

    private static ArrayView view(Class<?> t, UsmMemory mem) {
        if (t == int.class) return IntArray.on(mem);
        if (t == long.class) return LongArray.on(mem);
        if (t == float.class) return FloatArray.on(mem);
        return DoubleArray.on(mem);
    }

    private static Object combine(RegionPlan.Reduction r, Object acc, UsmMemory mem, int count) {
        Class<?> t = r.type();
        if (t == int.class) {
            int[] p = new int[count];
            mem.copyToHost(p);
            for (int v : p) acc = r.op().combine(t, acc, v);
        } else if (t == long.class) {
            long[] p = new long[count];
            mem.copyToHost(p);
            for (long v : p) acc = r.op().combine(t, acc, v);
        } else if (t == float.class) {
            float[] p = new float[count];
            mem.copyToHost(p);
            for (float v : p) acc = r.op().combine(t, acc, v);
        } else {
            double[] p = new double[count];
            mem.copyToHost(p);
            for (double v : p) acc = r.op().combine(t, acc, v);
        }
        return acc;
    }
}
