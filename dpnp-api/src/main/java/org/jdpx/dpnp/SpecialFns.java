package org.jdpx.dpnp;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy ufuncs beyond tensor's set, on the operands' device: frexp, modf, sinc and i0 as fused
 * compositions (lazy, one kernel with their neighbours); gcd, lcm, bitwise_count, nextafter and
 * spacing through {@link BitKernels} on dense broadcast copies.
 */
final class SpecialFns {
    /** i0's power series runs to this |x|, its asymptotic expansion beyond. */
    private static final double I0_SWITCH = 20;
    private static final int I0_SERIES_TERMS = 40;
    private static final int I0_ASYMPTOTIC_TERMS = 25;

    private SpecialFns() {
    }

    private static UsmNdArray toFloat(UsmNdArray x) {
        return x.dtype().isFloat() ? x : x.astype(DTypes.defaultFloat(x.device()));
    }

    /** NumPy's frexp: {@code x = m * 2**e} with {@code 0.5 <= |m| < 1} (m = x, e = 0 for 0, inf, NaN); e is int32. */
    static UsmNdArray[] frexp(UsmNdArray x) {
        UsmNdArray xf = toFloat(x);
        UsmNdArray ax = Tensor.abs(xf);
        UsmNdArray special = Tensor.logicalOr(Tensor.equal(xf, 0), Tensor.logicalNot(Tensor.isfinite(xf)));
        UsmNdArray safe = Tensor.where(special, 1.0, ax);
        UsmNdArray e = Tensor.add(Tensor.floor(Tensor.log2(safe)), 1.0).eval();
        UsmNdArray m = scale(safe, Tensor.negative(e));
        // log2 may round across a power of two: bring m back into [0.5, 1)
        UsmNdArray big = Tensor.greaterEqual(m, 1.0);
        UsmNdArray small = Tensor.less(m, 0.5);
        e = Tensor.where(big, Tensor.add(e, 1.0), Tensor.where(small, Tensor.subtract(e, 1.0), e)).eval();
        m = scale(safe, Tensor.negative(e));
        UsmNdArray mant = Tensor.where(special, xf, MathFns.copysign(m, xf)).astype(xf.dtype());
        UsmNdArray exp = Tensor.where(special, 0.0, e).astype(DType.INT32);
        return new UsmNdArray[] {mant.eval(), exp.eval()};
    }

    /** {@code x * 2**k} for integral k in two exact halves, so that neither power overflows. */
    private static UsmNdArray scale(UsmNdArray x, UsmNdArray k) {
        UsmNdArray h = Tensor.floor(Tensor.divide(k, 2.0));
        return Tensor.multiply(Tensor.multiply(x, Tensor.exp2(h)), Tensor.exp2(Tensor.subtract(k, h)));
    }

    /** NumPy's modf: the fractional and integral parts, both with x's sign (0 and inf for inf). */
    static UsmNdArray[] modf(UsmNdArray x) {
        UsmNdArray xf = toFloat(x);
        UsmNdArray whole = Tensor.trunc(xf);
        UsmNdArray frac = Tensor.where(Tensor.isinf(xf), 0.0, Tensor.subtract(xf, whole));
        return new UsmNdArray[] {MathFns.copysign(frac.astype(xf.dtype()), xf).eval(), whole.eval()};
    }

    /** NumPy's sinc: {@code sin(pi y) / (pi y)} with y = x, or 1e-20 where x is 0. */
    static UsmNdArray sinc(UsmNdArray x) {
        UsmNdArray xf = toFloat(x);
        UsmNdArray y = Tensor.multiply(Tensor.where(Tensor.equal(xf, 0), 1.0e-20, xf), Math.PI);
        return Tensor.divide(Tensor.sin(y), y).astype(xf.dtype()).eval();
    }

    /**
     * NumPy's i0, the modified Bessel function of the first kind of order 0: its power series
     * {@code sum (x^2/4)^k / (k!)^2} by Horner's rule up to |x| = 20, beyond it the asymptotic
     * expansion {@code e^x / sqrt(2 pi x) * sum c_k / x^k}; both one fused expression.
     */
    static UsmNdArray i0(UsmNdArray x) {
        UsmNdArray xf = toFloat(x);
        UsmNdArray ax = Tensor.abs(xf);
        UsmNdArray near = Tensor.minimum(ax, I0_SWITCH);
        UsmNdArray t = Tensor.multiply(Tensor.multiply(near, near), 0.25);
        double[] c = new double[I0_SERIES_TERMS + 1];
        c[0] = 1;
        for (int k = 1; k <= I0_SERIES_TERMS; k++) c[k] = c[k - 1] / ((double) k * k);
        UsmNdArray series = Tensor.fullLike(t, c[I0_SERIES_TERMS]);
        for (int k = I0_SERIES_TERMS - 1; k >= 0; k--) series = Tensor.add(Tensor.multiply(series, t), c[k]);
        UsmNdArray far = Tensor.maximum(ax, I0_SWITCH);
        UsmNdArray inv = Tensor.divide(1.0, far);
        double[] a = new double[I0_ASYMPTOTIC_TERMS + 1];
        a[0] = 1;
        for (int k = 1; k <= I0_ASYMPTOTIC_TERMS; k++) a[k] = a[k - 1] * (2.0 * k - 1) * (2.0 * k - 1) / (8.0 * k);
        UsmNdArray asym = Tensor.fullLike(inv, a[I0_ASYMPTOTIC_TERMS]);
        for (int k = I0_ASYMPTOTIC_TERMS - 1; k >= 0; k--) asym = Tensor.add(Tensor.multiply(asym, inv), a[k]);
        // e^x / sqrt(2 pi x) as (e^(x/2) / sqrt(2 pi x)) * e^(x/2), finite wherever the product is
        UsmNdArray half = Tensor.exp(Tensor.multiply(far, 0.5));
        asym = Tensor.multiply(Tensor.multiply(Tensor.divide(half, Tensor.sqrt(Tensor.multiply(far, 2 * Math.PI))), half), asym);
        UsmNdArray r = Tensor.where(Tensor.lessEqual(ax, I0_SWITCH), series, asym);
        return Tensor.where(Tensor.isnan(xf), xf, r).astype(xf.dtype()).eval();
    }

    /** The operands broadcast and made dense int64, for the integer kernels. */
    private static UsmNdArray[] denseLongs(String fn, UsmNdArray a, UsmNdArray b) {
        for (UsmNdArray x : new UsmNdArray[] {a, b}) {
            if (x.dtype().isFloat() || x.dtype() == DType.BOOL) {
                throw new IllegalArgumentException(fn + ": ufunc '" + fn + "' is defined for integers only, got " + x.dtype()
                        + "; convert with astype(DType.INT64)");
            }
        }
        long[] shape = Shapes.broadcast(a.shape(), b.shape());
        return new UsmNdArray[] {Dense.of(a.broadcastTo(shape), DType.INT64), Dense.of(b.broadcastTo(shape), DType.INT64)};
    }

    /** NumPy's gcd of integers (non-negative, gcd(0, 0) = 0). */
    static UsmNdArray gcd(UsmNdArray a, UsmNdArray b) {
        DType t = DTypes.forDevice(Promotion.result(a.dtype(), b.dtype()), a.device(), false);
        UsmNdArray[] d = denseLongs("gcd", a, b);
        UsmNdArray out = Dense.allocate(d[0], DType.INT64, d[0].shape());
        long n = out.size();
        if (n > 0) Kernels.launch(BitKernels::gcd, Dense.range(n), Dense.longs(d[0]), Dense.longs(d[1]), Dense.longs(out),
                Dense.count("gcd", n));
        return out.astype(t).eval();
    }

    /** NumPy's lcm of integers: {@code |a / gcd(a, b) * b|}, 0 when either is 0. */
    static UsmNdArray lcm(UsmNdArray a, UsmNdArray b) {
        DType t = DTypes.forDevice(Promotion.result(a.dtype(), b.dtype()), a.device(), false);
        UsmNdArray g = gcd(a, b).astype(DType.INT64);
        UsmNdArray al = a.astype(DType.INT64);
        UsmNdArray r = Tensor.abs(Tensor.multiply(Tensor.floorDivide(al, Tensor.where(Tensor.equal(g, 0L), 1L, g)), b.astype(DType.INT64)));
        return r.astype(t).eval();
    }

    /** NumPy's bitwise_count: the one bits of |x| as uint8. */
    static UsmNdArray bitwiseCount(UsmNdArray x) {
        if (x.dtype().isFloat()) {
            throw new IllegalArgumentException("bitwise_count: ufunc 'bitwise_count' is defined for integers and bools only, got "
                    + x.dtype());
        }
        UsmNdArray d = Dense.of(x, DType.INT64);
        UsmNdArray out = Dense.allocate(d, DType.INT64, d.shape());
        long n = out.size();
        if (n > 0) Kernels.launch(BitKernels::bitCount, Dense.range(n), Dense.longs(d), Dense.longs(out), Dense.count("bitwise_count", n));
        return out.astype(DType.UINT8).eval();
    }

    /**
     * NumPy's nextafter: the next representable value of the operands' float dtype after x1 towards
     * x2. Zeros take x2's sign first, so the step is one unit of the bit pattern: +1 away from zero,
     * -1 towards it; NaNs propagate and equal operands give x2.
     */
    static UsmNdArray nextafter(UsmNdArray x1, UsmNdArray x2) {
        DType t = Promotion.result(x1.dtype(), x2.dtype());
        t = DTypes.forDevice(t.isFloat() ? t : DType.FLOAT64, x1.device(), false);
        long[] shape = Shapes.broadcast(x1.shape(), x2.shape());
        UsmNdArray a = x1.broadcastTo(shape).astype(t);
        UsmNdArray b = x2.broadcastTo(shape).astype(t);
        UsmNdArray from = Dense.of(Tensor.where(Tensor.equal(a, 0), MathFns.copysign(Tensor.zerosLike(a), b), a), t);
        UsmNdArray away = Tensor.logicalOr(Tensor.equal(from, 0), Tensor.equal(Tensor.less(from, b), Tensor.greater(from, 0)));
        UsmNdArray step = Dense.of(Tensor.where(away, 1L, -1L), DType.INT64);
        UsmNdArray out = Dense.allocate(from, t, shape);
        long n = out.size();
        int ni = Dense.count("nextafter", n);
        if (n > 0 && t == DType.FLOAT64) {
            Kernels.launch(BitKernels::step64, Dense.range(n), DoubleArray.on(from.memory(), n), Dense.longs(step),
                    DoubleArray.on(out.memory(), n), ni);
        } else if (n > 0) {
            Kernels.launch(BitKernels::step32, Dense.range(n), FloatArray.on(from.memory(), n), Dense.longs(step),
                    FloatArray.on(out.memory(), n), ni);
        }
        UsmNdArray nan = Tensor.logicalOr(Tensor.isnan(a), Tensor.isnan(b));
        return Tensor.where(nan, Tensor.add(a, b), Tensor.where(Tensor.equal(a, b), b, out)).astype(t).eval();
    }

    /** NumPy's spacing: the distance from x to the next value away from zero (negative for negative x, the smallest subnormal for either zero; NaN for inf). */
    static UsmNdArray spacing(UsmNdArray x) {
        UsmNdArray xf = toFloat(x).eval();
        UsmNdArray away = Tensor.where(Tensor.less(xf, 0), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).astype(xf.dtype());
        UsmNdArray next = nextafter(xf, away.eval());
        return Tensor.where(Tensor.isinf(xf), Double.NaN, Tensor.subtract(next, xf)).astype(xf.dtype()).eval();
    }
}
