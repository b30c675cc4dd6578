package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's finite differences and running sums on the array's device, as fused slices of the
 * input: gradient (second-order central differences inside, first- or second-order one-sided ones
 * at the edges, uniform or coordinate spacing), trapezoid, unwrap, and the NumPy 2 cumulative_sum
 * and cumulative_prod with include_initial.
 */
final class Calculus {

    private Calculus() {
    }

    /** The float dtype NumPy computes differences of {@code x} in. */
    private static DType floatOf(UsmNdArray x) {
        return x.dtype().isFloat() ? x.dtype() : DTypes.defaultFloat(x.device());
    }

    /**
     * NumPy's gradient along {@code axes} (all when null); {@code spacing} empty (unit), one entry for
     * every axis, or one per axis, each a Number (uniform step) or a 1-D UsmNdArray of coordinates.
     */
    static UsmNdArray[] gradient(UsmNdArray f, Object[] spacing, int[] axes, int edgeOrder) {
        if (edgeOrder != 1 && edgeOrder != 2) throw new IllegalArgumentException("gradient: edge_order must be 1 or 2, got " + edgeOrder);
        int[] ax = axes == null ? Axes.all(f.ndim()) : axes.clone();
        for (int i = 0; i < ax.length; i++) ax[i] = Shapes.axis(ax[i], f.ndim());
        Object[] sp = spacing == null ? new Object[0] : spacing;
        if (sp.length != 0 && sp.length != 1 && sp.length != ax.length) {
            throw new IllegalArgumentException("gradient: invalid number of spacing arguments: " + sp.length + " for "
                    + ax.length + " axes (give none, one, or one per axis)");
        }
        UsmNdArray x = f.astype(floatOf(f));
        UsmNdArray[] out = new UsmNdArray[ax.length];
        for (int i = 0; i < ax.length; i++) {
            Object h = sp.length == 0 ? 1.0 : sp[sp.length == 1 ? 0 : i];
            out[i] = along(x, ax[i], h, edgeOrder);
        }
        return out;
    }

    private static UsmNdArray along(UsmNdArray f, int axis, Object h, int edgeOrder) {
        long n = f.shape()[axis];
        if (n < edgeOrder + 1) {
            throw new IllegalArgumentException("gradient: shape of array too small to calculate a numerical gradient, at least "
                    + (edgeOrder + 1) + " elements are required along axis " + axis + ", got " + n);
        }
        UsmNdArray lo = Axes.slice(f, axis, 0, n - 2, 1);
        UsmNdArray mid = Axes.slice(f, axis, 1, n - 1, 1);
        UsmNdArray hi = Axes.slice(f, axis, 2, n, 1);
        UsmNdArray f0 = Axes.slice(f, axis, 0, 1, 1);
        UsmNdArray f1 = Axes.slice(f, axis, 1, 2, 1);
        UsmNdArray l0 = Axes.slice(f, axis, n - 1, n, 1);
        UsmNdArray l1 = Axes.slice(f, axis, n - 2, n - 1, 1);
        UsmNdArray first;
        UsmNdArray interior;
        UsmNdArray last;
        if (h instanceof UsmNdArray coords) {
            if (coords.ndim() != 1 || coords.size() != n) {
                throw new IllegalArgumentException("gradient: when 1d, distances must match the length of the corresponding dimension ("
                        + n + "), got " + Shapes.describe(coords.shape()));
            }
            long[] shape = new long[f.ndim()];
            java.util.Arrays.fill(shape, 1);
            shape[axis] = n - 1;
            UsmNdArray dx = MathFns.diff(coords.astype(f.dtype()), 1, 0).reshape(shape).eval();
            UsmNdArray d1 = Axes.slice(dx, axis, 0, n - 2, 1);
            UsmNdArray d2 = Axes.slice(dx, axis, 1, n - 1, 1);
            UsmNdArray s12 = Tensor.add(d1, d2);
            UsmNdArray a = Tensor.divide(Tensor.negative(d2), Tensor.multiply(d1, s12));
            UsmNdArray b = Tensor.divide(Tensor.subtract(d2, d1), Tensor.multiply(d1, d2));
            UsmNdArray c = Tensor.divide(d1, Tensor.multiply(d2, s12));
            interior = Tensor.add(Tensor.add(Tensor.multiply(a, lo), Tensor.multiply(b, mid)), Tensor.multiply(c, hi));
            UsmNdArray e0 = Axes.slice(dx, axis, 0, 1, 1);
            UsmNdArray en = Axes.slice(dx, axis, n - 2, n - 1, 1);
            if (edgeOrder == 1) {
                first = Tensor.divide(Tensor.subtract(f1, f0), e0);
                last = Tensor.divide(Tensor.subtract(l0, l1), en);
            } else {
                first = secondOrderStart(f, axis, e0, Axes.slice(dx, axis, 1, 2, 1));
                last = secondOrderEnd(f, axis, n, Axes.slice(dx, axis, n - 3, n - 2, 1), en);
            }
        } else {
            double step = ((Number) h).doubleValue();
            interior = Tensor.divide(Tensor.subtract(hi, lo), 2 * step);
            if (edgeOrder == 1) {
                first = Tensor.divide(Tensor.subtract(f1, f0), step);
                last = Tensor.divide(Tensor.subtract(l0, l1), step);
            } else {
                UsmNdArray f2 = Axes.slice(f, axis, 2, 3, 1);
                UsmNdArray l2 = Axes.slice(f, axis, n - 3, n - 2, 1);
                first = Tensor.divide(Tensor.add(Tensor.add(Tensor.multiply(f0, -1.5), Tensor.multiply(f1, 2.0)),
                        Tensor.multiply(f2, -0.5)), step);
                last = Tensor.divide(Tensor.add(Tensor.add(Tensor.multiply(l2, 0.5), Tensor.multiply(l1, -2.0)),
                        Tensor.multiply(l0, 1.5)), step);
            }
        }
        DType t = f.dtype();
        return Manipulation.concatenate(new UsmNdArray[] {first.astype(t), interior.astype(t), last.astype(t)}, axis);
    }

    /** The second-order one-sided difference at the start for spacings {@code d1}, {@code d2}. */
    private static UsmNdArray secondOrderStart(UsmNdArray f, int axis, UsmNdArray d1, UsmNdArray d2) {
        UsmNdArray s = Tensor.add(d1, d2);
        UsmNdArray a = Tensor.divide(Tensor.negative(Tensor.add(Tensor.multiply(d1, 2.0), d2)), Tensor.multiply(d1, s));
        UsmNdArray b = Tensor.divide(s, Tensor.multiply(d1, d2));
        UsmNdArray c = Tensor.divide(Tensor.negative(d1), Tensor.multiply(d2, s));
        return Tensor.add(Tensor.add(Tensor.multiply(a, Axes.slice(f, axis, 0, 1, 1)), Tensor.multiply(b, Axes.slice(f, axis, 1, 2, 1))),
                Tensor.multiply(c, Axes.slice(f, axis, 2, 3, 1)));
    }

    /** The second-order one-sided difference at the end for the last spacings {@code d1}, {@code d2}. */
    private static UsmNdArray secondOrderEnd(UsmNdArray f, int axis, long n, UsmNdArray d1, UsmNdArray d2) {
        UsmNdArray s = Tensor.add(d1, d2);
        UsmNdArray a = Tensor.divide(d2, Tensor.multiply(d1, s));
        UsmNdArray b = Tensor.divide(Tensor.negative(s), Tensor.multiply(d1, d2));
        UsmNdArray c = Tensor.divide(Tensor.add(Tensor.multiply(d2, 2.0), d1), Tensor.multiply(d2, s));
        return Tensor.add(Tensor.add(Tensor.multiply(a, Axes.slice(f, axis, n - 3, n - 2, 1)),
                Tensor.multiply(b, Axes.slice(f, axis, n - 2, n - 1, 1))), Tensor.multiply(c, Axes.slice(f, axis, n - 1, n, 1)));
    }

    /** NumPy's trapezoid: {@code sum(d * (y[1:] + y[:-1]) / 2)} along {@code axis}, d the step or diff(x). */
    static UsmNdArray trapezoid(UsmNdArray y, UsmNdArray x, double dx, int axis) {
        int a = Shapes.axis(axis, y.ndim());
        long n = y.shape()[a];
        UsmNdArray yf = y.astype(floatOf(y));
        UsmNdArray avg = Tensor.divide(Tensor.add(Axes.slice(yf, a, 1, Math.max(n, 1), 1), Axes.slice(yf, a, 0, Math.max(n - 1, 0), 1)), 2.0);
        Object d = dx;
        if (x != null) {
            UsmNdArray diffs = MathFns.diff(x, 1, x.ndim() == 1 ? 0 : a);
            if (x.ndim() == 1) {
                long[] shape = new long[y.ndim()];
                java.util.Arrays.fill(shape, 1);
                shape[a] = diffs.size();
                diffs = diffs.reshape(shape);
            }
            d = diffs;
        }
        return Tensor.sum(Tensor.multiply(d, avg), new int[] {a}, false).eval();
    }

    /** NumPy's unwrap: jumps larger than {@code discont} (default period/2) corrected by multiples of {@code period}. */
    static UsmNdArray unwrap(UsmNdArray p, Double discont, int axis, double period) {
        int a = Shapes.axis(axis, p.ndim());
        UsmNdArray pf = p.astype(floatOf(p));
        long n = pf.shape()[a];
        if (n < 2) return pf.copy().eval();
        double d = discont == null ? period / 2 : discont;
        double high = period / 2;
        double low = -high;
        UsmNdArray dd = MathFns.diff(pf, 1, a);
        UsmNdArray mod = Tensor.add(Tensor.remainder(Tensor.subtract(dd, low), period), low);
        mod = Tensor.where(Tensor.logicalAnd(Tensor.equal(mod, low), Tensor.greater(dd, 0)), high, mod);
        UsmNdArray correct = Tensor.where(Tensor.less(Tensor.abs(dd), d), 0.0, Tensor.subtract(mod, dd)).eval();
        UsmNdArray up = pf.copy().eval();
        up.set(index(pf.ndim(), a, "1:"), Tensor.add(Axes.slice(pf, a, 1, n, 1), Tensor.cumsum(correct, a)));
        return up;
    }

    private static String index(int ndim, int axis, String part) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ndim; i++) b.append(i == 0 ? "" : ",").append(i == axis ? part : ":");
        return b.toString();
    }

    /** NumPy 2's cumulative_sum / cumulative_prod: axis required above 1-D, an identity first when {@code includeInitial}. */
    static UsmNdArray cumulative(String fn, UsmNdArray x, Integer axis, DType dtype, boolean includeInitial) {
        boolean sum = fn.equals("cumulative_sum");
        if (x.ndim() == 0) throw new IllegalArgumentException(fn + ": the input must be at least 1-D, got a 0-d array");
        if (axis == null && x.ndim() > 1) {
            throw new IllegalArgumentException(fn + ": axis must be given for arrays of more than one dimension, got "
                    + Shapes.describe(x.shape()));
        }
        int a = axis == null ? 0 : Shapes.axis(axis, x.ndim());
        UsmNdArray in = dtype == null ? x : x.astype(DTypes.forDevice(dtype, x.device(), true));
        UsmNdArray r = sum ? Tensor.cumsum(in, a) : Tensor.cumprod(in, a);
        if (!includeInitial) return r;
        long[] shape = r.shape().clone();
        shape[a] = 1;
        UsmNdArray first = Tensor.full(shape, sum ? 0 : 1, ArrayOptions.on(r.queue()).dtype(r.dtype()));
        return Manipulation.concatenate(new UsmNdArray[] {first, r}, a);
    }
}
