package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Sorting and gathering on the device: stable merge sort of order keys, take, take_along_axis,
 * searchsorted and unique. Only counts (the number of unique values) and index bounds are read
 * to the host, to size outputs and to raise NumPy's IndexError.
 */
final class Sorting {

    private Sorting() {
    }

    /** {@code x} with {@code axis} last, densely as {@code (rows, n)}; null axis flattens. */
    private static UsmNdArray rowsOf(UsmNdArray x, Integer axis) {
        UsmNdArray m = axis == null ? x.reshape(-1) : Axes.move(x, axis, -1);
        return Dense.of(m);
    }

    private static long last(UsmNdArray x) {
        return x.ndim() == 0 ? 1 : x.shape()[x.ndim() - 1];
    }

    /** Undoes {@link #rowsOf}: a {@code (rows, n)} result back in x's layout. */
    private static UsmNdArray back(UsmNdArray r, UsmNdArray moved, Integer axis) {
        UsmNdArray shaped = r.reshape(moved.shape());
        return axis == null ? shaped : Axes.move(shaped, -1, axis);
    }

    static UsmNdArray argsort(UsmNdArray x, Integer axis) {
        if (x.dtype().isComplex()) return ComplexOrder.argsort(x, axis);
        UsmNdArray m = rowsOf(x, axis);
        long n = last(m);
        long rows = m.size() / Math.max(1, n);
        UsmNdArray perm = MergeSort.argsortRows(OrderKeys.of(m), rows, n);
        return back(perm, m, axis);
    }

    static UsmNdArray sort(UsmNdArray x, Integer axis) {
        if (x.dtype().isComplex()) return ComplexOrder.sort(x, axis);
        UsmNdArray m = rowsOf(x, axis);
        long n = last(m);
        long rows = m.size() / Math.max(1, n);
        UsmNdArray perm = MergeSort.argsortRows(OrderKeys.of(m), rows, n);
        return back(Gather.rows(m, perm, rows, n, n, true), m, axis).copy().eval();
    }

    /** {@link #argsort(UsmNdArray, Integer)} once {@code kind} is one NumPy names (all are this stable sort). */
    static UsmNdArray argsort(UsmNdArray x, Integer axis, String kind) {
        checkKind("argsort", kind);
        return argsort(x, axis);
    }

    /** {@link #sort(UsmNdArray, Integer)} once {@code kind} is one NumPy names. */
    static UsmNdArray sort(UsmNdArray x, Integer axis, String kind) {
        checkKind("sort", kind);
        return sort(x, axis);
    }

    private static void checkKind(String fn, String kind) {
        switch (kind == null ? "quicksort" : kind) {
            case "quicksort", "mergesort", "heapsort", "stable" -> { }
            default -> throw new IllegalArgumentException(fn + ": kind must be 'quicksort', 'mergesort', 'heapsort' or 'stable' (all "
                    + "run the same stable sort here), got '" + kind + "'");
        }
    }

    /** NumPy's take: elements at {@code indices} along {@code axis} (null: of the flattened array). */
    static UsmNdArray take(UsmNdArray x, UsmNdArray indices, Integer axis) {
        if (indices.dtype().isFloat()) throw new IllegalArgumentException("take: indices must be integers, got " + indices.dtype());
        UsmNdArray src = axis == null ? x.reshape(-1) : x;
        int a = axis == null ? 0 : Shapes.axis(axis, x.ndim());
        long n = src.shape()[a];
        checkBounds("take", indices, n, a);
        UsmNdArray m = Dense.of(Axes.move(src, a, -1));
        long rows = m.size() / Math.max(1, n);
        long count = indices.size();
        UsmNdArray g = Gather.rows(m, indices.reshape(-1), rows, n, count, false);
        long[] pre = Axes.without(src.shape(), a);
        long[] shape = concat(pre, indices.shape());
        UsmNdArray r = g.reshape(shape);
        int ni = indices.ndim();
        int[] perm = new int[shape.length];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i < a) perm[i] = i;
            else if (i < a + ni) perm[i] = pre.length + (i - a);
            else perm[i] = a + k++;
        }
        return r.permute(perm).copy().eval();
    }

    /** NumPy's take_along_axis: {@code indices} has x's rank and picks along {@code axis}. */
    static UsmNdArray takeAlongAxis(UsmNdArray x, UsmNdArray indices, int axis) {
        int a = Shapes.axis(axis, x.ndim());
        if (indices.ndim() != x.ndim()) {
            throw new IllegalArgumentException("take_along_axis: indices and arr must have the same number of dimensions, got "
                    + Shapes.describe(indices.shape()) + " and " + Shapes.describe(x.shape()));
        }
        long n = x.shape()[a];
        checkBounds("take_along_axis", indices, n, a);
        long[] target = x.shape();
        target[a] = indices.shape()[a];
        UsmNdArray idx = indices.broadcastTo(Shapes.broadcast(indices.shape(), target));
        long[] xs = idx.shape();
        xs[a] = n;
        UsmNdArray m = Dense.of(Axes.move(x.broadcastTo(xs), a, -1));
        UsmNdArray im = Dense.of(Axes.move(idx, a, -1), DType.INT64);
        long mcount = idx.shape()[a];
        long rows = m.size() / Math.max(1, n);
        return back(Gather.rows(m, im, rows, n, mcount, true), im, a).copy().eval();
    }

    /** Refuses indices outside {@code [-n, n)} as NumPy's IndexError does (two reductions read to the host). */
    private static void checkBounds(String fn, UsmNdArray indices, long n, int axis) {
        if (indices.size() == 0) return;
        long lo = Tensor.min(indices, null, false).itemLong();
        long hi = Tensor.max(indices, null, false).itemLong();
        if (lo < -n || hi >= n) {
            throw new IndexOutOfBoundsException(fn + ": index " + (hi >= n ? hi : lo) + " is out of bounds for axis "
                    + axis + " with size " + n);
        }
    }

    /** NumPy's searchsorted on a 1-D sorted {@code a}: insertion points of {@code v} ({@code side} "left" or "right"). */
    static UsmNdArray searchsorted(UsmNdArray a, UsmNdArray v, String side) {
        if (a.ndim() != 1) throw new IllegalArgumentException("searchsorted: a must be 1-D, got shape " + Shapes.describe(a.shape()));
        boolean right = switch (side) {
            case "left" -> false;
            case "right" -> true;
            default -> throw new IllegalArgumentException("searchsorted: side must be 'left' or 'right', not '" + side + "'");
        };
        DType t = Promotion.result(a.dtype(), v.dtype());
        UsmNdArray ka = OrderKeys.of(a.dtype() == t ? a : a.astype(t));
        UsmNdArray kv = OrderKeys.of(v.dtype() == t ? v : v.astype(t));
        UsmNdArray out = Dense.allocate(kv, DType.INT64, v.shape());
        int m = Dense.count("searchsorted", v.size());
        if (m > 0) {
            Kernels.launch(DeviceKernels::searchSorted, Dense.range(m), Dense.longs(ka), Dense.longs(kv), Dense.longs(out),
                    Dense.count("searchsorted", a.size()), right ? 1 : 0, m);
        }
        return out;
    }

    /**
     * The sorted unique values of {@code x} (flattened), how often each occurs, and, when asked
     * for, the position of each one's first occurrence and for every element of {@code x} the
     * index of its value in {@code values} (with x's shape); null when not asked for.
     */
    record Unique(UsmNdArray values, UsmNdArray counts, UsmNdArray indices, UsmNdArray inverse) {
    }

    static Unique unique(UsmNdArray x) {
        return unique(x, false);
    }

    /** {@link Unique} of {@code x}; {@code all} adds the first indices and the inverse. */
    static Unique unique(UsmNdArray x, boolean all) {
        UsmNdArray flat = Dense.of(x.reshape(-1));
        long n = flat.size();
        if (n == 0) {
            UsmNdArray none = Dense.allocate(flat, DType.INT64, 0);
            return new Unique(flat, none, all ? none : null, all ? Dense.allocate(flat, DType.INT64, x.shape()) : null);
        }
        UsmNdArray keys = OrderKeys.of(flat);
        UsmNdArray perm = MergeSort.argsortRows(keys, 1, n).reshape(n);
        UsmNdArray sortedKeys = Gather.rows(keys.reshape(1, n), perm, 1, n, n, false).reshape(n);
        UsmNdArray first = UsmNdArray.allocate(new long[] {n}, DType.BOOL, x.queue(), x.usmType(), 'C');
        first.set("0", true);
        if (n > 1) first.set("1:", Tensor.notEqual(sortedKeys.get("1:"), sortedKeys.get(":-1")));
        UsmNdArray starts = Selection.positions(first);
        long u = starts.size();
        UsmNdArray sorted = Gather.rows(flat.reshape(1, n), perm, 1, n, n, false).reshape(n);
        UsmNdArray values = Gather.rows(sorted.reshape(1, n), starts, 1, n, u, false).reshape(u);
        UsmNdArray bounds = UsmNdArray.allocate(new long[] {u + 1}, DType.INT64, x.queue(), x.usmType(), 'C');
        bounds.set(":" + u, starts);
        bounds.set(String.valueOf(u), n);
        UsmNdArray counts = Tensor.subtract(bounds.get("1:"), bounds.get(":-1")).eval();
        if (!all) return new Unique(values, counts, null, null);
        // The sort is stable, so the first of a run of equal keys is the value's first occurrence.
        UsmNdArray indices = Gather.rows(Dense.of(perm).reshape(1, n), starts, 1, n, u, false).reshape(u);
        UsmNdArray inverse = Dense.allocate(flat, DType.INT64, n);
        Kernels.launch(DeviceKernels::runOfSorted, Dense.range(n), Dense.longs(Dense.of(perm)), Dense.longs(Dense.of(starts)),
                Dense.longs(inverse), (int) u, Dense.count("unique", n));
        return new Unique(values, counts, indices, inverse.reshape(x.shape()));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
