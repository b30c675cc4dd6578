package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's set routines, partial sorts, lexsort and NaN-ignoring quantiles, inherited by
 * {@link Dpnp} (call them as {@code Dpnp.isin(...)}). Each runs on the device of its array
 * arguments and returns its result there: sorts are the device merge sort, membership is a
 * binary search, selections are stream compactions; only result sizes are read to the host.
 * Bad arguments throw {@link IllegalArgumentException} with NumPy's wording; a variant left out
 * throws {@link UnsupportedOperationException} naming what to use.
 */
public abstract class SetFunctions extends UfuncFunctions {

    SetFunctions() {
    }

    /** NumPy {@code union1d}: the sorted unique values in either array (flattened). */
    public static UsmNdArray union1d(UsmNdArray ar1, UsmNdArray ar2) { return SetOps.union1d(ar1, ar2); }
    /** NumPy {@code intersect1d(ar1, ar2)}: the sorted unique values in both. */
    public static UsmNdArray intersect1d(UsmNdArray ar1, UsmNdArray ar2) { return SetOps.intersect1d(ar1, ar2, false, false)[0]; }
    /**
     * NumPy {@code intersect1d} with every argument: {@code {values}}, or with {@code returnIndices}
     * {@code {values, indices in ar1, indices in ar2}} (first occurrences, int64).
     */
    public static UsmNdArray[] intersect1d(UsmNdArray ar1, UsmNdArray ar2, boolean assumeUnique, boolean returnIndices) {
        return SetOps.intersect1d(ar1, ar2, assumeUnique, returnIndices);
    }
    /** NumPy {@code setdiff1d(ar1, ar2)}: the sorted unique values of ar1 not in ar2. */
    public static UsmNdArray setdiff1d(UsmNdArray ar1, UsmNdArray ar2) { return SetOps.setdiff1d(ar1, ar2, false); }
    /** NumPy {@code setdiff1d}; with {@code assumeUnique} ar1's order is kept. */
    public static UsmNdArray setdiff1d(UsmNdArray ar1, UsmNdArray ar2, boolean assumeUnique) { return SetOps.setdiff1d(ar1, ar2, assumeUnique); }
    /** NumPy {@code setxor1d(ar1, ar2)}: the sorted values in exactly one of them. */
    public static UsmNdArray setxor1d(UsmNdArray ar1, UsmNdArray ar2) { return SetOps.setxor1d(ar1, ar2, false); }
    /** NumPy {@code setxor1d} with {@code assume_unique}. */
    public static UsmNdArray setxor1d(UsmNdArray ar1, UsmNdArray ar2, boolean assumeUnique) { return SetOps.setxor1d(ar1, ar2, assumeUnique); }
    /** NumPy {@code isin(element, test_elements)}: a bool array of element's shape. */
    public static UsmNdArray isin(UsmNdArray element, UsmNdArray testElements) { return SetOps.isin(element, testElements, false, false, null); }
    /** NumPy {@code isin} with every argument; {@code kind} null, "sort" or "table" (integers only; same result). */
    public static UsmNdArray isin(UsmNdArray element, UsmNdArray testElements, boolean assumeUnique, boolean invert, String kind) {
        return SetOps.isin(element, testElements, assumeUnique, invert, kind);
    }

    /** NumPy {@code partition(a, kth)} along the last axis. */
    public static UsmNdArray partition(UsmNdArray a, long kth) { return Orderings.partition(a, new long[] {kth}, -1, null); }
    /**
     * NumPy {@code partition}: every element at a {@code kth} position is where a sort puts it,
     * smaller ones before, larger after (here a full stable sort, one valid partition); axis null
     * flattens; kind "introselect" or null.
     */
    public static UsmNdArray partition(UsmNdArray a, long[] kth, Integer axis, String kind) { return Orderings.partition(a, kth, axis, kind); }
    /** NumPy {@code argpartition(a, kth)} along the last axis. */
    public static UsmNdArray argpartition(UsmNdArray a, long kth) { return Orderings.argpartition(a, new long[] {kth}, -1, null); }
    /** NumPy {@code argpartition}: int64 positions that partition a (see {@link #partition(UsmNdArray, long[], Integer, String)}). */
    public static UsmNdArray argpartition(UsmNdArray a, long[] kth, Integer axis, String kind) { return Orderings.argpartition(a, kth, axis, kind); }
    /** NumPy {@code lexsort(keys)}: int64 positions sorting by the last key, then the one before, ...; last axis. */
    public static UsmNdArray lexsort(UsmNdArray... keys) { return Orderings.lexsort(keys, -1); }
    /** NumPy {@code lexsort(keys, axis)}. */
    public static UsmNdArray lexsort(UsmNdArray[] keys, int axis) { return Orderings.lexsort(keys, axis); }
    /** NumPy {@code lexsort} of a 2-D array whose rows are the keys. */
    public static UsmNdArray lexsort(UsmNdArray keys, int axis) { return Orderings.lexsort(keys, axis); }

    /** NumPy {@code nanmedian(a)}: the median of the non-NaN elements (NaN for an all-NaN input). */
    public static UsmNdArray nanmedian(UsmNdArray a) { return nanmedian(a, null, false); }
    /** NumPy {@code nanmedian(a, axis, keepdims)}. */
    public static UsmNdArray nanmedian(UsmNdArray a, Integer axis, boolean keepdims) {
        return NanQuantiles.quantile("nanmedian", a, new double[] {0.5}, axis, null, keepdims, true);
    }
    /** NumPy {@code nanquantile(a, q, axis, method=..., keepdims)} for one q in [0, 1]: no q axis. */
    public static UsmNdArray nanquantile(UsmNdArray a, double q, Integer axis, String method, boolean keepdims) {
        return NanQuantiles.quantile("nanquantile", a, new double[] {q}, axis, method, keepdims, true);
    }
    /**
     * NumPy {@code nanquantile} for several q in [0, 1] (the first result axis runs over q);
     * method "linear" (null), "lower", "higher", "nearest" or "midpoint".
     */
    public static UsmNdArray nanquantile(UsmNdArray a, double[] q, Integer axis, String method, boolean keepdims) {
        return NanQuantiles.quantile("nanquantile", a, q, axis, method, keepdims, false);
    }
    /** NumPy {@code nanquantile(a, q)}: flattened, linear. */
    public static UsmNdArray nanquantile(UsmNdArray a, double q) { return nanquantile(a, q, null, null, false); }
    /** NumPy {@code nanpercentile} for one q in [0, 100]. */
    public static UsmNdArray nanpercentile(UsmNdArray a, double q, Integer axis, String method, boolean keepdims) {
        return NanQuantiles.quantile("nanpercentile", a, Statistics.fractions(new double[] {q}), axis, method, keepdims, true);
    }
    /** NumPy {@code nanpercentile} for several q in [0, 100]. */
    public static UsmNdArray nanpercentile(UsmNdArray a, double[] q, Integer axis, String method, boolean keepdims) {
        return NanQuantiles.quantile("nanpercentile", a, Statistics.fractions(q), axis, method, keepdims, false);
    }
    /** NumPy {@code nanpercentile(a, q)}: flattened, linear. */
    public static UsmNdArray nanpercentile(UsmNdArray a, double q) { return nanpercentile(a, q, null, null, false); }
}
