package org.jdpx.dpnp;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's functions that call user code over arrays: apply_along_axis, apply_over_axes,
 * fromfunction, piecewise, and fromiter (Java values to an array). The Java function receives
 * device arrays (views where NumPy passes views) and runs wherever its own operations run.
 */
final class Applies {

    private Applies() {
    }

    /** NumPy's apply_along_axis: {@code func} on every 1-D slice along {@code axis}, results stacked in its place. */
    static UsmNdArray applyAlongAxis(Function<UsmNdArray, UsmNdArray> func, int axis, UsmNdArray arr) {
        int nd = arr.ndim();
        if (nd == 0) throw new IllegalArgumentException("apply_along_axis: arr must have at least one dimension");
        int ax = Shapes.axis(axis, nd);
        UsmNdArray moved = Axes.move(arr, ax, -1);
        long[] outer = Arrays.copyOf(moved.shape(), nd - 1);
        long count = Shapes.size(outer);
        if (count == 0) throw new IllegalArgumentException("apply_along_axis: cannot apply_along_axis when any iteration dimensions are 0");
        UsmNdArray out = null;
        long[] rs = null;
        long[] pos = new long[nd - 1];
        for (long c = 0; c < count; c++) {
            UsmNdArray r = func.apply(moved.get(pos));
            if (out == null) {
                rs = r.shape();
                long[] shape = Arrays.copyOf(outer, outer.length + rs.length);
                System.arraycopy(rs, 0, shape, outer.length, rs.length);
                out = UsmNdArray.allocate(shape, r.dtype(), arr.queue(), arr.usmType(), 'C');
            } else if (!Arrays.equals(rs, r.shape())) {
                throw new IllegalArgumentException("apply_along_axis: func returned shape " + Shapes.describe(r.shape())
                        + " after " + Shapes.describe(rs) + "; every call must return one shape");
            }
            out.get(pos).assign(r);
            for (int d = nd - 2; d >= 0; d--) {
                if (++pos[d] < outer[d]) break;
                pos[d] = 0;
            }
        }
        int[] perm = new int[out.ndim()];
        int k = 0;
        for (int i = 0; i < ax; i++) perm[k++] = i;
        for (int i = 0; i < rs.length; i++) perm[k++] = nd - 1 + i;
        for (int i = ax; i < nd - 1; i++) perm[k++] = i;
        return out.permute(perm);
    }

    /** NumPy's apply_over_axes: {@code func(a, axis)} for each axis in turn, a removed axis put back as length 1. */
    static UsmNdArray applyOverAxes(BiFunction<UsmNdArray, Integer, UsmNdArray> func, UsmNdArray a, int[] axes) {
        UsmNdArray val = a;
        int n = a.ndim();
        for (int axis : axes) {
            int ax = axis < 0 ? axis + n : axis;
            UsmNdArray res = func.apply(val, ax);
            if (res.ndim() == val.ndim()) {
                val = res;
            } else if (res.ndim() == val.ndim() - 1) {
                val = res.expandDims(ax);
            } else {
                throw new IllegalArgumentException("apply_over_axes: function is not returning an array of the correct shape");
            }
        }
        return val;
    }

    /** NumPy's fromfunction: {@code function} called once with the coordinate arrays of {@code shape} (dtype from the options, float64 by default). */
    static UsmNdArray fromfunction(Function<UsmNdArray[], UsmNdArray> function, long[] shape, ArrayOptions o) {
        UsmNdArray grid = Creation.indices(shape, o.dtype() == null ? o.dtype(DTypes.defaultFloat(o.resolveQueue().device())) : o);
        UsmNdArray[] coords = new UsmNdArray[shape.length];
        for (int i = 0; i < shape.length; i++) coords[i] = grid.get(i);
        return function.apply(coords);
    }

    /** NumPy's fromiter: the first {@code count} (-1: all) values of {@code iterable} as a 1-D array of {@code dtype} (float64 as float32 on a device without fp64). */
    static UsmNdArray fromiter(Iterable<? extends Number> iterable, DType dtype, long count, ArrayOptions o) {
        if (dtype == null) throw new IllegalArgumentException("fromiter: dtype must be given");
        java.util.List<Number> values = new java.util.ArrayList<>();
        for (Number v : iterable) {
            if (count >= 0 && values.size() >= count) break;
            values.add(v);
        }
        if (count >= 0 && values.size() < count) {
            throw new IllegalArgumentException("fromiter: iterator too short: Expected " + count + " but iterator had only "
                    + values.size() + " items.");
        }
        ArrayOptions to = o.dtype(DTypes.forDevice(dtype, o.resolveQueue().device(), false));
        if (dtype.isFloat()) return Tensor.asarray(values.stream().mapToDouble(Number::doubleValue).toArray(), null, to);
        return Tensor.asarray(values.stream().mapToLong(Number::longValue).toArray(), null, to);
    }

    /**
     * NumPy's piecewise: where {@code condlist[i]} holds, {@code funclist[i]} (a {@code Function<UsmNdArray, UsmNdArray>}
     * applied to x, or a constant Number); one extra entry is the value where no condition holds; elsewhere 0.
     * Each function is applied to the whole x, not only to the selected elements, so it must be elementwise.
     */
    @SuppressWarnings("unchecked")
    static UsmNdArray piecewise(UsmNdArray x, UsmNdArray[] condlist, Object[] funclist) {
        int n = condlist.length;
        if (funclist.length != n && funclist.length != n + 1) {
            throw new IllegalArgumentException("piecewise: with " + n + " condition(s), either " + n + " or " + (n + 1)
                    + " functions are expected, got " + funclist.length);
        }
        UsmNdArray[] conds = Arrays.copyOf(condlist, funclist.length);
        if (funclist.length == n + 1) {
            UsmNdArray any = Tensor.zeros(x.shape(), ArrayOptions.on(x.queue()).dtype(DType.BOOL));
            for (UsmNdArray c : condlist) any = Tensor.logicalOr(any, c);
            conds[n] = Tensor.logicalNot(any).eval();
        }
        UsmNdArray y = Tensor.zeros(x.shape(), ArrayOptions.on(x.queue()).dtype(x.dtype()));
        for (int i = 0; i < funclist.length; i++) {
            Object f = funclist[i];
            Object v;
            if (f instanceof Function<?, ?> fn) {
                v = ((Function<UsmNdArray, UsmNdArray>) fn).apply(x);
            } else if (f instanceof Number num) {
                v = num;
            } else {
                throw new IllegalArgumentException("piecewise: funclist entries must be Function<UsmNdArray, UsmNdArray> or "
                        + "Number, got " + (f == null ? "null" : f.getClass().getSimpleName()));
            }
            y = Tensor.where(conds[i], v, y).astype(x.dtype()).eval();
        }
        return y;
    }
}
