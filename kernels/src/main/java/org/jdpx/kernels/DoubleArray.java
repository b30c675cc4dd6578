package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A typed view of {@code double} elements in a {@link MemorySegment}: an element offset, a shape
 * and strides in elements (row-major by default), and an {@link #owner()} slot for the USM /
 * launch layer. Kernels take views as parameters; the java device reads them here at
 * MemorySegment speed (final fields, no virtual dispatch), OpenCL devices see a plain
 * {@code __global double*} pointer whose base is already offset, plus hidden stride arguments
 * for 2-D and 3-D access.
 *
 * <p>Indexing contract shared by every target: {@code get(i)} reads element {@code offset + i}
 * (linear, ignoring shape), {@code get(i, j)} reads {@code offset + i*stride(0) + j*stride(1)},
 * and {@code get(i, j, k)} adds {@code k*stride(2)}. Accessors do not check bounds beyond what
 * the segment itself checks.
 */
public final class DoubleArray extends ArrayView {
    private static final ValueLayout.OfDouble ELEM = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final VarHandle ATOMIC = ValueLayout.JAVA_LONG.varHandle();

    /**
     * A view over {@code segment} starting {@code offsetElems} elements in, with the given shape
     * and strides (both in elements, 1 to 3 dimensions); {@code strides} may be null for
     * row-major. {@code owner} is kept for the layer that allocated the memory (may be null).
     *
     * @throws IllegalArgumentException if the rank is not 1..3, lengths differ, or a dimension is negative
     */
    public DoubleArray(MemorySegment segment, long offsetElems, long[] shape, long[] strides, Object owner) {
        super(segment, offsetElems, shape, strides, owner);
    }

    /**
     * A view of USM memory: row-major with {@code shape}, or 1-D over the whole allocation when no
     * shape is given. Kernels launched with it run where the memory lives (compute follows data).
     * The view is for kernels: its {@code get}/{@code set} on the host fail on every device,
     * the java device included (copy the elements out with {@code memory.copyToHost}, or on the
     * java device read {@code memory.jvmSegment()}).
     *
     * @throws IllegalArgumentException when the shape needs more bytes than the allocation has
     * @throws IllegalStateException when the memory was closed
     */
    public static DoubleArray on(org.jdpx.usm.UsmMemory memory, long... shape) {
        return new DoubleArray(UsmViews.segment(memory), 0, UsmViews.shape(memory, shape, 8), null, memory);
    }

    /** A 1-D view of the whole segment (its byte size must be a multiple of 8). */
    public static DoubleArray wrap(MemorySegment segment) {
        return new DoubleArray(segment, 0, new long[] {segment.byteSize() / 8}, null, null);
    }

    /** A row-major view of {@code segment} with the given shape. */
    public static DoubleArray wrap(MemorySegment segment, long... shape) {
        return new DoubleArray(segment, 0, shape, null, null);
    }

    /** A 1-D view of a Java array (heap segment), handy for tests and the java device. */
    public static DoubleArray of(double[] array) {
        return wrap(MemorySegment.ofArray(array));
    }

    /** Element {@code offset + i}. */
    public double get(int i) { return segment.getAtIndex(ELEM, offset + i); }

    /** Element at row {@code i}, column {@code j}. */
    public double get(int i, int j) { return segment.getAtIndex(ELEM, offset + i * s0 + j * s1); }

    /** Element at {@code (i, j, k)}. */
    public double get(int i, int j, int k) { return segment.getAtIndex(ELEM, offset + i * s0 + j * s1 + k * s2); }

    /** Writes element {@code offset + i}. */
    public void set(int i, double v) { segment.setAtIndex(ELEM, offset + i, v); }

    /** Writes the element at row {@code i}, column {@code j}. */
    public void set(int i, int j, double v) { segment.setAtIndex(ELEM, offset + i * s0 + j * s1, v); }

    /** Writes the element at {@code (i, j, k)}. */
    public void set(int i, int j, int k, double v) { segment.setAtIndex(ELEM, offset + i * s0 + j * s1 + k * s2, v); }

    /** The elements in linear order {@code offset .. offset+length()-1}, for tests and debugging. */
    public double[] toArray() {
        double[] out = new double[length()];
        for (int i = 0; i < out.length; i++) out[i] = get(i);
        return out;
    }

    // Float add as a compare-and-swap loop on the raw bits, like the OpenCL code does.
    double atomicAdd(int i, double v) {
        long at = (offset + i) * 8L;
        while (true) {
            long oldBits = (long) ATOMIC.getVolatile(segment, at);
            double old = Double.longBitsToDouble(oldBits);
            if ((long) ATOMIC.compareAndExchange(segment, at, oldBits, Double.doubleToRawLongBits(old + v)) == oldBits) return old;
        }
    }
}
