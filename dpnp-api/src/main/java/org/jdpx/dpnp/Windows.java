package org.jdpx.dpnp;

import org.jdpx.device.Queue;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's window functions (bartlett, blackman, hamming, hanning, kaiser) and geomspace, made on
 * the options' device from an index sequence by fused elementwise formulas, in NumPy's default
 * float dtype (float32 on a device without fp64).
 */
final class Windows {

    private Windows() {
    }

    /** {@code n = 1-M, 3-M, ..., M-1} as floats (NumPy's {@code arange(1-M, M, 2)}). */
    private static UsmNdArray odd(long m, ArrayOptions o) {
        return floats(m, 1 - m, 2, o);
    }

    /** {@code start, start + step, ...} ({@code count} values) in the device's default float dtype. */
    private static UsmNdArray floats(long count, long start, long step, ArrayOptions o) {
        Queue q = o.resolveQueue();
        UsmNdArray i = Creation.iota(q, o.usmType(), count).astype(DTypes.defaultFloat(q.device()));
        return Tensor.add(Tensor.multiply(i, (double) step), (double) start);
    }

    private static UsmNdArray small(long m, ArrayOptions o) {
        Queue q = o.resolveQueue();
        ArrayOptions f = ArrayOptions.on(q).dtype(DTypes.defaultFloat(q.device()));
        return m < 1 ? Tensor.zeros(new long[] {0}, f) : Tensor.ones(new long[] {1}, f);
    }

    static UsmNdArray bartlett(long m, ArrayOptions o) {
        if (m <= 1) return small(m, o);
        UsmNdArray n = odd(m, o);
        UsmNdArray r = Tensor.divide(n, (double) (m - 1));
        return Tensor.where(Tensor.lessEqual(n, 0), Tensor.add(r, 1.0), Tensor.subtract(1.0, r)).eval();
    }

    /** {@code a0 + a1 cos(pi n/(M-1)) + a2 cos(2 pi n/(M-1))}: blackman, hamming and hanning. */
    static UsmNdArray cosine(long m, double a0, double a1, double a2, ArrayOptions o) {
        if (m <= 1) return small(m, o);
        UsmNdArray n = odd(m, o);
        UsmNdArray r = Tensor.add(a0, Tensor.multiply(a1, Tensor.cos(Tensor.divide(Tensor.multiply(n, Math.PI), (double) (m - 1)))));
        if (a2 != 0) r = Tensor.add(r, Tensor.multiply(a2, Tensor.cos(Tensor.divide(Tensor.multiply(n, 2 * Math.PI), (double) (m - 1)))));
        return r.eval();
    }

    /** NumPy's kaiser: {@code i0(beta sqrt(1 - ((n - alpha)/alpha)^2)) / i0(beta)}, alpha = (M-1)/2. */
    static UsmNdArray kaiser(long m, double beta, ArrayOptions o) {
        if (m <= 1) return small(m, o);
        UsmNdArray n = floats(m, 0, 1, o);
        double alpha = (m - 1) / 2.0;
        UsmNdArray u = Tensor.divide(Tensor.subtract(n, alpha), alpha);
        UsmNdArray arg = Tensor.multiply(beta, Tensor.sqrt(Tensor.subtract(1.0, Tensor.multiply(u, u))));
        UsmNdArray b = Tensor.full(new long[0], beta, ArrayOptions.on(n.queue()).dtype(n.dtype()));
        return Tensor.divide(SpecialFns.i0(arg.eval()), SpecialFns.i0(b)).eval();
    }

    /** NumPy's geomspace: a geometric progression from start to stop (same sign, neither 0), the ends exact. */
    static UsmNdArray geomspace(double start, double stop, long num, boolean endpoint, ArrayOptions o) {
        if (start == 0 || stop == 0) throw new IllegalArgumentException("geomspace: geometric sequence cannot include zero");
        if (Math.signum(start) != Math.signum(stop)) {
            throw new UnsupportedOperationException("geomspace: start and stop of opposite signs need a complex progression, "
                    + "which jdpx does not have; give both the same sign");
        }
        double sign = Math.signum(start);
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        DType work = t.isFloat() ? t : DTypes.defaultFloat(q.device());
        UsmNdArray r = Creation.logspace(Math.log10(start * sign), Math.log10(stop * sign), num, endpoint, 10.0, o.dtype(work))
                .copy().eval();
        if (num > 0) r.set("0", start * sign);
        if (num > 1 && endpoint) r.set(String.valueOf(num - 1), stop * sign);
        UsmNdArray signed = sign < 0 ? Tensor.negative(r) : r;
        return (t == work ? signed : signed.astype(t)).eval();
    }
}
