package org.jdpx.tensor;

import java.util.Arrays;

/**
 * Shape and stride arithmetic shared by every array operation: element counts, C and F order
 * strides (in elements), contiguity, and NumPy broadcasting. Pure functions on {@code long[]}.
 */
public final class Shapes {

    private Shapes() {
    }

    /** The number of elements of a shape; 1 for the 0-d shape. */
    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Row-major (C order) strides in elements. */
    public static long[] cStrides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** Column-major (Fortran order) strides in elements: C order over the reversed axes. */
    public static long[] fStrides(long[] shape) {
        return reversed(cStrides(reversed(shape)));
    }

    /** Whether the strides lay the shape out densely in C order (axes of extent 1 may have any stride). */
    public static boolean isCContiguous(long[] shape, long[] strides) {
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 0) {
                return true;
            }
            if (shape[i] != 1 && strides[i] != acc) {
                return false;
            }
            acc *= shape[i];
        }
        return true;
    }

    /** Whether the strides lay the shape out densely in Fortran order (C order over the reversed axes). */
    public static boolean isFContiguous(long[] shape, long[] strides) {
        return isCContiguous(reversed(shape), reversed(strides));
    }

    private static long[] reversed(long[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    /**
     * The broadcast shape of several shapes, NumPy's rule: align on the right, extents equal or 1.
     *
     * @throws IllegalArgumentException naming the shapes when they do not broadcast
     */
    public static long[] broadcast(long[]... shapes) {
        int rank = 0;
        for (long[] s : shapes) {
            rank = Math.max(rank, s.length);
        }
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        for (long[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int o = rank - s.length + i;
                long d = s[i];
                if (out[o] == 1) {
                    out[o] = d;
                } else if (d != 1 && d != out[o]) {
                    throw new IllegalArgumentException("shapes " + describe(shapes) + " cannot be broadcast together: "
                            + "axis " + o + " of the result would need extent " + out[o] + " and " + d);
                }
            }
        }
        return out;
    }

    /**
     * Strides that read an array of {@code shape}/{@code strides} as if it had {@code target}
     * shape: broadcast axes get stride 0.
     *
     * @throws IllegalArgumentException when {@code shape} does not broadcast to {@code target}
     */
    public static long[] broadcastStrides(long[] shape, long[] strides, long[] target) {
        if (shape.length > target.length) {
            throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(shape) + " to "
                    + Arrays.toString(target) + ": it has more axes");
        }
        long[] out = new long[target.length];
        int off = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == target[off + i]) {
                out[off + i] = strides[i];
            } else if (shape[i] == 1) {
                out[off + i] = 0;
            } else {
                throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(shape) + " to "
                        + Arrays.toString(target) + ": axis " + i + " has extent " + shape[i]);
            }
        }
        return out;
    }

    /**
     * Normalizes an axis that may count from the end.
     *
     * @throws IllegalArgumentException when it is out of range for the rank
     */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + rank);
        }
        return a;
    }

    /** Shapes the way NumPy prints them: {@code (2, 3)}, {@code (4,)}, {@code ()}. */
    public static String describe(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String describe(long[][] shapes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shapes.length; i++) {
            sb.append(i == 0 ? "" : " and ").append(describe(shapes[i]));
        }
        return sb.toString();
    }
}
