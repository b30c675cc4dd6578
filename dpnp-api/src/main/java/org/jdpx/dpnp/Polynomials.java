package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's legacy polynomial helpers (coefficients highest power first, 1-D arrays) on the
 * coefficients' device: Horner's rule as one fused expression, sums and products by padding and
 * {@link Convolution}, long division as fused row updates, derivatives and integrals by fused
 * scaling, and polyfit by a column-scaled Vandermonde least-squares problem on
 * {@link DpnpLinalg#lstsq}. Only polydiv reads data back: the count of leading zeros it trims.
 */
final class Polynomials {

    private Polynomials() {
    }

    private static UsmNdArray check(String fn, UsmNdArray p) {
        if (p.ndim() != 1) throw new IllegalArgumentException(fn + ": the coefficients must be 1-D, got " + Shapes.describe(p.shape()));
        return p;
    }

    /** NumPy's polyval: {@code p[0]*x**(N-1) + ... + p[N-1]} by Horner's rule, one fused expression. */
    static UsmNdArray polyval(UsmNdArray p, UsmNdArray x) {
        check("polyval", p);
        UsmNdArray y = Tensor.zerosLike(x);
        for (long i = 0; i < p.size(); i++) y = Tensor.add(Tensor.multiply(y, x), p.get(i));
        return y.eval();
    }

    /** NumPy's polyadd / polysub: the shorter operand padded with leading zeros. */
    static UsmNdArray addSub(UsmNdArray a, UsmNdArray b, boolean subtract) {
        check(subtract ? "polysub" : "polyadd", a);
        check(subtract ? "polysub" : "polyadd", b);
        long n = Math.max(a.size(), b.size());
        UsmNdArray pa = lead(a, n);
        UsmNdArray pb = lead(b, n);
        return (subtract ? Tensor.subtract(pa, pb) : Tensor.add(pa, pb)).eval();
    }

    /** {@code p} with zeros in front up to length {@code n}. */
    private static UsmNdArray lead(UsmNdArray p, long n) {
        if (p.size() == n) return p;
        UsmNdArray z = Tensor.zeros(new long[] {n - p.size()}, ArrayOptions.on(p.queue()).dtype(p.dtype()));
        return Manipulation.concatenate(new UsmNdArray[] {z, p}, 0);
    }

    /** NumPy's polymul: the full convolution of the coefficients. */
    static UsmNdArray polymul(UsmNdArray a, UsmNdArray b) {
        return Convolution.convolve(check("polymul", a), check("polymul", b), "full");
    }

    /** NumPy's polydiv: quotient and remainder of long division, leading zeros (|r| within 1e-8, NumPy's allclose) trimmed from r. */
    static UsmNdArray[] polydiv(UsmNdArray u, UsmNdArray v) {
        check("polydiv", u);
        check("polydiv", v);
        DType uv = Promotion.result(u.dtype(), v.dtype());
        DType t = uv.isFloat() ? uv : DTypes.defaultFloat(u.device());
        long m = u.size() - 1;
        long n = v.size() - 1;
        UsmNdArray vf = v.astype(t).eval();
        UsmNdArray scale = Tensor.divide(1.0, vf.get(0L));
        UsmNdArray r = u.astype(t).copy().eval();
        List<UsmNdArray> q = new ArrayList<>();
        for (long k = 0; k <= m - n; k++) {
            UsmNdArray d = Tensor.multiply(scale, r.get(k)).eval();
            q.add(d.reshape(1));
            String span = k + ":" + (k + n + 1);
            r.set(span, Tensor.subtract(r.get(span), Tensor.multiply(d, vf)).eval());
            r.set(String.valueOf(k), 0.0); // eliminated exactly, not left as a rounding residue the trim may miss
        }
        UsmNdArray quotient = q.isEmpty() ? Tensor.zeros(new long[] {1}, ArrayOptions.on(u.queue()).dtype(t))
                : Manipulation.concatenate(q.toArray(UsmNdArray[]::new), 0);
        UsmNdArray small = Tensor.lessEqual(Tensor.abs(r), 1e-8);
        long lead = Tensor.sum(Tensor.cumprod(small.astype(DType.INT64), 0).eval(), null, false).itemLong();
        long keep = Math.max(1, r.size() - lead);
        return new UsmNdArray[] {quotient, r.get((r.size() - keep) + ":").copy().eval()};
    }

    /** NumPy's polyder: the {@code m}-th derivative. */
    static UsmNdArray polyder(UsmNdArray p, int m) {
        check("polyder", p);
        if (m < 0) throw new IllegalArgumentException("polyder: order of derivative must be positive (see polyint), got " + m);
        UsmNdArray y = p;
        for (int i = 0; i < m; i++) {
            long n = y.size() - 1;
            if (n <= 0) return y.get("0:0").copy().eval();
            UsmNdArray pow = Creation.arange(n, 0, -1, ArrayOptions.on(y.queue()));
            y = Tensor.multiply(y.get("0:" + n), pow).eval();
        }
        return y == p ? p.copy().eval() : y;
    }

    /** NumPy's polyint: the {@code m}-th antiderivative with integration constants {@code k} (zeros when null). */
    static UsmNdArray polyint(UsmNdArray p, int m, double[] k) {
        check("polyint", p);
        if (m < 0) throw new IllegalArgumentException("polyint: order of integral must be positive (see polyder), got " + m);
        double[] ks = k == null ? new double[m] : k.length == 1 && m > 1 ? fill(m, k[0]) : k;
        if (ks.length != m) throw new IllegalArgumentException("polyint: k must be a scalar or a sequence of length m (" + m + "), got " + ks.length);
        DType t = DTypes.forDevice(Promotion.result(p.dtype(), DType.FLOAT64), p.device(), false);
        UsmNdArray y = p.astype(t);
        for (int i = 0; i < m; i++) {
            long n = y.size();
            UsmNdArray div = Creation.arange(n, 0, -1, ArrayOptions.on(y.queue()));
            UsmNdArray c = Tensor.full(new long[] {1}, ks[i], ArrayOptions.on(y.queue()).dtype(t));
            y = Manipulation.concatenate(new UsmNdArray[] {Tensor.divide(y, div).astype(t).eval(), c}, 0);
        }
        return y == p ? p.copy().eval() : y.eval();
    }

    private static double[] fill(int m, double v) {
        double[] r = new double[m];
        java.util.Arrays.fill(r, v);
        return r;
    }

    /** NumPy's polyfit: degree-{@code deg} least squares of {@code y} (1-D, or 2-D with a fit per column) at {@code x}. */
    static UsmNdArray polyfit(UsmNdArray x, UsmNdArray y, int deg) {
        if (deg < 0) throw new IllegalArgumentException("polyfit: expected deg >= 0, got " + deg);
        if (x.ndim() != 1) throw new IllegalArgumentException("polyfit: expected 1-D vector for x, got " + Shapes.describe(x.shape()));
        if (x.size() == 0) throw new IllegalArgumentException("polyfit: expected non-empty vector for x");
        if (y.ndim() < 1 || y.ndim() > 2) throw new IllegalArgumentException("polyfit: expected 1-D or 2-D array for y, got " + Shapes.describe(y.shape()));
        if (y.shape()[0] != x.size()) {
            throw new IllegalArgumentException("polyfit: expected x and y to have same length, got " + x.size() + " and " + y.shape()[0]);
        }
        DType t = DTypes.forDevice(Promotion.result(x.dtype(), DType.FLOAT64), x.device(), false);
        UsmNdArray lhs = ArrayProducts.vander(x.astype(t), (long) deg + 1, false).astype(t);
        UsmNdArray scale = Tensor.sqrt(Tensor.sum(Tensor.multiply(lhs, lhs), new int[] {0}, false)).eval();
        double eps = t == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
        LstsqResult r = DpnpLinalg.lstsq(Tensor.divide(lhs, scale).eval(), y.astype(t), x.size() * eps);
        UsmNdArray c = r.x();
        return (c.ndim() == 1 ? Tensor.divide(c, scale) : Tensor.divide(c, scale.reshape(scale.size(), 1))).eval();
    }

    /** NumPy's poly of real roots: {@code prod (x - r_k)} expanded, one fused update per root. */
    static UsmNdArray poly(UsmNdArray roots) {
        if (roots.ndim() == 2 && roots.shape()[0] == roots.shape()[1] && roots.size() > 0) {
            throw new UnsupportedOperationException("poly: the characteristic polynomial of a matrix needs its eigenvalues "
                    + "(numpy.linalg.eigvals), which jdpx does not have; pass the roots as a 1-D array, e.g. "
                    + "DpnpLinalg.eigvalsh(a) for a symmetric matrix");
        }
        if (roots.ndim() > 1) throw new IllegalArgumentException("poly: input must be 1d or non-empty square 2d array, got "
                + Shapes.describe(roots.shape()));
        DType t = roots.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DTypes.defaultFloat(roots.device());
        long n = roots.size();
        UsmNdArray a = Tensor.zeros(new long[] {n + 1}, ArrayOptions.on(roots.queue()).dtype(t));
        a.set("0", 1.0);
        UsmNdArray rs = roots.astype(t).eval();
        for (long k = 0; k < n; k++) {
            String hi = "1:" + (k + 2);
            String lo = "0:" + (k + 1);
            a.set(hi, Tensor.subtract(a.get(hi), Tensor.multiply(rs.get(k), a.get(lo))).eval());
        }
        return a;
    }

    /** NumPy's roots needs complex eigenvalues of the companion matrix, which jdpx lacks. */
    static UsmNdArray roots(UsmNdArray p) {
        throw new UnsupportedOperationException("roots: the roots of a polynomial are the complex eigenvalues of its companion "
                + "matrix, and jdpx has neither complex dtypes nor numpy.linalg.eig yet; evaluate with polyval, or solve "
                + "on the host (e.g. NumPy's np.roots) for now");
    }
}
