package org.jdpx.dpnp;

import java.util.Arrays;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/** Axis bookkeeping shared by the families: moving axes and slicing along one axis (views, no copies). */
final class Axes {

    private Axes() {
    }

    /** {@code x} with axis {@code source} moved to position {@code destination} (a view). */
    static UsmNdArray move(UsmNdArray x, int source, int destination) {
        int n = x.ndim();
        int s = Shapes.axis(source, n);
        int d = Shapes.axis(destination, n);
        int[] order = new int[n];
        for (int i = 0, k = 0; i < n; i++) if (i != s) order[k++] = i;
        int[] perm = new int[n];
        for (int i = 0, k = 0; i < n; i++) perm[i] = i == d ? s : order[k++];
        return x.permute(perm);
    }

    /** The view {@code x[..., start:stop:step, ...]} with the slice on {@code axis}. */
    static UsmNdArray slice(UsmNdArray x, int axis, long start, long stop, long step) {
        return x.get(prefix(x, axis) + start + ":" + stop + ":" + step);
    }

    /** The view {@code x[..., i, ...]} (the axis dropped). */
    static UsmNdArray at(UsmNdArray x, int axis, long i) {
        return x.get(prefix(x, axis) + i);
    }

    private static String prefix(UsmNdArray x, int axis) {
        int a = Shapes.axis(axis, x.ndim());
        return ":,".repeat(a);
    }

    /** {@code shape} without axis {@code axis}. */
    static long[] without(long[] shape, int axis) {
        long[] r = new long[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) if (i != axis) r[k++] = shape[i];
        return r;
    }

    /** {@code shape} with {@code extent} inserted at {@code axis}. */
    static long[] with(long[] shape, int axis, long extent) {
        long[] r = new long[shape.length + 1];
        for (int i = 0, k = 0; i < r.length; i++) r[i] = i == axis ? extent : shape[k++];
        return r;
    }

    /** The axes {@code 0..n-1} as an int array. */
    static int[] all(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }
}
