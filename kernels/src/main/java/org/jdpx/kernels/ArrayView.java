package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;

/**
 * What every typed view (FloatArray, IntArray, ...) has in common, for code that handles views of
 * any element type, such as the launcher. Kernels use the typed classes themselves.
 */
public sealed interface ArrayView permits ByteArray, ShortArray, IntArray, LongArray, FloatArray, DoubleArray {

    /** The memory the java device reads. */
    MemorySegment segment();

    /** Offset of element (0, ..., 0) in elements. */
    long offset();

    /** Number of elements. */
    int length();

    /** Number of dimensions, 1 to 3. */
    int rank();

    /** Extent of dimension {@code d}. */
    int shape(int d);

    /** Stride of dimension {@code d} in elements. */
    long stride(int d);

    /** The allocation this view belongs to (a {@code UsmMemory}), or {@code null} for Java memory. */
    Object owner();
}
