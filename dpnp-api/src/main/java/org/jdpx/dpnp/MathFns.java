package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * Ufuncs NumPy has beyond the Array API set tensor provides, written as fused compositions of
 * tensor's elementwise operations (so they stay lazy and run in one kernel with their
 * neighbours), plus differences and interpolation.
 */
final class MathFns {
    private static final double LN2 = Math.log(2);

    private MathFns() {
    }

    /** C's fmod: the exact remainder with the dividend's sign (one IR remainder, no rounding). */
    static UsmNdArray fmod(Object a, Object b) {
        return Tensor.apply(ElementOp.FMOD, a, b);
    }

    static UsmNdArray logaddexp(Object a, Object b) {
        UsmNdArray m = Tensor.maximum(a, b);
        UsmNdArray d = Tensor.abs(Tensor.subtract(a, b));
        UsmNdArray r = Tensor.add(m, Tensor.log1p(Tensor.exp(Tensor.negative(d))));
        return Tensor.where(Tensor.equal(a, b), Tensor.add(m, LN2), r);
    }

    static UsmNdArray logaddexp2(Object a, Object b) {
        UsmNdArray m = Tensor.maximum(a, b);
        UsmNdArray d = Tensor.abs(Tensor.subtract(a, b));
        UsmNdArray r = Tensor.add(m, Tensor.divide(Tensor.log1p(Tensor.exp2(Tensor.negative(d))), LN2));
        return Tensor.where(Tensor.equal(a, b), Tensor.add(m, 1.0), r);
    }

    static UsmNdArray arcsinh(UsmNdArray x) {
        UsmNdArray ax = Tensor.abs(x);
        UsmNdArray sq = Tensor.multiply(ax, ax);
        UsmNdArray t = Tensor.add(ax, Tensor.divide(sq, Tensor.add(Tensor.sqrt(Tensor.add(sq, 1.0)), 1.0)));
        UsmNdArray big = Tensor.add(Tensor.log(ax), LN2);
        UsmNdArray r = Tensor.where(Tensor.greater(ax, 1e150), big, Tensor.log1p(t));
        return Tensor.where(Tensor.less(x, 0), Tensor.negative(r), r);
    }

    static UsmNdArray arccosh(UsmNdArray x) {
        UsmNdArray t = Tensor.subtract(x, 1.0);
        return Tensor.log1p(Tensor.add(t, Tensor.sqrt(Tensor.add(Tensor.multiply(t, 2.0), Tensor.multiply(t, t)))));
    }

    static UsmNdArray arctanh(UsmNdArray x) {
        return Tensor.multiply(Tensor.log1p(Tensor.divide(Tensor.multiply(x, 2.0), Tensor.subtract(1.0, x))), 0.5);
    }

    /** True where the sign bit is set (including -0.0). */
    static UsmNdArray signbit(UsmNdArray x) {
        if (!x.dtype().isFloat()) return Tensor.less(x, 0);
        UsmNdArray negZero = Tensor.logicalAnd(Tensor.equal(x, 0), Tensor.less(Tensor.divide(1.0, x), 0));
        return Tensor.logicalOr(Tensor.less(x, 0), negZero);
    }

    static UsmNdArray copysign(UsmNdArray a, UsmNdArray b) {
        UsmNdArray m = magnitude(a);
        return Tensor.where(signbit(b), Tensor.negative(m), m);
    }

    /** |a| in the float dtype copysign returns (integers become NumPy's true-divide float). */
    private static UsmNdArray magnitude(UsmNdArray a) {
        return Tensor.abs(a.dtype().isFloat() ? a : a.astype(Tensor.divide(a, 1).dtype()));
    }

    /** copysign with a scalar sign source: |a| or -|a| for every element (-0.0 and NaNs with the sign bit count as negative). */
    static UsmNdArray copysign(UsmNdArray a, double sign) {
        UsmNdArray m = magnitude(a);
        return Double.doubleToRawLongBits(sign) < 0 ? Tensor.negative(m) : m;
    }

    static UsmNdArray heaviside(UsmNdArray x, Object h0) {
        UsmNdArray r = Tensor.where(Tensor.less(x, 0), 0.0, Tensor.where(Tensor.greater(x, 0), 1.0, h0));
        return Tensor.where(Tensor.isnan(x), Double.NaN, r);
    }

    static UsmNdArray nanToNum(UsmNdArray x, double nan) {
        if (!x.dtype().isFloat()) return x.copy();
        double big = x.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        UsmNdArray r = Tensor.where(Tensor.isnan(x), nan, x);
        r = Tensor.where(Tensor.logicalAnd(Tensor.isinf(x), Tensor.greater(x, 0)), big, r);
        return Tensor.where(Tensor.logicalAnd(Tensor.isinf(x), Tensor.less(x, 0)), -big, r);
    }

    /** NumPy's round with {@code decimals}: scale, round half to even, unscale. */
    static UsmNdArray around(UsmNdArray x, int decimals) {
        if (decimals == 0 || !x.dtype().isFloat()) return decimals >= 0 ? Tensor.round(x) : roundInt(x, decimals);
        double s = Math.pow(10, Math.abs(decimals));
        return decimals > 0 ? Tensor.divide(Tensor.round(Tensor.multiply(x, s)), s)
                : Tensor.multiply(Tensor.round(Tensor.divide(x, s)), s);
    }

    private static UsmNdArray roundInt(UsmNdArray x, int decimals) {
        long s = (long) Math.pow(10, -decimals);
        return Tensor.multiply(Tensor.round(Tensor.divide(x, s)), s).astype(x.dtype());
    }

    static UsmNdArray isposinf(UsmNdArray x) {
        return Tensor.logicalAnd(Tensor.isinf(x), Tensor.greater(x, 0));
    }

    static UsmNdArray isneginf(UsmNdArray x) {
        return Tensor.logicalAnd(Tensor.isinf(x), Tensor.less(x, 0));
    }

    /** NumPy's ldexp: {@code x * 2**e}. */
    static UsmNdArray ldexp(UsmNdArray x, UsmNdArray e) {
        return Tensor.multiply(x, Tensor.exp2(e.astype(x.dtype().isFloat() ? x.dtype() : Tensor.exp2(e).dtype())));
    }

    /** NumPy's float_power: the power in float64 (float32 on a device without fp64). */
    static UsmNdArray floatPower(UsmNdArray a, Object b) {
        DType t = org.jdpx.tensor.DTypes.defaultFloat(a.device());
        return Tensor.pow(a.astype(t), b instanceof UsmNdArray u ? u.astype(t) : ((Number) b).doubleValue());
    }

    /** The {@code n}-th discrete difference along {@code axis}. */
    static UsmNdArray diff(UsmNdArray x, int n, int axis) {
        if (n < 0) throw new IllegalArgumentException("diff: order must be non-negative, got " + n);
        int a = Shapes.axis(axis, x.ndim());
        UsmNdArray r = x;
        for (int i = 0; i < n; i++) {
            long len = r.shape()[a];
            if (len == 0) break;
            UsmNdArray hi = Axes.slice(r, a, 1, len, 1);
            UsmNdArray lo = Axes.slice(r, a, 0, len - 1, 1);
            r = (r.dtype() == DType.BOOL ? Tensor.notEqual(hi, lo) : Tensor.subtract(hi, lo)).eval();
        }
        return r == x ? x.copy().eval() : r;
    }

    /** NumPy's interp: piecewise-linear interpolation of {@code (xp, fp)} at {@code x}; xp increasing. */
    static UsmNdArray interp(UsmNdArray x, UsmNdArray xp, UsmNdArray fp) {
        long n = xp.size();
        if (xp.ndim() != 1 || fp.ndim() != 1 || fp.size() != n || n == 0) {
            throw new IllegalArgumentException("interp: xp and fp must be 1-D of the same non-zero length, got "
                    + Shapes.describe(xp.shape()) + " and " + Shapes.describe(fp.shape()));
        }
        DType t = org.jdpx.tensor.DTypes.defaultFloat(x.device());
        UsmNdArray xf = x.astype(t);
        UsmNdArray xpf = Dense.of(xp, t);
        UsmNdArray fpf = Dense.of(fp, t);
        if (n == 1) return Tensor.add(Tensor.multiply(xf, 0.0), fpf.get("0")).eval();
        UsmNdArray j = Tensor.clip(Tensor.subtract(Sorting.searchsorted(xpf, xf, "right"), 1L), 0L, n - 2).eval();
        UsmNdArray j1 = Tensor.add(j, 1L).eval();
        UsmNdArray x0 = Sorting.take(xpf, j, 0);
        UsmNdArray x1 = Sorting.take(xpf, j1, 0);
        UsmNdArray f0 = Sorting.take(fpf, j, 0);
        UsmNdArray f1 = Sorting.take(fpf, j1, 0);
        UsmNdArray slope = Tensor.divide(Tensor.subtract(f1, f0), Tensor.subtract(x1, x0));
        UsmNdArray r = Tensor.add(Tensor.multiply(slope, Tensor.subtract(xf, x0)), f0);
        r = Tensor.where(Tensor.equal(xf, x1), f1, r);
        r = Tensor.where(Tensor.less(xf, xpf.get("0")), fpf.get("0"), r);
        return Tensor.where(Tensor.greater(xf, xpf.get(String.valueOf(n - 1))), fpf.get(String.valueOf(n - 1)), r).eval();
    }
}
