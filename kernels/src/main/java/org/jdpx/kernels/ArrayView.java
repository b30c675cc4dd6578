package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;

/**
 * What every typed view (FloatArray, IntArray, ...) has in common: the segment, an element
 * offset, shape and strides in elements (row-major by default, 1 to 3 dimensions), and the
 * allocation it belongs to. The subclasses add only the typed {@code get}/{@code set} and
 * atomics; the fields are final so the java device's JIT hoists them out of kernel loops.
 */
public abstract sealed class ArrayView permits ByteArray, ShortArray, IntArray, LongArray, FloatArray, DoubleArray {

    final MemorySegment segment;
    final long offset;
    final long s0;
    final long s1;
    final long s2;
    private final long[] shape;
    private final long[] strides;
    private final Object owner;

    /**
     * @throws IllegalArgumentException if the rank is not 1..3, lengths differ, or a dimension is negative
     */
    ArrayView(MemorySegment segment, long offsetElems, long[] shape, long[] strides, Object owner) {
        this.segment = java.util.Objects.requireNonNull(segment, "segment");
        this.shape = ViewShapes.checkShape(shape);
        this.strides = strides == null ? ViewShapes.rowMajor(this.shape) : ViewShapes.checkStrides(this.shape, strides);
        this.offset = offsetElems;
        this.s0 = this.strides[0];
        this.s1 = this.strides.length > 1 ? this.strides[1] : 0;
        this.s2 = this.strides.length > 2 ? this.strides[2] : 0;
        this.owner = owner;
    }

    /** Number of elements (product of the shape), as an int like Java arrays. */
    public final int length() { return (int) ViewShapes.product(shape); }

    /** Extent of dimension {@code d}. */
    public final int shape(int d) { return (int) shape[d]; }

    /** Stride of dimension {@code d} in elements. */
    public final long stride(int d) { return strides[d]; }

    /** Number of dimensions (1..3). */
    public final int rank() { return shape.length; }

    /** The segment the view reads; its base is element 0 of the memory, not of the view. */
    public final MemorySegment segment() { return segment; }

    /** Offset of the view's first element in the segment, in elements. */
    public final long offset() { return offset; }

    /** The memory owner given at construction (a USM allocation, or null for Java memory). */
    public final Object owner() { return owner; }
}
