package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Order statistics, weighted means, covariance and counting: median and percentiles sort on the
 * device and interpolate between neighbours ({@code linear} method); histogram and bincount
 * count with atomic adds in a kernel ({@link BinCounts}); cov and corrcoef use matmul.
 */
final class Statistics {

    private Statistics() {
    }

    /** The {@code q}-th quantiles ({@code q} in [0, 1]) along {@code axis} (null: flattened), NumPy's linear method. */
    static UsmNdArray quantile(UsmNdArray x, double[] q, Integer axis, boolean keepdims, boolean scalarQ) {
        for (double v : q) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("quantile: q must be in the range [0, 1], got " + v);
        }
        DType t = x.dtype().isFloat() ? x.dtype() : DTypes.defaultFloat(x.device());
        UsmNdArray src = axis == null ? x.reshape(-1) : Axes.move(x, axis, -1);
        long n = src.shape()[src.ndim() - 1];
        if (n == 0) throw new IllegalArgumentException("quantile: cannot take a quantile of an empty slice");
        UsmNdArray sorted = Sorting.sort(src.astype(t), -1);
        UsmNdArray hasNan = Tensor.any(Tensor.isnan(src.astype(t)), new int[] {-1}, false);
        long[] rest = Axes.without(src.shape(), src.ndim() - 1);
        UsmNdArray out = UsmNdArray.allocate(Axes.with(rest, 0, q.length), t, x.queue(), x.usmType(), 'C');
        for (int i = 0; i < q.length; i++) {
            double pos = q[i] * (n - 1);
            long lo = (long) Math.floor(pos);
            long hi = Math.min(lo + 1, n - 1);
            double frac = pos - lo;
            UsmNdArray a = Axes.at(sorted, -1, lo);
            UsmNdArray b = Axes.at(sorted, -1, hi);
            UsmNdArray d = Tensor.subtract(b, a);
            UsmNdArray v = frac >= 0.5 ? Tensor.subtract(b, Tensor.multiply(d, 1 - frac)) : Tensor.add(a, Tensor.multiply(d, frac));
            out.get(String.valueOf(i)).assign(Tensor.where(hasNan, Double.NaN, v));
        }
        return keepDims(scalarQ ? out.get("0") : out, x, axis, keepdims, scalarQ);
    }

    /** A quantile result {@code r} of {@code x} with the reduced axes put back as length 1 when {@code keepdims}. */
    static UsmNdArray keepDims(UsmNdArray r, UsmNdArray x, Integer axis, boolean keepdims, boolean scalarQ) {
        if (!keepdims) return r;
        int base = scalarQ ? 0 : 1;
        if (axis != null) return r.expandDims(base + Shapes.axis(axis, x.ndim()));
        UsmNdArray k = r;
        for (int i = 0; i < x.ndim(); i++) k = k.expandDims(base);
        return k;
    }

    /** Percentiles in [0, 100] as quantiles in [0, 1], range-checked with the percentile's wording. */
    static double[] fractions(double[] percent) {
        double[] f = new double[percent.length];
        for (int i = 0; i < percent.length; i++) {
            if (!(percent[i] >= 0 && percent[i] <= 100)) {
                throw new IllegalArgumentException("percentile: q must be in the range [0, 100], got " + percent[i]);
            }
            f[i] = percent[i] / 100;
        }
        return f;
    }

    static UsmNdArray median(UsmNdArray x, Integer axis, boolean keepdims) {
        return quantile(x, new double[] {0.5}, axis, keepdims, true);
    }

    /** NumPy's average: the mean weighted by {@code weights} (null: unweighted); 1-D weights run along {@code axis}. */
    static UsmNdArray average(UsmNdArray x, UsmNdArray weights, Integer axis) {
        if (weights == null) return Tensor.mean(x, axis == null ? null : new int[] {axis}, false);
        UsmNdArray w = weights;
        if (weights.ndim() == 1 && x.ndim() > 1) {
            if (axis == null) throw new IllegalArgumentException("average: axis must be specified when shapes of a and weights differ");
            int a = Shapes.axis(axis, x.ndim());
            long[] s = new long[x.ndim()];
            java.util.Arrays.fill(s, 1);
            s[a] = weights.size();
            w = weights.reshape(s);
        }
        int[] axes = axis == null ? null : new int[] {axis};
        // Computed first: tensor's reduce kernel rejects a broadcast (1, n) operand fused into it on OpenCL.
        UsmNdArray product = Tensor.multiply(x, w).eval();
        UsmNdArray wb = Dense.of(w.broadcastTo(x.shape()), product.dtype());
        return Tensor.divide(Tensor.sum(product, axes, false), Tensor.sum(wb, axes, false)).eval();
    }

    /** NumPy's ptp: max minus min. */
    static UsmNdArray ptp(UsmNdArray x, int[] axes, boolean keepdims) {
        return Tensor.subtract(Tensor.max(x, axes, keepdims), Tensor.min(x, axes, keepdims)).eval();
    }

    /** NumPy's cov with rows as variables: {@code (X - mean) (X - mean)^T / (N - ddof)}. */
    static UsmNdArray cov(UsmNdArray m, boolean rowvar, int ddof) {
        UsmNdArray x = m.ndim() <= 1 ? m.reshape(1, m.size()) : rowvar ? m : m.T();
        if (x.ndim() != 2) throw new IllegalArgumentException("cov: m has more than 2 dimensions: " + Shapes.describe(m.shape()));
        DType t = x.dtype().isFloat() ? x.dtype() : DTypes.defaultFloat(x.device());
        UsmNdArray xf = x.astype(t);
        long n = x.shape()[1];
        UsmNdArray centered = Dense.of(Tensor.subtract(xf, Tensor.mean(xf, new int[] {1}, true)));
        UsmNdArray c = Tensor.divide(Tensor.matmul(centered, centered.T()), (double) Math.max(0, n - ddof));
        return m.ndim() <= 1 ? c.reshape().eval() : c.eval();
    }

    static UsmNdArray corrcoef(UsmNdArray m, boolean rowvar) {
        UsmNdArray c = cov(m, rowvar, 1);
        if (c.ndim() == 0) return Tensor.divide(c, c).eval();
        UsmNdArray d = Tensor.sqrt(Creation.diagonal(c, 0, 0, 1));
        long k = d.size();
        UsmNdArray r = Tensor.divide(Tensor.divide(c, d.reshape(k, 1)), d.reshape(1, k));
        return Tensor.clip(r, -1.0, 1.0).eval();
    }

    /**
     * NumPy's bincount of non-negative integers; with weights, each bin sums its weights (per
     * work-group in local memory on the GPU plan, {@link BinCounts#weighted}; else a broadcast
     * compare-and-sum on the device). The output length is read to the host.
     */
    static UsmNdArray bincount(UsmNdArray x, UsmNdArray weights, long minlength) {
        if (x.ndim() != 1 || x.dtype().isFloat()) {
            throw new IllegalArgumentException("bincount: x must be a 1-D array of non-negative integers, got "
                    + x.dtype() + " " + Shapes.describe(x.shape()));
        }
        long bins = minlength;
        if (x.size() > 0) {
            if (Tensor.min(x, null, false).itemLong() < 0) throw new IllegalArgumentException("bincount: x must be non-negative");
            bins = Math.max(bins, Tensor.max(x, null, false).itemLong() + 1);
        }
        if (weights == null) return BinCounts.counts(x, bins);
        UsmNdArray w = weights.dtype().isFloat() ? weights : weights.astype(DTypes.defaultFloat(x.device()));
        UsmNdArray grouped = BinCounts.weighted(x, w, bins);
        if (grouped != null) return grouped;
        UsmNdArray b = Creation.iota(x, bins).reshape(bins, 1);
        UsmNdArray hit = Tensor.equal(x.reshape(1, x.size()), b);
        return Tensor.sum(Tensor.where(hit, w.reshape(1, w.size()), 0.0), new int[] {1}, false).eval();
    }

    /** The edges of {@code bins} equal bins over [lo, hi] (the data's range when lo/hi are null). */
    static UsmNdArray binEdges(UsmNdArray x, int bins, Double lo, Double hi) {
        if (bins < 1) throw new IllegalArgumentException("histogram: bins must be positive, got " + bins);
        DType t = x.dtype().isFloat() ? x.dtype() : DTypes.defaultFloat(x.device());
        UsmNdArray first;
        UsmNdArray last;
        if (lo != null && hi != null) {
            if (lo > hi) throw new IllegalArgumentException("histogram: max must be larger than min in range parameter");
            first = Tensor.full(new long[0], lo, org.jdpx.tensor.ArrayOptions.on(x.queue()).dtype(t));
            last = Tensor.full(new long[0], hi, org.jdpx.tensor.ArrayOptions.on(x.queue()).dtype(t));
        } else {
            first = x.size() == 0 ? Tensor.zeros(new long[0], org.jdpx.tensor.ArrayOptions.on(x.queue()).dtype(t))
                    : Tensor.min(x, null, false).astype(t);
            last = x.size() == 0 ? Tensor.ones(new long[0], org.jdpx.tensor.ArrayOptions.on(x.queue()).dtype(t))
                    : Tensor.max(x, null, false).astype(t);
        }
        UsmNdArray same = Tensor.equal(first, last);
        first = Tensor.where(same, Tensor.subtract(first, 0.5), first).eval();
        last = Tensor.where(same, Tensor.add(last, 0.5), last).eval();
        UsmNdArray step = Tensor.divide(Tensor.subtract(last, first), (double) bins);
        UsmNdArray edges = Tensor.add(Tensor.multiply(Creation.iota(x, bins + 1L).astype(t), step), first).eval();
        edges.set(String.valueOf(bins), last);
        return edges;
    }

    /** NumPy's histogram with equal bins: counts (int64) and edges. */
    static UsmNdArray[] histogram(UsmNdArray x, int bins, Double lo, Double hi) {
        UsmNdArray edges = binEdges(x, bins, lo, hi);
        UsmNdArray v = x.reshape(-1);
        DType t = edges.dtype();
        UsmNdArray first = edges.get("0");
        UsmNdArray last = edges.get(String.valueOf(bins));
        UsmNdArray vf = v.astype(t);
        UsmNdArray f = Tensor.multiply(Tensor.subtract(vf, first), Tensor.divide((double) bins, Tensor.subtract(last, first)));
        UsmNdArray i = Tensor.floor(f).astype(DType.INT64);
        i = Tensor.where(Tensor.equal(i, (long) bins), (long) bins - 1, i).eval();
        UsmNdArray below = Tensor.less(vf, Sorting.take(edges, Tensor.clip(i, 0L, (long) bins).eval(), 0));
        i = Tensor.where(below, Tensor.subtract(i, 1L), i).eval();
        UsmNdArray above = Tensor.logicalAnd(Tensor.greaterEqual(vf, Sorting.take(edges, Tensor.clip(Tensor.add(i, 1L), 0L, (long) bins).eval(), 0)),
                Tensor.notEqual(i, (long) bins - 1));
        i = Tensor.where(above, Tensor.add(i, 1L), i);
        UsmNdArray inside = Tensor.logicalAnd(Tensor.greaterEqual(vf, first), Tensor.lessEqual(vf, last));
        UsmNdArray idx = Tensor.where(inside, i, (long) bins).eval();
        return new UsmNdArray[] {BinCounts.counts(idx, bins), edges};
    }

    /** NumPy's digitize for increasing bins: the index of the bin each value falls in. */
    static UsmNdArray digitize(UsmNdArray x, UsmNdArray bins, boolean right) {
        return Sorting.searchsorted(bins, x, right ? "left" : "right");
    }
}
