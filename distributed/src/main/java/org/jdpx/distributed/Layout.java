package org.jdpx.distributed;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How a distributed array's elements are split: {@link Kind#BLOCK_1D} cuts the global shape
 * along one axis into contiguous blocks (block {@code i} holds indices {@code offsets[i]} to
 * {@code offsets[i+1]-1}; blocks may be uneven or empty); {@link Kind#REP} is one whole copy
 * (a replicated value, as a reduction's result or a broadcast operand).
 *
 * @param kind    the layout's kind, named as HPAT names it
 * @param axis    the split axis (0 for REP)
 * @param shape   the global shape
 * @param offsets {@code blocks + 1} increasing offsets along the split axis, from 0 to {@code shape[axis]}
 */
public record Layout(Kind kind, int axis, long[] shape, long[] offsets) implements Serializable {

    /** The layouts a distributed value can have. */
    public enum Kind {
        /** Contiguous blocks along one axis, one per Spark partition. */
        BLOCK_1D("1D_Block"),
        /** A whole copy on the driver, broadcast to executors when an operation needs it. */
        REP("REP");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** HPAT's name: {@code 1D_Block}, {@code REP}. */
        public String label() {
            return label;
        }
    }

    /**
     * Checks the offsets.
     *
     * @throws IllegalArgumentException when the axis is outside the shape or the offsets do not
     *         rise from 0 to the axis' extent
     */
    public Layout {
        shape = shape.clone();
        offsets = offsets.clone();
        if (kind == Kind.BLOCK_1D) {
            if (axis < 0 || axis >= shape.length) {
                throw new IllegalArgumentException("layout: split axis " + axis + " is outside shape " + Arrays.toString(shape));
            }
            if (offsets.length < 2 || offsets[0] != 0 || offsets[offsets.length - 1] != shape[axis]) {
                throw new IllegalArgumentException("layout: offsets " + Arrays.toString(offsets) + " must run from 0 to "
                        + shape[axis] + " (the extent of axis " + axis + ")");
            }
            for (int i = 1; i < offsets.length; i++) {
                if (offsets[i] < offsets[i - 1]) {
                    throw new IllegalArgumentException("layout: offsets " + Arrays.toString(offsets) + " must not decrease");
                }
            }
        }
    }

    /**
     * NumPy's {@code array_split} of axis {@code axis} into {@code blocks} blocks: the first
     * {@code extent % blocks} blocks get one more element; blocks beyond the extent are empty.
     *
     * @throws IllegalArgumentException when {@code blocks < 1}
     */
    public static Layout block(long[] shape, int axis, int blocks) {
        if (blocks < 1) throw new IllegalArgumentException("layout: need at least one block, got " + blocks);
        long n = axis < shape.length && axis >= 0 ? shape[axis] : 0;
        long[] sizes = new long[blocks];
        for (int i = 0; i < blocks; i++) sizes[i] = n / blocks + (i < n % blocks ? 1 : 0);
        return sized(shape, axis, sizes);
    }

    /** Blocks of the given sizes along {@code axis} (uneven and empty blocks allowed); they must sum to the extent. */
    public static Layout sized(long[] shape, int axis, long... sizes) {
        long[] off = new long[sizes.length + 1];
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 0) throw new IllegalArgumentException("layout: block size " + sizes[i] + " is negative");
            off[i + 1] = off[i] + sizes[i];
        }
        return new Layout(Kind.BLOCK_1D, axis, shape, off);
    }

    /** A replicated value of {@code shape}. */
    public static Layout replicated(long[] shape) {
        return new Layout(Kind.REP, 0, shape, new long[] {0});
    }

    /** The global shape (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The block offsets along the split axis (a copy). */
    @Override
    public long[] offsets() {
        return offsets.clone();
    }

    /** Number of blocks. */
    public int blocks() {
        return offsets.length - 1;
    }

    /** First index along the split axis of block {@code i}. */
    public long start(int i) {
        return offsets[i];
    }

    /** Extent along the split axis of block {@code i}. */
    public long extent(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The shape of block {@code i}. */
    public long[] blockShape(int i) {
        long[] s = shape.clone();
        s[axis] = extent(i);
        return s;
    }

    /** Elements of one index along the split axis (the product of the other axes). */
    public long sliceSize() {
        long m = 1;
        for (int a = 0; a < shape.length; a++) if (a != axis) m *= shape[a];
        return m;
    }

    /** The same layout over another shape whose split axis has the same extent. */
    public Layout withShape(long[] newShape, int newAxis) {
        return new Layout(kind, newAxis, newShape, offsets);
    }

    /** True when both split the same extent at the same offsets (blocks correspond one to one). */
    public boolean sameBlocks(Layout o) {
        return kind == o.kind && Arrays.equals(offsets, o.offsets);
    }

    /** {@code 1D_Block(axis 0: 3+3+2+0)}: the kind and the block extents. */
    public String describe() {
        if (kind == Kind.REP) return kind.label();
        StringBuilder b = new StringBuilder(kind.label()).append("(axis ").append(axis).append(": ");
        for (int i = 0; i < blocks(); i++) b.append(i == 0 ? "" : "+").append(extent(i));
        return b.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && kind == l.kind && axis == l.axis && Arrays.equals(shape, l.shape)
                && Arrays.equals(offsets, l.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(offsets) * 31 + Arrays.hashCode(shape) + axis;
    }

    @Override
    public String toString() {
        return describe() + " of " + Arrays.toString(shape);
    }
}
