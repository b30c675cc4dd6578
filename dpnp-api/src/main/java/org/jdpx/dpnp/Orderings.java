package org.jdpx.dpnp;

import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Partial and lexicographic orders on the device. A full stable sort is a valid partition for
 * every {@code kth} at once (NumPy allows any order on each side of the kth element), so
 * partition and argpartition run the device merge sort; lexsort sorts by each key in turn,
 * the primary key last, relying on the sort's stability.
 */
final class Orderings {

    private Orderings() {
    }

    /** NumPy's partition: {@code x} with the elements at {@code kth} where a sort would put them. */
    static UsmNdArray partition(UsmNdArray x, long[] kth, Integer axis, String kind) {
        check("partition", x, kth, axis, kind);
        return Sorting.sort(x, axis);
    }

    /** NumPy's argpartition: the int64 positions that partition {@code x}. */
    static UsmNdArray argpartition(UsmNdArray x, long[] kth, Integer axis, String kind) {
        check("argpartition", x, kth, axis, kind);
        return Sorting.argsort(x, axis);
    }

    private static void check(String fn, UsmNdArray x, long[] kth, Integer axis, String kind) {
        if (kind != null && !kind.equals("introselect")) {
            throw new IllegalArgumentException(fn + ": kind must be 'introselect', got '" + kind + "'");
        }
        if (axis != null && x.ndim() == 0) throw new IllegalArgumentException(fn + ": a 0-d array has no axis " + axis);
        long n = axis == null ? x.size() : x.shape()[Shapes.axis(axis, x.ndim())];
        for (long k : kth) {
            if (k < -n || k >= n) throw new IllegalArgumentException(fn + ": kth(=" + k + ") out of bounds (" + n + ")");
        }
    }

    /**
     * NumPy's lexsort: the int64 positions that sort along {@code axis} by the last key, ties
     * broken by the one before it, and so on. Keys must share one shape.
     */
    static UsmNdArray lexsort(UsmNdArray[] keys, int axis) {
        if (keys.length == 0) throw new IllegalArgumentException("lexsort: need sequence of keys with len > 0");
        for (UsmNdArray k : keys) {
            if (!java.util.Arrays.equals(k.shape(), keys[0].shape())) {
                throw new IllegalArgumentException("lexsort: all keys need to be the same shape, got "
                        + Shapes.describe(k.shape()) + " and " + Shapes.describe(keys[0].shape()));
            }
        }
        if (keys[0].ndim() == 0) return Sorting.argsort(keys[0].reshape(1), 0).reshape();
        UsmNdArray perm = Sorting.argsort(keys[0], axis);
        for (int i = 1; i < keys.length; i++) {
            UsmNdArray ordered = Sorting.takeAlongAxis(keys[i], perm, axis);
            perm = Sorting.takeAlongAxis(perm, Sorting.argsort(ordered, axis), axis);
        }
        return perm;
    }

    /** lexsort of the rows of a 2-D (or higher) array: the keys are {@code keys[0], keys[1], ...}. */
    static UsmNdArray lexsort(UsmNdArray keys, int axis) {
        if (keys.ndim() == 0) throw new IllegalArgumentException("lexsort: need sequence of keys with len > 0");
        UsmNdArray[] k = new UsmNdArray[(int) keys.shape()[0]];
        for (int i = 0; i < k.length; i++) k[i] = keys.get(i);
        return lexsort(k, axis);
    }
}
