package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A typed view of {@code long} elements in a {@link MemorySegment}: an element offset, a shape
 * and strides in elements (row-major by default), and an {@link #owner()} slot for the USM /
 * launch layer. Kernels take views as parameters; the java device reads them here at
 * MemorySegment speed (final fields, no virtual dispatch), OpenCL devices see a plain
 * {@code __global long*} pointer whose base is already offset, plus hidden stride arguments
 * for 2-D and 3-D access.
 *
 * <p>Indexing contract shared by every target: {@code get(i)} reads element {@code offset + i}
 * (linear, ignoring shape), {@code get(i, j)} reads {@code offset + i*stride(0) + j*stride(1)},
 * and {@code get(i, j, k)} adds {@code k*stride(2)}. Accessors do not check bounds beyond what
 * the segment itself checks.
 */
public final class LongArray extends ArrayView {
    private static final ValueLayout.OfLong ELEM = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final VarHandle ATOMIC = ValueLayout.JAVA_LONG.varHandle();

    /**
     * A view over {@code segment} starting {@code offsetElems} elements in, with the given shape
     * and strides (both in elements, 1 to 3 dimensions); {@code strides} may be null for
     * row-major. {@code owner} is kept for the layer that allocated the memory (may be null).
     *
     * @throws IllegalArgumentException if the rank is not 1..3, lengths differ, or a dimension is negative
     */
    public LongArray(MemorySegment segment, long offsetElems, long[] shape, long[] strides, Object owner) {
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
    public static LongArray on(org.jdpx.usm.UsmMemory memory, long... shape) {
        return new LongArray(UsmViews.segment(memory), 0, UsmViews.shape(memory, shape, 8), null, memory);
    }

    /** A 1-D view of the whole segment (its byte size must be a multiple of 8). */
    public static LongArray wrap(MemorySegment segment) {
        return new LongArray(segment, 0, new long[] {segment.byteSize() / 8}, null, null);
    }

    /** A row-major view of {@code segment} with the given shape. */
    public static LongArray wrap(MemorySegment segment, long... shape) {
        return new LongArray(segment, 0, shape, null, null);
    }

    /** A 1-D view of a Java array (heap segment), handy for tests and the java device. */
    public static LongArray of(long[] array) {
        return wrap(MemorySegment.ofArray(array));
    }

    /** Element {@code offset + i}. */
    public long get(int i) { return segment.getAtIndex(ELEM, offset + i); }

    /** Element at row {@code i}, column {@code j}. */
    public long get(int i, int j) { return segment.getAtIndex(ELEM, offset + i * s0 + j * s1); }

    /** Element at {@code (i, j, k)}. */
    public long get(int i, int j, int k) { return segment.getAtIndex(ELEM, offset + i * s0 + j * s1 + k * s2); }

    /** Writes element {@code offset + i}. */
    public void set(int i, long v) { segment.setAtIndex(ELEM, offset + i, v); }

    /** Writes the element at row {@code i}, column {@code j}. */
    public void set(int i, int j, long v) { segment.setAtIndex(ELEM, offset + i * s0 + j * s1, v); }

    /** Writes the element at {@code (i, j, k)}. */
    public void set(int i, int j, int k, long v) { segment.setAtIndex(ELEM, offset + i * s0 + j * s1 + k * s2, v); }

    /** The elements in linear order {@code offset .. offset+length()-1}, for tests and debugging. */
    public long[] toArray() {
        long[] out = new long[length()];
        for (int i = 0; i < out.length; i++) out[i] = get(i);
        return out;
    }

    // Atomics used by KernelContext on the java device: aligned VarHandle access to the segment.
    long atomicAdd(int i, long v) { return (long) ATOMIC.getAndAdd(segment, (offset + i) * 8L, v); }
    long atomicAnd(int i, long v) { return (long) ATOMIC.getAndBitwiseAnd(segment, (offset + i) * 8L, v); }
    long atomicOr(int i, long v) { return (long) ATOMIC.getAndBitwiseOr(segment, (offset + i) * 8L, v); }
    long atomicXor(int i, long v) { return (long) ATOMIC.getAndBitwiseXor(segment, (offset + i) * 8L, v); }
    long atomicExchange(int i, long v) { return (long) ATOMIC.getAndSet(segment, (offset + i) * 8L, v); }
    long atomicCompareExchange(int i, long expected, long desired) {
        return (long) ATOMIC.compareAndExchange(segment, (offset + i) * 8L, expected, desired);
    }
    long atomicMin(int i, long v) {
        long at = (offset + i) * 8L;
        long old = (long) ATOMIC.getVolatile(segment, at);
        while (v < old) {
            long seen = (long) ATOMIC.compareAndExchange(segment, at, old, v);
            if (seen == old) break;
            old = seen;
        }
        return old;
    }
    long atomicMax(int i, long v) {
        long at = (offset + i) * 8L;
        long old = (long) ATOMIC.getVolatile(segment, at);
        while (v > old) {
            long seen = (long) ATOMIC.compareAndExchange(segment, at, old, v);
            if (seen == old) break;
            old = seen;
        }
        return old;
    }
}
