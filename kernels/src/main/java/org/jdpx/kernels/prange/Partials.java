package org.jdpx.kernels.prange;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.usm.UsmMemory;

/**
 * The per-work-item partial results of one reduction in device memory: {@code length} elements
 * per work-item (1 for a scalar reduction, the array's length for an array reduction), combined
 * element by element, work-item after work-item, into the value before the loop: on the host,
 * after device passes that fold them into few on the GPU plan.
 */
final class Partials implements AutoCloseable {
    private final DevicePlan plan;
    private final ReduceOp op;
    private final Class<?> elem;
    private final int items;
    private final int length;
    private final UsmMemory mem;

    /**
     * @param plan the plan of the queue's device (whether device passes fold the partials)
     * @param elem int, long, float or double
     */
    Partials(Queue queue, DevicePlan plan, ReduceOp op, Class<?> elem, int items, int length) {
        this.plan = plan;
        this.op = op;
        this.elem = elem;
        this.items = items;
        this.length = length;
        this.mem = UsmMemory.allocate(queue, UsmType.DEVICE, (long) elementBytes(elem) * items * length);
    }

    /** The view the kernel writes the partials to. */
    ArrayView view() {
        if (elem == int.class) return IntArray.on(mem);
        if (elem == long.class) return LongArray.on(mem);
        if (elem == float.class) return FloatArray.on(mem);
        return DoubleArray.on(mem);
    }

    /** Each work-item's private copy starts from this, boxed as the element type. */
    Object identity() {
        return op.identity(elem);
    }

    /**
     * Combines the partials into {@code target}, an int[], long[], float[] or double[] of
     * {@code length} elements. On the GPU plan device passes first fold a large set into few
     * ({@link DevicePlan#foldedPartials}, {@link PartialsFold}); the host then reads what is left.
     */
    void combineInto(Object target) {
        Queue queue = mem.queue();
        List<UsmMemory> passes = new ArrayList<>();
        try {
            UsmMemory src = mem;
            int n = items;
            for (long slots = plan.foldedPartials(n); slots < n; slots = plan.foldedPartials(n)) {
                UsmMemory out = UsmMemory.allocate(queue, UsmType.DEVICE, (long) elementBytes(elem) * slots * length);
                passes.add(out);
                fold(src, out, n, (int) slots);
                src = out;
                n = (int) slots;
            }
            combineOnHost(src, n, target);
        } finally {
            passes.forEach(UsmMemory::close);
        }
    }

    /** Bytes of one element of type {@code elem} (int, long, float or double). */
    static int elementBytes(Class<?> elem) {
        return elem == int.class || elem == float.class ? 4 : 8;
    }

    /** One device pass: {@code n} partials in {@code src} become {@code slots} in {@code out}. */
    private void fold(UsmMemory src, UsmMemory out, int n, int slots) {
        Range range = Range.of((long) slots * length);
        int o = op.ordinal();
        if (elem == int.class) Kernels.launch(PartialsFold::foldInt, range, IntArray.on(src), IntArray.on(out), o, n, slots, length);
        else if (elem == long.class) Kernels.launch(PartialsFold::foldLong, range, LongArray.on(src), LongArray.on(out), o, n, slots, length);
        else if (elem == float.class) Kernels.launch(PartialsFold::foldFloat, range, FloatArray.on(src), FloatArray.on(out), o, n, slots, length);
        else Kernels.launch(PartialsFold::foldDouble, range, DoubleArray.on(src), DoubleArray.on(out), o, n, slots, length);
        FOLD_PASSES.incrementAndGet();
    }

    /** Device fold passes run in this process (tests check the GPU plan took them). */
    static long foldPasses() {
        return FOLD_PASSES.get();
    }

    private static final java.util.concurrent.atomic.AtomicLong FOLD_PASSES = new java.util.concurrent.atomic.AtomicLong();

    /** The host's combine of {@code n} partials in {@code src}, partial after partial, element by element. */
    private void combineOnHost(UsmMemory src, int n, Object target) {
        switch (target) {
            case int[] t -> {
                int[] p = new int[n * length];
                src.copyToHost(p);
                for (int g = 0; g < n; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            case long[] t -> {
                long[] p = new long[n * length];
                src.copyToHost(p);
                for (int g = 0; g < n; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            case float[] t -> {
                float[] p = new float[n * length];
                src.copyToHost(p);
                for (int g = 0; g < n; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            case double[] t -> {
                double[] p = new double[n * length];
                src.copyToHost(p);
                for (int g = 0; g < n; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            default -> throw new IllegalArgumentException("not a reduction array: " + target);
        }
    }

    /** Combines the partials of a scalar reduction with {@code before}, both boxed as the element type. */
    Object combine(Object before) {
        Object one = switch (before) {
            case Integer v -> new int[] {v};
            case Long v -> new long[] {v};
            case Float v -> new float[] {v};
            case Double v -> new double[] {v};
            default -> throw new IllegalArgumentException("not a reduction value: " + before);
        };
        combineInto(one);
        return java.lang.reflect.Array.get(one, 0);
    }

    @Override
    public void close() {
        mem.close();
    }
}
