package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Calls the Dpnp overload with NumPy's default arguments that a {@code default:NAME} case names
 * (generate_cases.py computed NumPy's result with the same arguments left out). Creation
 * functions without options run on the default device; their result is moved to the tested one.
 */
final class DefaultCalls {

    private DefaultCalls() {
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    /** {@code r} (made on the default device) on the tested device, float64 read as float32 where it has no fp64. */
    private static UsmNdArray moved(UsmNdArray r, ArrayOptions on) {
        DType t = DTypes.forDevice(r.dtype(), on.resolveQueue().device(), false);
        return Dpnp.asarray(t == r.dtype() ? r : Dpnp.astype(r, t), on);
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, ArrayOptions on) {
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        return switch (fn) {
            case "eye" -> one(a.has("m") ? moved(Dpnp.eye(a.l("n"), a.l("m")), on) : Dpnp.eye(a.l("n"), on));
            case "identity" -> one(moved(Dpnp.identity(a.l("n")), on));
            case "tri" -> one(Dpnp.tri(a.l("n"), on));
            case "linspace" -> one(a.has("num") ? Dpnp.linspace(a.d("start"), a.d("stop"), a.l("num"), on)
                    : moved(Dpnp.linspace(a.d("start"), a.d("stop")), on));
            case "logspace" -> one(moved(Dpnp.logspace(a.d("start"), a.d("stop"), a.l("num")), on));
            case "arange" -> one(moved(!a.has("start") ? Dpnp.arange(a.l("stop"))
                    : a.has("step") ? Dpnp.arange(a.d("start"), a.d("stop"), a.d("step")) : Dpnp.arange(a.d("start"), a.d("stop")), on));
            case "zeros" -> one(moved(Dpnp.zeros(a.longs("shape")), on));
            case "ones" -> one(moved(Dpnp.ones(a.longs("shape")), on));
            case "full" -> one(moved(Dpnp.full(a.longs("shape"), a.l("value")), on));
            case "empty" -> one(moved(Dpnp.empty(a.longs("shape")), on));
            case "indices" -> one(moved(Dpnp.indices(a.longs("shape")), on));
            case "tril" -> one(Dpnp.tril(x0));
            case "triu" -> one(Dpnp.triu(x0));
            case "meshgrid" -> Dpnp.meshgrid(x);
            case "diag" -> one(Dpnp.diag(x0));
            case "diagflat" -> one(Dpnp.diagflat(x0));
            case "diagonal" -> one(Dpnp.diagonal(x0));
            case "round" -> one(Dpnp.round(x0));
            case "around" -> one(Dpnp.around(x0));
            case "copysign" -> one(Dpnp.copysign(x0, a.d("sign")));
            case "nan_to_num" -> one(Dpnp.nanToNum(x0));
            case "diff" -> one(a.has("n") ? Dpnp.diff(x0, a.i("n")) : Dpnp.diff(x0));
            default -> a.has("axis") ? one(reduceAlong(fn, x0, a.i("axis"))) : rest(fn, a, x, x0, x1);
        };
    }

    /** Reductions over one axis: keepdims=False, ddof=0. */
    private static UsmNdArray reduceAlong(String fn, UsmNdArray x, int axis) {
        return switch (fn) {
            case "sum" -> Dpnp.sum(x, axis);
            case "prod" -> Dpnp.prod(x, axis);
            case "min" -> Dpnp.min(x, axis);
            case "max" -> Dpnp.max(x, axis);
            case "amin" -> Dpnp.amin(x, axis);
            case "amax" -> Dpnp.amax(x, axis);
            case "ptp" -> Dpnp.ptp(x, axis);
            case "mean" -> Dpnp.mean(x, axis);
            case "var" -> Dpnp.var(x, axis);
            case "std" -> Dpnp.std(x, axis);
            case "any" -> Dpnp.any(x, axis);
            case "all" -> Dpnp.all(x, axis);
            case "count_nonzero" -> Dpnp.countNonzero(x, axis);
            case "nansum" -> Dpnp.nansum(x, axis);
            case "nanprod" -> Dpnp.nanprod(x, axis);
            case "nanmin" -> Dpnp.nanmin(x, axis);
            case "nanmax" -> Dpnp.nanmax(x, axis);
            case "nanmean" -> Dpnp.nanmean(x, axis);
            case "nanvar" -> Dpnp.nanvar(x, axis);
            case "nanstd" -> Dpnp.nanstd(x, axis);
            default -> throw new IllegalArgumentException("no default-argument case for " + fn + " with an axis");
        };
    }

    private static UsmNdArray[] rest(String fn, Args a, UsmNdArray[] x, UsmNdArray x0, UsmNdArray x1) {
        return switch (fn) {
            case "sum" -> one(Dpnp.sum(x0));
            case "prod" -> one(Dpnp.prod(x0));
            case "min" -> one(Dpnp.min(x0));
            case "max" -> one(Dpnp.max(x0));
            case "amin" -> one(Dpnp.amin(x0));
            case "amax" -> one(Dpnp.amax(x0));
            case "ptp" -> one(Dpnp.ptp(x0));
            case "mean" -> one(Dpnp.mean(x0));
            case "var" -> one(Dpnp.var(x0));
            case "std" -> one(Dpnp.std(x0));
            case "any" -> one(Dpnp.any(x0));
            case "all" -> one(Dpnp.all(x0));
            case "count_nonzero" -> one(Dpnp.countNonzero(x0));
            case "nansum" -> one(Dpnp.nansum(x0));
            case "nanprod" -> one(Dpnp.nanprod(x0));
            case "nanmin" -> one(Dpnp.nanmin(x0));
            case "nanmax" -> one(Dpnp.nanmax(x0));
            case "nanmean" -> one(Dpnp.nanmean(x0));
            case "nanvar" -> one(Dpnp.nanvar(x0));
            case "nanstd" -> one(Dpnp.nanstd(x0));
            case "argmin" -> one(Dpnp.argmin(x0));
            case "argmax" -> one(Dpnp.argmax(x0));
            case "nanargmin" -> one(Dpnp.nanargmin(x0));
            case "nanargmax" -> one(Dpnp.nanargmax(x0));
            case "cumsum" -> one(Dpnp.cumsum(x0));
            case "cumprod" -> one(Dpnp.cumprod(x0));
            case "nancumsum" -> one(Dpnp.nancumsum(x0));
            case "nancumprod" -> one(Dpnp.nancumprod(x0));
            case "median" -> one(Dpnp.median(x0));
            case "percentile" -> one(a.has("q") ? Dpnp.percentile(x0, a.d("q")) : Dpnp.percentile(x0, a.doubles("qs")));
            case "quantile" -> one(a.has("q") ? Dpnp.quantile(x0, a.d("q")) : Dpnp.quantile(x0, a.doubles("qs")));
            case "average" -> one(Dpnp.average(x0));
            case "cov" -> one(Dpnp.cov(x0));
            case "corrcoef" -> one(Dpnp.corrcoef(x0));
            case "histogram" -> a.has("bins") ? Dpnp.histogram(x0, a.i("bins")) : Dpnp.histogram(x0);
            case "histogram_bin_edges" -> one(a.has("bins") ? Dpnp.histogramBinEdges(x0, a.i("bins")) : Dpnp.histogramBinEdges(x0));
            case "bincount" -> one(Dpnp.bincount(x0));
            case "digitize" -> one(Dpnp.digitize(x0, x1));
            case "trace" -> one(Dpnp.trace(x0));
            case "norm" -> one(Dpnp.norm(x0));
            case "tensordot" -> one(Dpnp.tensordot(x0, x1));
            case "flip" -> one(Dpnp.flip(x0));
            case "concatenate" -> one(Dpnp.concatenate(x));
            case "concat" -> one(Dpnp.concat(x));
            case "stack" -> one(Dpnp.stack(x));
            case "split" -> a.has("sections") ? Dpnp.split(x0, a.i("sections")) : Dpnp.split(x0, a.longs("indices"));
            case "array_split" -> Dpnp.arraySplit(x0, a.i("sections"));
            case "roll" -> one(Dpnp.roll(x0, a.l("shift")));
            case "repeat" -> one(Dpnp.repeat(x0, a.l("repeats")));
            case "pad" -> one(Dpnp.pad(x0, new long[][] {a.longs("widths")}));
            case "sort" -> one(Dpnp.sort(x0));
            case "argsort" -> one(Dpnp.argsort(x0));
            case "searchsorted" -> one(Dpnp.searchsorted(x0, x1));
            case "take" -> one(Dpnp.take(x0, x1));
            case "array_equal" -> one(Dpnp.arrayEqual(x0, x1));
            default -> throw new IllegalArgumentException("no default-argument case for " + fn);
        };
    }
}
