package org.jdpx.dpnp;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's functions that edit arrays or build them from pieces and user functions, inherited by
 * {@link Dpnp}. They run on the device of their array arguments (creation functions on the
 * options' device); writes ({@code put}, {@code copyto}, ...) change the given array in place as
 * NumPy's do. Bad arguments throw {@link IllegalArgumentException}, bad indices
 * {@link IndexOutOfBoundsException}, with NumPy's wording.
 */
public abstract class EditFunctions extends SetFunctions {

    EditFunctions() {
    }

    /** NumPy {@code append(arr, values)}: both flattened and joined. */
    public static UsmNdArray append(UsmNdArray arr, UsmNdArray values) { return Edits.append(arr, values, null); }
    /** NumPy {@code append(arr, values, axis)} (null: flattened). */
    public static UsmNdArray append(UsmNdArray arr, UsmNdArray values, Integer axis) { return Edits.append(arr, values, axis); }
    /** NumPy {@code insert} with one index: {@code values} (array or scalar) before position obj of axis (null: flattened). */
    public static UsmNdArray insert(UsmNdArray arr, long obj, Object values, Integer axis) { return Edits.insert(arr, obj, values, axis); }
    /** NumPy {@code insert} with a sequence of indices, one value before each. */
    public static UsmNdArray insert(UsmNdArray arr, long[] obj, Object values, Integer axis) { return Edits.insert(arr, obj, values, axis); }
    /** NumPy {@code delete} of one position along axis (null: flattened). */
    public static UsmNdArray delete(UsmNdArray arr, long obj, Integer axis) { return Edits.delete(arr, new long[] {obj}, axis); }
    /** NumPy {@code delete} of several positions. */
    public static UsmNdArray delete(UsmNdArray arr, long[] obj, Integer axis) { return Edits.delete(arr, obj, axis); }
    /** NumPy {@code resize}: a new array of {@code newShape} filled with a's elements repeated. */
    public static UsmNdArray resize(UsmNdArray a, long... newShape) { return Edits.resize(a, newShape); }
    /** NumPy {@code trim_zeros(filt)}: leading and trailing zeros cut (a view). */
    public static UsmNdArray trimZeros(UsmNdArray filt) { return Edits.trimZeros(filt, "fb", null); }
    /** NumPy {@code trim_zeros(filt, trim, axis)}: trim "f", "b" or "fb" over the given axes (null: all). */
    public static UsmNdArray trimZeros(UsmNdArray filt, String trim, int[] axis) { return Edits.trimZeros(filt, trim, axis); }
    /** NumPy {@code block}: nested {@code Object[]} lists of arrays assembled, the innermost along the last axis. */
    public static UsmNdArray block(Object... arrays) { return Edits.block(arrays); }
    /** NumPy {@code rot90(m)}: a quarter turn in the first two axes (a view). */
    public static UsmNdArray rot90(UsmNdArray m) { return Edits.rot90(m, 1, new int[] {0, 1}); }
    /** NumPy {@code rot90(m, k, axes)}. */
    public static UsmNdArray rot90(UsmNdArray m, long k, int... axes) { return Edits.rot90(m, k, axes.length == 0 ? new int[] {0, 1} : axes); }
    /** NumPy {@code rollaxis(a, axis)}: the axis rolled to the front (a view). */
    public static UsmNdArray rollaxis(UsmNdArray a, int axis) { return Edits.rollaxis(a, axis, 0); }
    /** NumPy {@code rollaxis(a, axis, start)}. */
    public static UsmNdArray rollaxis(UsmNdArray a, int axis, int start) { return Edits.rollaxis(a, axis, start); }
    /** NumPy {@code unstack(x)}: the views along axis 0. */
    public static UsmNdArray[] unstack(UsmNdArray x) { return Edits.unstack(x, 0); }
    /** NumPy {@code unstack(x, axis)}. */
    public static UsmNdArray[] unstack(UsmNdArray x, int axis) { return Edits.unstack(x, axis); }

    /** NumPy {@code copyto(dst, src)}: casting "same_kind", everywhere. */
    public static void copyto(UsmNdArray dst, Object src) { Writes.copyto(dst, src, "same_kind", null); }
    /** NumPy {@code copyto(dst, src, casting, where)}: src (array or scalar) broadcast into dst where {@code where} (null: everywhere). */
    public static void copyto(UsmNdArray dst, Object src, String casting, UsmNdArray where) { Writes.copyto(dst, src, casting, where); }
    /** NumPy {@code put(a, ind, v)}: {@code a.flat[ind] = v} (mode "raise"). */
    public static void put(UsmNdArray a, UsmNdArray ind, Object v) { Writes.put(a, ind, v, "raise"); }
    /** NumPy {@code put(a, ind, v, mode)}; mode "raise", "wrap" or "clip"; repeated positions take the last value. */
    public static void put(UsmNdArray a, UsmNdArray ind, Object v, String mode) { Writes.put(a, ind, v, mode); }
    /** NumPy {@code put_along_axis(arr, indices, values, axis)}: the inverse of take_along_axis. */
    public static void putAlongAxis(UsmNdArray arr, UsmNdArray indices, Object values, Integer axis) { Writes.putAlongAxis(arr, indices, values, axis); }
    /** NumPy {@code putmask(a, mask, values)}: values (repeated) where mask is true. */
    public static void putmask(UsmNdArray a, UsmNdArray mask, Object values) { Writes.putmask(a, mask, values); }
    /** NumPy {@code place(arr, mask, vals)}: the k-th masked element gets {@code vals[k % len(vals)]}. */
    public static void place(UsmNdArray arr, UsmNdArray mask, Object vals) { Writes.place(arr, mask, vals); }
    /** NumPy {@code choose(a, choices)} (mode "raise"). */
    public static UsmNdArray choose(UsmNdArray a, UsmNdArray... choices) { return Writes.choose(a, choices, "raise"); }
    /** NumPy {@code choose(a, choices, mode)}: mode "raise", "wrap" or "clip". */
    public static UsmNdArray choose(UsmNdArray a, UsmNdArray[] choices, String mode) { return Writes.choose(a, choices, mode); }
    /** NumPy {@code compress(condition, a)}: the flattened elements where condition holds. */
    public static UsmNdArray compress(UsmNdArray condition, UsmNdArray a) { return Writes.compress(condition, a, null); }
    /** NumPy {@code compress(condition, a, axis)}. */
    public static UsmNdArray compress(UsmNdArray condition, UsmNdArray a, Integer axis) { return Writes.compress(condition, a, axis); }
    /** NumPy {@code fill_diagonal(a, val)}. */
    public static void fillDiagonal(UsmNdArray a, Object val) { Writes.fillDiagonal(a, val, false); }
    /** NumPy {@code fill_diagonal(a, val, wrap)}. */
    public static void fillDiagonal(UsmNdArray a, Object val, boolean wrap) { Writes.fillDiagonal(a, val, wrap); }

    /** NumPy {@code apply_along_axis(func1d, axis, arr)}: func on each 1-D slice (a view), the results stacked. */
    public static UsmNdArray applyAlongAxis(Function<UsmNdArray, UsmNdArray> func1d, int axis, UsmNdArray arr) {
        return Applies.applyAlongAxis(func1d, axis, arr);
    }
    /** NumPy {@code apply_over_axes(func, a, axes)}: {@code func(a, axis)} repeatedly, dimensions kept. */
    public static UsmNdArray applyOverAxes(BiFunction<UsmNdArray, Integer, UsmNdArray> func, UsmNdArray a, int... axes) {
        return Applies.applyOverAxes(func, a, axes);
    }
    /** NumPy {@code fromfunction(function, shape)}: function of the float64 coordinate arrays, on the default device. */
    public static UsmNdArray fromfunction(Function<UsmNdArray[], UsmNdArray> function, long... shape) {
        return Applies.fromfunction(function, shape, ArrayOptions.defaults());
    }
    /** NumPy {@code fromfunction(function, shape, dtype=..., device=...)}. */
    public static UsmNdArray fromfunction(Function<UsmNdArray[], UsmNdArray> function, long[] shape, ArrayOptions o) {
        return Applies.fromfunction(function, shape, o);
    }
    /** NumPy {@code fromiter(iter, dtype)} on the default device. */
    public static UsmNdArray fromiter(Iterable<? extends Number> iter, DType dtype) { return Applies.fromiter(iter, dtype, -1, ArrayOptions.defaults()); }
    /** NumPy {@code fromiter(iter, dtype, count, device=...)}; count -1 reads all. */
    public static UsmNdArray fromiter(Iterable<? extends Number> iter, DType dtype, long count, ArrayOptions o) {
        return Applies.fromiter(iter, dtype, count, o);
    }
    /**
     * NumPy {@code piecewise(x, condlist, funclist)}: each entry a {@code Function<UsmNdArray, UsmNdArray>}
     * (applied to the whole x, so it must be elementwise) or a Number; one extra entry is the otherwise value.
     */
    public static UsmNdArray piecewise(UsmNdArray x, UsmNdArray[] condlist, Object... funclist) { return Applies.piecewise(x, condlist, funclist); }
}
