package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Shape and layout functions: views where NumPy gives views (transpose, swapaxes, moveaxis,
 * flip, squeeze, expand_dims), otherwise new arrays written on the device by one assign kernel
 * per piece (concatenate, stack, pad, roll, tile, repeat).
 */
final class Manipulation {

    private Manipulation() {
    }

    static UsmNdArray squeeze(UsmNdArray x, int axis) {
        int a = Shapes.axis(axis, x.ndim());
        if (x.shape()[a] != 1) {
            throw new IllegalArgumentException("squeeze: cannot select an axis to squeeze out which has size not equal to one (axis "
                    + axis + " of shape " + Shapes.describe(x.shape()) + ")");
        }
        return x.reshape(Axes.without(x.shape(), a));
    }

    static UsmNdArray flip(UsmNdArray x, Integer axis) {
        if (axis == null) {
            StringBuilder idx = new StringBuilder();
            for (int i = 0; i < x.ndim(); i++) idx.append(i == 0 ? "" : ",").append("::-1");
            return x.ndim() == 0 ? x : x.get(idx.toString());
        }
        return x.get(":,".repeat(Shapes.axis(axis, x.ndim())) + "::-1");
    }

    /** The common dtype and queue of a sequence of arrays, checked. */
    private static DType common(String fn, UsmNdArray[] xs) {
        if (xs.length == 0) throw new IllegalArgumentException(fn + ": need at least one array to concatenate");
        DType t = xs[0].dtype();
        for (UsmNdArray x : xs) {
            if (x.queue() != xs[0].queue()) {
                throw ExecutionPlacementError.of(fn, "array 0", xs[0].queue(), "another array", x.queue());
            }
            t = Promotion.result(t, x.dtype());
        }
        return DTypes.forDevice(t, xs[0].device(), false);
    }

    static UsmNdArray concatenate(UsmNdArray[] xs, Integer axis) {
        if (axis == null) {
            UsmNdArray[] flat = new UsmNdArray[xs.length];
            for (int i = 0; i < xs.length; i++) flat[i] = xs[i].reshape(-1);
            return concatenate(flat, 0);
        }
        DType t = common("concatenate", xs);
        int nd = xs[0].ndim();
        if (nd == 0) throw new IllegalArgumentException("concatenate: zero-dimensional arrays cannot be concatenated");
        int a = Shapes.axis(axis, nd);
        long[] shape = xs[0].shape();
        long total = 0;
        for (UsmNdArray x : xs) {
            long[] s = x.shape();
            if (s.length != nd || !Arrays.equals(Axes.without(s, a), Axes.without(shape, a))) {
                throw new IllegalArgumentException("concatenate: all the input array dimensions except for the concatenation axis "
                        + "must match exactly, got " + Shapes.describe(shape) + " and " + Shapes.describe(s));
            }
            total += s[a];
        }
        shape[a] = total;
        UsmNdArray out = UsmNdArray.allocate(shape, t, xs[0].queue(), xs[0].usmType(), 'C');
        long at = 0;
        for (UsmNdArray x : xs) {
            long e = x.shape()[a];
            if (e > 0) Axes.slice(out, a, at, at + e, 1).assign(x.dtype() == t ? x : x.astype(t));
            at += e;
        }
        return out;
    }

    static UsmNdArray stack(UsmNdArray[] xs, int axis) {
        if (xs.length == 0) throw new IllegalArgumentException("stack: need at least one array to stack");
        int a = axis < 0 ? axis + xs[0].ndim() + 1 : axis;
        UsmNdArray[] ex = new UsmNdArray[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!Arrays.equals(xs[i].shape(), xs[0].shape())) {
                throw new IllegalArgumentException("stack: all input arrays must have the same shape, got "
                        + Shapes.describe(xs[0].shape()) + " and " + Shapes.describe(xs[i].shape()));
            }
            ex[i] = xs[i].expandDims(a);
        }
        return concatenate(ex, a);
    }

    static UsmNdArray atleast(UsmNdArray x, int n) {
        if (x.ndim() >= n) return x;
        return switch (n) {
            case 1 -> x.reshape(1);
            case 2 -> x.reshape(1, x.size());
            default -> x.ndim() == 0 ? x.reshape(1, 1, 1) : x.ndim() == 1 ? x.reshape(1, x.size(), 1) : x.expandDims(-1);
        };
    }

    private static UsmNdArray[] atleast(UsmNdArray[] xs, int n) {
        UsmNdArray[] r = new UsmNdArray[xs.length];
        for (int i = 0; i < xs.length; i++) r[i] = atleast(xs[i], n);
        return r;
    }

    static UsmNdArray vstack(UsmNdArray[] xs) {
        return concatenate(atleast(xs, 2), 0);
    }

    static UsmNdArray hstack(UsmNdArray[] xs) {
        UsmNdArray[] r = atleast(xs, 1);
        return concatenate(r, r[0].ndim() == 1 ? 0 : 1);
    }

    static UsmNdArray dstack(UsmNdArray[] xs) {
        return concatenate(atleast(xs, 3), 2);
    }

    static UsmNdArray columnStack(UsmNdArray[] xs) {
        UsmNdArray[] r = new UsmNdArray[xs.length];
        for (int i = 0; i < xs.length; i++) r[i] = xs[i].ndim() < 2 ? xs[i].reshape(xs[i].size(), 1) : xs[i];
        return concatenate(r, 1);
    }

    /** NumPy's split (equal sections; {@code strict}) and array_split (sections may differ by one). */
    static UsmNdArray[] split(UsmNdArray x, int sections, int axis, boolean strict) {
        int a = Shapes.axis(axis, x.ndim());
        long n = x.shape()[a];
        if (sections <= 0) throw new IllegalArgumentException("split: number of sections must be larger than 0, got " + sections);
        if (strict && n % sections != 0) {
            throw new IllegalArgumentException("split: array split does not result in an equal division (" + n + " into "
                    + sections + "); use array_split");
        }
        long[] bounds = new long[sections - 1];
        long each = n / sections;
        long extra = n % sections;
        long at = 0;
        for (int i = 0; i < sections - 1; i++) {
            at += each + (i < extra ? 1 : 0);
            bounds[i] = at;
        }
        return splitAt(x, bounds, a);
    }

    /** NumPy's split at explicit indices along {@code axis} (views). */
    static UsmNdArray[] splitAt(UsmNdArray x, long[] indices, int axis) {
        int a = Shapes.axis(axis, x.ndim());
        long n = x.shape()[a];
        List<UsmNdArray> out = new ArrayList<>();
        long start = 0;
        for (int i = 0; i <= indices.length; i++) {
            long stop = i < indices.length ? Math.min(Math.max(indices[i], 0), n) : n;
            out.add(Axes.slice(x, a, start, Math.max(start, stop), 1));
            start = Math.max(start, stop);
        }
        return out.toArray(UsmNdArray[]::new);
    }

    static UsmNdArray roll(UsmNdArray x, long shift, Integer axis) {
        if (axis == null) return roll(x.reshape(-1), shift, 0).reshape(x.shape());
        int a = Shapes.axis(axis, x.ndim());
        long n = x.shape()[a];
        UsmNdArray out = UsmNdArray.allocate(x.shape(), x.dtype(), x.queue(), x.usmType(), 'C');
        if (n == 0) return out;
        long s = Math.floorMod(shift, n);
        if (s > 0) Axes.slice(out, a, 0, s, 1).assign(Axes.slice(x, a, n - s, n, 1));
        Axes.slice(out, a, s, n, 1).assign(Axes.slice(x, a, 0, n - s, 1));
        return out;
    }

    static UsmNdArray tile(UsmNdArray x, long[] reps) {
        int d = Math.max(x.ndim(), reps.length);
        long[] s = new long[d];
        long[] r = new long[d];
        Arrays.fill(s, 1);
        Arrays.fill(r, 1);
        System.arraycopy(x.shape(), 0, s, d - x.ndim(), x.ndim());
        System.arraycopy(reps, 0, r, d - reps.length, reps.length);
        long[] inter = new long[2 * d];
        long[] target = new long[2 * d];
        long[] out = new long[d];
        for (int i = 0; i < d; i++) {
            inter[2 * i] = 1;
            inter[2 * i + 1] = s[i];
            target[2 * i] = r[i];
            target[2 * i + 1] = s[i];
            out[i] = r[i] * s[i];
        }
        return x.reshape(inter).broadcastTo(target).copy().reshape(out).eval();
    }

    /** NumPy's repeat with one count for every element, along {@code axis} (null: flattened). */
    static UsmNdArray repeat(UsmNdArray x, long repeats, Integer axis) {
        if (repeats < 0) throw new IllegalArgumentException("repeat: repeats may not contain negative values, got " + repeats);
        UsmNdArray src = axis == null ? x.reshape(-1) : x;
        int a = axis == null ? 0 : Shapes.axis(axis, src.ndim());
        long[] s = src.shape();
        long[] inter = Axes.with(s, a + 1, 1);
        long[] target = Axes.with(s, a + 1, repeats);
        long[] out = s.clone();
        out[a] = s[a] * repeats;
        return src.reshape(inter).broadcastTo(target).copy().reshape(out).eval();
    }

    /** NumPy's pad with mode 'constant': {@code widths[i] = {before, after}} per axis (one pair broadcast to all). */
    static UsmNdArray pad(UsmNdArray x, long[][] widths, Object value) {
        int d = x.ndim();
        long[] shape = x.shape();
        long[] out = new long[d];
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < d; i++) {
            long[] w = widths.length == 1 ? widths[0] : widths[i];
            if (widths.length != 1 && widths.length != d) {
                throw new IllegalArgumentException("pad: pad_width must have one pair or one per axis (" + d + "), got " + widths.length);
            }
            if (w[0] < 0 || w[1] < 0) throw new IllegalArgumentException("pad: index can't contain negative values");
            out[i] = w[0] + shape[i] + w[1];
            inner.append(i == 0 ? "" : ",").append(w[0]).append(':').append(w[0] + shape[i]);
        }
        UsmNdArray r = UsmNdArray.allocate(out, x.dtype(), x.queue(), x.usmType(), 'C').assign(value);
        if (x.size() > 0) r.get(d == 0 ? "..." : inner.toString()).assign(x);
        return r;
    }
}
