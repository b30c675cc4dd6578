package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's nan-ignoring reductions: NaNs are replaced by the reduction's identity in the same
 * fused pass (and counted out of means); an all-NaN slice gives NaN for min/max, as in NumPy
 * (which also warns), and an error for nanargmin/nanargmax.
 */
final class NanReductions {

    private NanReductions() {
    }

    private static UsmNdArray replaced(UsmNdArray x, double value) {
        return x.dtype().isFloat() ? Tensor.where(Tensor.isnan(x), value, x) : x;
    }

    static UsmNdArray nansum(UsmNdArray x, int[] axes, boolean keepdims) {
        return Tensor.sum(replaced(x, 0), axes, keepdims);
    }

    static UsmNdArray nanprod(UsmNdArray x, int[] axes, boolean keepdims) {
        return Tensor.prod(replaced(x, 1), axes, keepdims);
    }

    static UsmNdArray nanmin(UsmNdArray x, int[] axes, boolean keepdims) {
        if (!x.dtype().isFloat()) return Tensor.min(x, axes, keepdims);
        UsmNdArray r = Tensor.min(replaced(x, Double.POSITIVE_INFINITY), axes, keepdims);
        return Tensor.where(Tensor.all(Tensor.isnan(x), axes, keepdims), Double.NaN, r).eval();
    }

    static UsmNdArray nanmax(UsmNdArray x, int[] axes, boolean keepdims) {
        if (!x.dtype().isFloat()) return Tensor.max(x, axes, keepdims);
        UsmNdArray r = Tensor.max(replaced(x, Double.NEGATIVE_INFINITY), axes, keepdims);
        return Tensor.where(Tensor.all(Tensor.isnan(x), axes, keepdims), Double.NaN, r).eval();
    }

    /** The number of non-NaN elements per slice, as the default float. */
    private static UsmNdArray count(UsmNdArray x, int[] axes, boolean keepdims) {
        return Tensor.sum(Tensor.logicalNot(Tensor.isnan(x)), axes, keepdims);
    }

    static UsmNdArray nanmean(UsmNdArray x, int[] axes, boolean keepdims) {
        if (!x.dtype().isFloat()) return Tensor.mean(x, axes, keepdims);
        return Tensor.divide(nansum(x, axes, keepdims), count(x, axes, keepdims).astype(x.dtype())).eval();
    }

    static UsmNdArray nanvar(UsmNdArray x, int[] axes, boolean keepdims, int ddof) {
        if (!x.dtype().isFloat()) return Tensor.var(x, axes, keepdims, ddof);
        UsmNdArray m = nanmean(x, axes, true);
        UsmNdArray d = replaced(Tensor.subtract(x, m), 0);
        UsmNdArray ss = Tensor.sum(Tensor.multiply(d, d), axes, keepdims);
        UsmNdArray n = Tensor.subtract(count(x, axes, keepdims).astype(x.dtype()), (double) ddof);
        return Tensor.divide(ss, Tensor.maximum(n, 0.0)).eval();
    }

    static UsmNdArray nanstd(UsmNdArray x, int[] axes, boolean keepdims, int ddof) {
        return Tensor.sqrt(nanvar(x, axes, keepdims, ddof)).eval();
    }

    static UsmNdArray nanargmin(UsmNdArray x, Integer axis) {
        checkAllNan("nanargmin", x, axis);
        return Tensor.argmin(Dense.of(replaced(x, Double.POSITIVE_INFINITY)), axis);
    }

    static UsmNdArray nanargmax(UsmNdArray x, Integer axis) {
        checkAllNan("nanargmax", x, axis);
        return Tensor.argmax(Dense.of(replaced(x, Double.NEGATIVE_INFINITY)), axis);
    }

    private static void checkAllNan(String fn, UsmNdArray x, Integer axis) {
        if (!x.dtype().isFloat() || x.size() == 0) return;
        UsmNdArray allNan = Tensor.all(Tensor.isnan(x), axis == null ? null : new int[] {axis}, false);
        if (Tensor.any(allNan, null, false).item() != 0) {
            throw new IllegalArgumentException(fn + ": all-NaN slice encountered");
        }
    }

    static UsmNdArray nancumsum(UsmNdArray x, Integer axis) {
        return Tensor.cumsum(Dense.of(replaced(x, 0)), axis);
    }

    static UsmNdArray nancumprod(UsmNdArray x, Integer axis) {
        return Tensor.cumprod(Dense.of(replaced(x, 1)), axis);
    }

    /** The sum's dtype for an int input is int64; kept here for callers that need it. */
    static DType sumType(DType t) {
        return t.isFloat() ? t : t.kind() == DType.Kind.UNSIGNED ? DType.UINT64 : DType.INT64;
    }
}
