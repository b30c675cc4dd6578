package org.jdpx.tensor;

import java.util.Arrays;

/**
 * Where an array's elements sit in its memory: shape, strides and offset, all in elements.
 * Views of one allocation differ only in this.
 *
 * @param shape   extent per axis
 * @param strides element step per axis (0 for broadcast axes, negative for reversed ones)
 * @param offset  element offset of index (0, ..., 0)
 */
public record View(long[] shape, long[] strides, long offset) {

    /** Copies the arrays so a view once made never changes. */
    public View {
        shape = shape.clone();
        strides = strides.clone();
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
        }
    }

    /** A dense C-order view of a new array. */
    public static View contiguous(long... shape) {
        return new View(shape, Shapes.cStrides(shape), 0);
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return Shapes.size(shape);
    }

    /** Whether the elements lie densely in C order from {@code offset}. */
    public boolean isCContiguous() {
        return Shapes.isCContiguous(shape, strides);
    }

    /**
     * Applies a basic index (NumPy semantics): integers drop axes, slices narrow or reverse them,
     * {@code None} adds axes, one {@code ...} stands for the untouched middle axes.
     *
     * @throws IndexOutOfBoundsException when an integer is outside its axis, naming both
     * @throws IllegalArgumentException when there are too many indices or two ellipses
     */
    public View index(Index... index) {
        int consumed = 0;
        int ellipses = 0;
        for (Index i : index) {
            if (i instanceof Index.At || i instanceof Index.Slice) {
                consumed++;
            } else if (i instanceof Index.Ellipsis) {
                ellipses++;
            }
        }
        if (ellipses > 1) {
            throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
        }
        if (consumed > rank()) {
            throw new IllegalArgumentException("too many indices for array: array is " + rank()
                    + "-dimensional, but " + consumed + " were indexed");
        }
        long[] outShape = new long[rank() + index.length];
        long[] outStrides = new long[outShape.length];
        int outRank = 0;
        int axis = 0;
        long off = offset;
        for (Index i : index) {
            switch (i) {
                case Index.At at -> {
                    long n = shape[axis];
                    long p = at.index() < 0 ? at.index() + n : at.index();
                    if (p < 0 || p >= n) {
                        throw new IndexOutOfBoundsException("index " + at.index() + " is out of bounds for axis "
                                + axis + " with size " + n);
                    }
                    off += p * strides[axis];
                    axis++;
                }
                case Index.Slice s -> {
                    long[] r = s.resolve(shape[axis]);
                    if (r[2] > 0) {
                        off += r[0] * strides[axis];
                    }
                    outShape[outRank] = r[2];
                    outStrides[outRank++] = strides[axis] * r[1];
                    axis++;
                }
                case Index.NewAxis na -> {
                    outShape[outRank] = 1;
                    outStrides[outRank++] = 0;
                }
                case Index.Ellipsis e -> {
                    int keep = rank() - consumed;
                    for (int k = 0; k < keep; k++) {
                        outShape[outRank] = shape[axis];
                        outStrides[outRank++] = strides[axis++];
                    }
                }
            }
        }
        while (axis < rank()) {
            outShape[outRank] = shape[axis];
            outStrides[outRank++] = strides[axis++];
        }
        return new View(Arrays.copyOf(outShape, outRank), Arrays.copyOf(outStrides, outRank), off);
    }

    /** The axes reordered: axis {@code i} of the result is axis {@code axes[i]} of this view. */
    public View permute(int... axes) {
        if (axes.length != rank()) {
            throw new IllegalArgumentException("axes " + Arrays.toString(axes) + " don't match an array of dimension "
                    + rank());
        }
        long[] s = new long[rank()];
        long[] st = new long[rank()];
        boolean[] seen = new boolean[rank()];
        for (int i = 0; i < axes.length; i++) {
            int a = Shapes.axis(axes[i], rank());
            if (seen[a]) {
                throw new IllegalArgumentException("repeated axis " + axes[i] + " in " + Arrays.toString(axes));
            }
            seen[a] = true;
            s[i] = shape[a];
            st[i] = strides[a];
        }
        return new View(s, st, offset);
    }

    /** Reads this view as {@code target} shape by broadcasting (stride 0 on stretched axes). */
    public View broadcastTo(long[] target) {
        return new View(target, Shapes.broadcastStrides(shape, strides, target), offset);
    }

    /**
     * The same elements with a new shape, without copying, when the strides allow it (always for
     * C-contiguous views); {@code null} when a copy is needed. One extent may be -1.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public View reshape(long[] newShape) {
        long[] target = resolveReshape(newShape, size());
        if (isCContiguous()) {
            return new View(target, Shapes.cStrides(target), offset);
        }
        return null;
    }

    /**
     * Fills in a -1 extent and checks the total.
     *
     * @throws IllegalArgumentException naming both shapes when the sizes differ
     */
    public static long[] resolveReshape(long[] newShape, long size) {
        long[] t = newShape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("can only specify one unknown dimension in " + Shapes.describe(newShape));
                }
                unknown = i;
            } else if (t[i] < 0) {
                throw new IllegalArgumentException("negative dimension in " + Shapes.describe(newShape));
            } else {
                known *= t[i];
            }
        }
        if (unknown >= 0 && known != 0 && size % known == 0) {
            t[unknown] = size / known;
        }
        if ((unknown >= 0 && (known == 0 || size % known != 0)) || Shapes.size(t) != size) {
            throw new IllegalArgumentException("cannot reshape array of size " + size + " into shape "
                    + Shapes.describe(newShape));
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof View v && Arrays.equals(shape, v.shape) && Arrays.equals(strides, v.strides)
                && offset == v.offset;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(strides) + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "View[shape=" + Shapes.describe(shape) + ", strides=" + Arrays.toString(strides) + ", offset=" + offset + "]";
    }
}
