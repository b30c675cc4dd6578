package org.jdpx.tensor.fusion;

import java.lang.foreign.MemorySegment;

/**
 * The per-dtype loops of {@link BlockProgram}: whole blocks of float32 ({@link FloatBlocks}) or
 * float64 ({@link DoubleBlocks}) values in heap buffers, each operation one Vector API loop over
 * a block. Buffers are {@code float[]} or {@code double[]} handed around as objects, so the
 * program itself needs no Vector API class and loads where {@code jdk.incubator.vector} is
 * absent. Lengths given to {@link #apply} are whole multiples of {@link #lanes()} (buffers are
 * padded; the lanes past the data compute values nobody reads).
 */
interface BlockLanes {

    /** This dtype's loops, which {@link #apply} and {@link #reduce} call. */
    BlockLoops loops();

    /** Elements per vector. */
    int lanes();

    /** Bytes per element. */
    int itemSize();

    /** A zeroed buffer of {@code length} elements. */
    Object buffer(int length);

    /** Copies {@code n} elements from {@code s} at element {@code index} into {@code buf}. */
    void load(MemorySegment s, long index, Object buf, int n);

    /** Copies {@code n} elements of {@code buf} to {@code s} at element {@code index}. */
    void store(Object buf, MemorySegment s, long index, int n);

    /** Element {@code index} of {@code s}. */
    double get(MemorySegment s, long index);

    /** Stores {@code v} (a value of this dtype) at element {@code index} of {@code s}. */
    void put(MemorySegment s, long index, double v);

    /** Sets every element of {@code buf} to {@code v}. */
    void fill(Object buf, double v);

    /** {@code v} rounded to this dtype: float32 arithmetic done in double is exact after it. */
    double round(double v);

    /**
     * {@code out = op(x, y)} (y null for unary operations) over the first {@code n} elements,
     * with the same bits as the kernel {@link Lowering} writes for {@code op}.
     */
    void apply(ElementOp op, Object x, Object y, Object out, int n);

    /**
     * {@code op} (sum, prod, min or max) over the first {@code n} elements of {@code buf}; the
     * elements up to the next whole vector are overwritten with the identity.
     */
    double reduce(ReduceOp op, Object buf, int n);
}
