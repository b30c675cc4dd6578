package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's nanquantile family on the device: each slice is sorted (NaNs sort last), its non-NaN
 * elements counted, and the two order statistics around {@code q · (count - 1)} gathered per
 * slice and combined by the method; an all-NaN slice gives NaN. Methods: linear (NumPy's
 * default), lower, higher, nearest, midpoint.
 */
final class NanQuantiles {

    private NanQuantiles() {
    }

    static UsmNdArray quantile(String fn, UsmNdArray x, double[] q, Integer axis, String method, boolean keepdims,
                               boolean scalarQ) {
        String m = method == null ? "linear" : method;
        switch (m) {
            case "linear", "lower", "higher", "nearest", "midpoint" -> { }
            default -> throw new UnsupportedOperationException(fn + ": method '" + m + "' is not supported; use 'linear', "
                    + "'lower', 'higher', 'nearest' or 'midpoint'");
        }
        for (double v : q) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(fn + ": q must be in the range [0, 1], got " + v);
        }
        DType t = x.dtype().isFloat() ? x.dtype() : DTypes.defaultFloat(x.device());
        UsmNdArray src = (axis == null ? x.reshape(-1) : Axes.move(x, axis, -1)).astype(t);
        long n = src.shape()[src.ndim() - 1];
        if (n == 0) throw new IllegalArgumentException(fn + ": cannot take a quantile of an empty slice");
        long rows = src.size() / n;
        UsmNdArray sorted = Dense.of(Sorting.sort(src, -1)).reshape(rows, n);
        UsmNdArray count = Tensor.sum(Tensor.logicalNot(Tensor.isnan(src)), new int[] {-1}, false).reshape(rows, 1).eval();
        UsmNdArray last = Tensor.maximum(Tensor.subtract(count, 1L), 0L).eval();
        long[] rest = Axes.without(src.shape(), src.ndim() - 1);
        // As NumPy: an array of q (float64) promotes the interpolating methods' result; one q (a weak scalar) does not.
        boolean promoted = !scalarQ && (m.equals("linear") || m.equals("midpoint"));
        DType rt = promoted ? DTypes.forDevice(DType.FLOAT64, x.device(), false) : t;
        UsmNdArray out = Dense.allocate(x, rt, Axes.with(rest, 0, q.length));
        for (int i = 0; i < q.length; i++) {
            UsmNdArray virtual = Tensor.multiply(last.astype(rt), q[i]).eval();
            UsmNdArray lo = Tensor.floor(virtual).astype(DType.INT64);
            UsmNdArray hi = Tensor.minimum(Tensor.add(lo, 1L), last);
            UsmNdArray a = at(sorted, lo, rows, n).astype(rt);
            UsmNdArray b = at(sorted, hi, rows, n).astype(rt);
            UsmNdArray frac = Tensor.subtract(virtual, Tensor.floor(virtual));
            UsmNdArray v = switch (m) {
                case "lower" -> a;
                case "higher" -> Tensor.where(Tensor.greater(frac, 0.0), b, a);
                case "nearest" -> Tensor.where(Tensor.equal(Tensor.round(virtual), Tensor.floor(virtual)), a, b);
                case "midpoint" -> Tensor.where(Tensor.greater(frac, 0.0), Tensor.multiply(Tensor.add(a, b), 0.5), a);
                default -> lerp(a, b, frac);
            };
            UsmNdArray r = Tensor.where(Tensor.equal(count, 0L), Double.NaN, v).astype(rt);
            out.get(String.valueOf(i)).assign(r.reshape(rest));
        }
        return Statistics.keepDims(scalarQ ? out.get("0") : out, x, axis, keepdims, scalarQ);
    }

    /** NumPy's lerp: {@code a + (b - a) t}, from b's side when {@code t >= 0.5}. */
    private static UsmNdArray lerp(UsmNdArray a, UsmNdArray b, UsmNdArray t) {
        UsmNdArray d = Tensor.subtract(b, a);
        return Tensor.where(Tensor.greaterEqual(t, 0.5), Tensor.subtract(b, Tensor.multiply(d, Tensor.subtract(1.0, t))),
                Tensor.add(a, Tensor.multiply(d, t)));
    }

    /** Row r's element at {@code idx[r]}, for every row: a {@code (rows, 1)} array. */
    private static UsmNdArray at(UsmNdArray sorted, UsmNdArray idx, long rows, long n) {
        return Gather.rows(sorted, Dense.of(idx, DType.INT64), rows, n, 1, true);
    }
}
