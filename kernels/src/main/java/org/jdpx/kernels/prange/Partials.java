package org.jdpx.kernels.prange;

import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.usm.UsmMemory;

/**
 * The per-work-item partial results of one reduction in device memory: {@code length} elements
 * per work-item (1 for a scalar reduction, the array's length for an array reduction), combined on
 * the host element by element, work-item after work-item, into the value before the loop.
 */
final class Partials implements AutoCloseable {
    private final ReduceOp op;
    private final Class<?> elem;
    private final int items;
    private final int length;
    private final UsmMemory mem;

    /** @param elem int, long, float or double */
    Partials(Queue queue, ReduceOp op, Class<?> elem, int items, int length) {
        this.op = op;
        this.elem = elem;
        this.items = items;
        this.length = length;
        long bytes = elem == int.class || elem == float.class ? 4 : 8;
        this.mem = UsmMemory.allocate(queue, UsmType.DEVICE, bytes * items * length);
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

    /** Combines the partials into {@code target}, an int[], long[], float[] or double[] of {@code length} elements. */
    void combineInto(Object target) {
        switch (target) {
            case int[] t -> {
                int[] p = new int[items * length];
                mem.copyToHost(p);
                for (int g = 0; g < items; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            case long[] t -> {
                long[] p = new long[items * length];
                mem.copyToHost(p);
                for (int g = 0; g < items; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            case float[] t -> {
                float[] p = new float[items * length];
                mem.copyToHost(p);
                for (int g = 0; g < items; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
            }
            case double[] t -> {
                double[] p = new double[items * length];
                mem.copyToHost(p);
                for (int g = 0; g < items; g++) for (int k = 0; k < length; k++) t[k] = op.apply(t[k], p[g * length + k]);
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
