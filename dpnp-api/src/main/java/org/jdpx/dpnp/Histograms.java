package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's multidimensional histograms (histogramdd, histogram2d) on the samples' device: the
 * edges of each dimension ({@link Statistics#binEdges} for a bin count), each coordinate's bin by
 * {@link Sorting#searchsorted} (values on the last edge go to the last bin, others outside to an
 * outlier bin), one flat index per sample and one {@link Statistics#bincount} with the weights;
 * the outlier bins are sliced off. Only the number of bins is read to the host.
 */
final class Histograms {

    private Histograms() {
    }

    /**
     * The histogram of the samples {@code coords[i]} (one 1-D array per dimension) and its edges:
     * {@code edges[i]} given (increasing) or null for {@code bins[i]} equal bins over
     * {@code range[i]} (null: the data's min and max).
     */
    static UsmNdArray[] histogramdd(UsmNdArray[] coords, int[] bins, double[][] range, UsmNdArray[] given,
            boolean density, UsmNdArray weights) {
        int d = coords.length;
        if (d == 0) throw new IllegalArgumentException("histogramdd: the sample needs at least one dimension");
        long n = coords[0].size();
        for (UsmNdArray c : coords) {
            if (c.ndim() != 1 || c.size() != n) {
                throw new IllegalArgumentException("histogramdd: every coordinate must be a 1-D array of " + n
                        + " samples, got " + Shapes.describe(c.shape()) + "; pass an (N, D) sample or equal-length x and y");
            }
        }
        if (weights != null && (weights.ndim() != 1 || weights.size() != n)) {
            throw new IllegalArgumentException("histogramdd: weights must be a 1-D array of " + n + " values, got "
                    + Shapes.describe(weights.shape()));
        }
        UsmNdArray[] edges = new UsmNdArray[d];
        long[] nbin = new long[d];
        for (int i = 0; i < d; i++) {
            edges[i] = given != null && given[i] != null ? checked(given[i], i) : equalEdges(coords[i], bins[i], range, i);
            nbin[i] = edges[i].size() + 1;
        }
        UsmNdArray flat = null;
        for (int i = 0; i < d; i++) {
            UsmNdArray c = coords[i].dtype().isFloat() ? coords[i] : coords[i].astype(edges[i].dtype());
            UsmNdArray idx = Sorting.searchsorted(edges[i], c, "right");
            UsmNdArray last = edges[i].get(String.valueOf(edges[i].size() - 1));
            idx = Tensor.where(Tensor.equal(c.astype(edges[i].dtype()), last), Tensor.subtract(idx, 1L), idx);
            flat = flat == null ? idx : Tensor.add(Tensor.multiply(flat, nbin[i]), idx);
        }
        long total = 1;
        for (long b : nbin) total = Math.multiplyExact(total, b);
        UsmNdArray counts = Statistics.bincount(flat.astype(DType.INT64).eval(), weights, total);
        DType ft = DTypes.defaultFloat(coords[0].device());
        UsmNdArray hist = counts.astype(ft).reshape(nbin);
        StringBuilder core = new StringBuilder();
        for (int i = 0; i < d; i++) core.append(i == 0 ? "" : ",").append("1:-1");
        hist = hist.get(core.toString()).copy().eval();
        if (density) hist = densityOf(hist, edges);
        UsmNdArray[] r = new UsmNdArray[d + 1];
        r[0] = hist;
        System.arraycopy(edges, 0, r, 1, d);
        return r;
    }

    /** NumPy's density: counts divided by their total and by each bin's volume. */
    private static UsmNdArray densityOf(UsmNdArray hist, UsmNdArray[] edges) {
        UsmNdArray s = Tensor.sum(hist, null, false).eval();
        UsmNdArray h = hist;
        int d = edges.length;
        for (int i = 0; i < d; i++) {
            long m = edges[i].size();
            UsmNdArray width = Tensor.subtract(edges[i].get("1:"), edges[i].get(":" + (m - 1)));
            long[] shape = new long[d];
            java.util.Arrays.fill(shape, 1);
            shape[i] = m - 1;
            h = Tensor.divide(h, width.astype(h.dtype()).reshape(shape));
        }
        return Tensor.divide(h, s).eval();
    }

    private static UsmNdArray equalEdges(UsmNdArray c, int bins, double[][] range, int i) {
        if (bins < 1) throw new IllegalArgumentException("histogramdd: bins[" + i + "] must be a positive integer, got " + bins);
        double[] r = range == null ? null : range[i];
        if (r != null && r.length != 2) {
            throw new IllegalArgumentException("histogramdd: range[" + i + "] must be (min, max), got " + r.length + " values");
        }
        if (r != null && !(Double.isFinite(r[0]) && Double.isFinite(r[1]))) {
            throw new IllegalArgumentException("histogramdd: range[" + i + "] must be finite, got [" + r[0] + ", " + r[1] + "]");
        }
        UsmNdArray x = r != null ? c.astype(DTypes.defaultFloat(c.device())) : c;
        if (r == null && c.size() > 0 && c.dtype().isFloat()) {
            UsmNdArray bad = Tensor.any(Tensor.logicalNot(Tensor.isfinite(c)), null, false);
            if (bad.itemLong() != 0) {
                throw new IllegalArgumentException("histogramdd: autodetected range of dimension " + i
                        + " is not finite (NaN or inf in the sample); pass a finite range");
            }
        }
        return Statistics.binEdges(x, bins, r == null ? null : r[0], r == null ? null : r[1]);
    }

    private static UsmNdArray checked(UsmNdArray e, int i) {
        if (e.ndim() != 1 || e.size() < 2) {
            throw new IllegalArgumentException("histogramdd: bins[" + i + "] edges must be a 1-D array of at least 2 values, got "
                    + Shapes.describe(e.shape()));
        }
        long m = e.size();
        if (Tensor.any(Tensor.greater(e.get(":" + (m - 1)), e.get("1:")), null, false).itemLong() != 0) {
            throw new IllegalArgumentException("histogramdd: bins[" + i + "] must be monotonically increasing, when an array");
        }
        return e;
    }
}
