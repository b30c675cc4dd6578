package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/** The second half of {@link Calls}: one-array functions, reductions, statistics, linalg, manipulation, sorting, logic. */
final class UnaryCalls {

    private UnaryCalls() {
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, int[] ax, boolean kd, int ddof) {
        UsmNdArray x0 = x[0];
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        return switch (fn) {
            case "negative" -> one(Dpnp.negative(x0));
            case "positive" -> one(Dpnp.positive(x0));
            case "abs" -> one(Dpnp.abs(x0));
            case "absolute" -> one(Dpnp.absolute(x0));
            case "fabs" -> one(Dpnp.fabs(x0));
            case "sign" -> one(Dpnp.sign(x0));
            case "signbit" -> one(Dpnp.signbit(x0));
            case "square" -> one(Dpnp.square(x0));
            case "sqrt" -> one(Dpnp.sqrt(x0));
            case "cbrt" -> one(Dpnp.cbrt(x0));
            case "reciprocal" -> one(Dpnp.reciprocal(x0));
            case "exp" -> one(Dpnp.exp(x0));
            case "exp2" -> one(Dpnp.exp2(x0));
            case "expm1" -> one(Dpnp.expm1(x0));
            case "log" -> one(Dpnp.log(x0));
            case "log2" -> one(Dpnp.log2(x0));
            case "log10" -> one(Dpnp.log10(x0));
            case "log1p" -> one(Dpnp.log1p(x0));
            case "sin" -> one(Dpnp.sin(x0));
            case "cos" -> one(Dpnp.cos(x0));
            case "tan" -> one(Dpnp.tan(x0));
            case "arcsin" -> one(Dpnp.arcsin(x0));
            case "arccos" -> one(Dpnp.arccos(x0));
            case "arctan" -> one(Dpnp.arctan(x0));
            case "asin" -> one(Dpnp.asin(x0));
            case "acos" -> one(Dpnp.acos(x0));
            case "atan" -> one(Dpnp.atan(x0));
            case "sinh" -> one(Dpnp.sinh(x0));
            case "cosh" -> one(Dpnp.cosh(x0));
            case "tanh" -> one(Dpnp.tanh(x0));
            case "arcsinh" -> one(Dpnp.arcsinh(x0));
            case "arccosh" -> one(Dpnp.arccosh(x0));
            case "arctanh" -> one(Dpnp.arctanh(x0));
            case "asinh" -> one(Dpnp.asinh(x0));
            case "acosh" -> one(Dpnp.acosh(x0));
            case "atanh" -> one(Dpnp.atanh(x0));
            case "deg2rad" -> one(Dpnp.deg2rad(x0));
            case "rad2deg" -> one(Dpnp.rad2deg(x0));
            case "radians" -> one(Dpnp.radians(x0));
            case "degrees" -> one(Dpnp.degrees(x0));
            case "floor" -> one(Dpnp.floor(x0));
            case "ceil" -> one(Dpnp.ceil(x0));
            case "trunc" -> one(Dpnp.trunc(x0));
            case "fix" -> one(Dpnp.fix(x0));
            case "rint" -> one(Dpnp.rint(x0));
            case "isnan" -> one(Dpnp.isnan(x0));
            case "isinf" -> one(Dpnp.isinf(x0));
            case "isfinite" -> one(Dpnp.isfinite(x0));
            case "isposinf" -> one(Dpnp.isposinf(x0));
            case "isneginf" -> one(Dpnp.isneginf(x0));
            case "real" -> one(Dpnp.real(x0));
            case "imag" -> one(Dpnp.imag(x0));
            case "conj" -> one(Dpnp.conj(x0));
            case "conjugate" -> one(Dpnp.conjugate(x0));
            case "sum" -> one(Dpnp.sum(x0, ax, kd));
            case "prod" -> one(Dpnp.prod(x0, ax, kd));
            case "min" -> one(Dpnp.min(x0, ax, kd));
            case "max" -> one(Dpnp.max(x0, ax, kd));
            case "amin" -> one(Dpnp.amin(x0, ax, kd));
            case "amax" -> one(Dpnp.amax(x0, ax, kd));
            case "ptp" -> one(Dpnp.ptp(x0, ax, kd));
            case "mean" -> one(Dpnp.mean(x0, ax, kd));
            case "var" -> one(Dpnp.var(x0, ax, kd, ddof));
            case "std" -> one(Dpnp.std(x0, ax, kd, ddof));
            case "any" -> one(Dpnp.any(x0, ax, kd));
            case "all" -> one(Dpnp.all(x0, ax, kd));
            case "count_nonzero" -> one(Dpnp.countNonzero(x0, ax, kd));
            case "nansum" -> one(Dpnp.nansum(x0, ax, kd));
            case "nanprod" -> one(Dpnp.nanprod(x0, ax, kd));
            case "nanmin" -> one(Dpnp.nanmin(x0, ax, kd));
            case "nanmax" -> one(Dpnp.nanmax(x0, ax, kd));
            case "nanmean" -> one(Dpnp.nanmean(x0, ax, kd));
            case "nanvar" -> one(Dpnp.nanvar(x0, ax, kd, ddof));
            case "nanstd" -> one(Dpnp.nanstd(x0, ax, kd, ddof));
            case "argmin" -> one(Dpnp.argmin(x0, a.axis("axis")));
            case "argmax" -> one(Dpnp.argmax(x0, a.axis("axis")));
            case "nanargmin" -> one(Dpnp.nanargmin(x0, a.axis("axis")));
            case "nanargmax" -> one(Dpnp.nanargmax(x0, a.axis("axis")));
            case "cumsum" -> one(Dpnp.cumsum(x0, a.axis("axis")));
            case "cumprod" -> one(Dpnp.cumprod(x0, a.axis("axis")));
            case "nancumsum" -> one(Dpnp.nancumsum(x0, a.axis("axis")));
            case "nancumprod" -> one(Dpnp.nancumprod(x0, a.axis("axis")));
            case "median" -> one(Dpnp.median(x0, a.axis("axis"), kd));
            case "percentile" -> one(a.has("qs") ? Dpnp.percentile(x0, a.d("qs"), a.axis("axis"), kd)
                    : Dpnp.percentile(x0, a.doubles("q"), a.axis("axis"), kd));
            case "quantile" -> one(a.has("qs") ? Dpnp.quantile(x0, a.d("qs"), a.axis("axis"), kd)
                    : Dpnp.quantile(x0, a.doubles("q"), a.axis("axis"), kd));
            case "average" -> one(Dpnp.average(x0, x1, a.axis("axis")));
            case "cov" -> one(Dpnp.cov(x0, a.b("rowvar"), a.i("ddof")));
            case "corrcoef" -> one(Dpnp.corrcoef(x0, a.b("rowvar")));
            case "histogram" -> Dpnp.histogram(x0, a.i("bins"), a.has("lo") ? a.d("lo") : null, a.has("hi") ? a.d("hi") : null);
            case "histogram_bin_edges" -> one(Dpnp.histogramBinEdges(x0, a.i("bins"), null, null));
            case "bincount" -> one(Dpnp.bincount(x0, x1, a.l("minlength")));
            case "digitize" -> one(Dpnp.digitize(x0, x1, a.b("right")));
            case "matmul" -> one(Dpnp.matmul(x0, x1));
            case "dot" -> one(Dpnp.dot(x0, x1));
            case "vdot" -> one(Dpnp.vdot(x0, x1));
            case "inner" -> one(Dpnp.inner(x0, x1));
            case "outer" -> one(Dpnp.outer(x0, x1));
            case "tensordot" -> one(Dpnp.tensordot(x0, x1, a.i("axes")));
            case "trace" -> one(Dpnp.trace(x0, a.l("offset")));
            case "norm" -> one(Dpnp.norm(x0, ord(a.str("ord")), ax, kd));
            default -> Shaping.run(fn, a, x);
        };
    }

    private static Object ord(String s) {
        return switch (s) {
            case "none" -> null;
            case "fro" -> "fro";
            case "inf" -> Double.POSITIVE_INFINITY;
            case "ninf" -> Double.NEGATIVE_INFINITY;
            case "n1" -> -1;
            default -> Integer.valueOf(s);
        };
    }

}
