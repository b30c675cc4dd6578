package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's set routines on the device, built from the stable merge sort, binary search and stream
 * compaction: values are sorted, neighbours compared elementwise, and the selected positions
 * compacted. Only the sizes of the results are read to the host.
 */
final class SetOps {

    private SetOps() {
    }

    /** {@code src} (any shape, read flat) at int64 positions {@code idx}, as a dense 1-D array. */
    static UsmNdArray gather(UsmNdArray src, UsmNdArray idx) {
        long n = src.size();
        long m = idx.size();
        return Gather.rows(Dense.of(src.reshape(-1)).reshape(1, n), idx.reshape(-1), 1, n, m, false).reshape(m);
    }

    private static UsmNdArray flat(UsmNdArray x) {
        return Dense.of(x.reshape(-1));
    }

    /** NumPy's union1d: the sorted unique values of both arrays. */
    static UsmNdArray union1d(UsmNdArray a, UsmNdArray b) {
        return Sorting.unique(Manipulation.concatenate(new UsmNdArray[] {a.reshape(-1), b.reshape(-1)}, 0)).values();
    }

    /**
     * NumPy's intersect1d: the sorted values in both; with {@code returnIndices} also the first
     * positions of each in the flattened a and b.
     */
    static UsmNdArray[] intersect1d(UsmNdArray a, UsmNdArray b, boolean assumeUnique, boolean returnIndices) {
        UsmNdArray ua;
        UsmNdArray ub;
        UsmNdArray ia = null;
        UsmNdArray ib = null;
        if (assumeUnique) {
            ua = flat(a);
            ub = flat(b);
        } else {
            Sorting.Unique sa = Sorting.unique(a, returnIndices);
            Sorting.Unique sb = Sorting.unique(b, returnIndices);
            ua = sa.values();
            ub = sb.values();
            ia = sa.indices();
            ib = sb.indices();
        }
        UsmNdArray aux = Manipulation.concatenate(new UsmNdArray[] {ua, ub}, 0);
        long n = aux.size();
        if (n < 2) {
            UsmNdArray none = Dense.allocate(aux, aux.dtype(), 0);
            UsmNdArray noIdx = Dense.allocate(aux, DType.INT64, 0);
            return returnIndices ? new UsmNdArray[] {none, noIdx, noIdx} : new UsmNdArray[] {none};
        }
        UsmNdArray perm = Sorting.argsort(aux, 0);
        UsmNdArray s = gather(aux, perm);
        UsmNdArray pos = Selection.positions(Tensor.equal(s.get("1:"), s.get(":-1")));
        UsmNdArray values = gather(s, pos);
        if (!returnIndices) return new UsmNdArray[] {values};
        UsmNdArray i1 = gather(perm, pos);
        UsmNdArray i2 = Tensor.subtract(gather(perm, Tensor.add(pos, 1L).eval()), ua.size()).eval();
        if (!assumeUnique) {
            i1 = gather(ia, i1);
            i2 = gather(ib, i2);
        }
        return new UsmNdArray[] {values, i1, i2};
    }

    /** NumPy's setdiff1d: the values of a not in b (sorted unique unless {@code assumeUnique}). */
    static UsmNdArray setdiff1d(UsmNdArray a, UsmNdArray b, boolean assumeUnique) {
        UsmNdArray ua = assumeUnique ? flat(a) : Sorting.unique(a).values();
        UsmNdArray ub = assumeUnique ? b : Sorting.unique(b).values();
        return Selection.extract(isin(ua, ub, true, true, null), ua);
    }

    /** NumPy's setxor1d: the sorted values in exactly one of the arrays. */
    static UsmNdArray setxor1d(UsmNdArray a, UsmNdArray b, boolean assumeUnique) {
        UsmNdArray ua = assumeUnique ? a.reshape(-1) : Sorting.unique(a).values();
        UsmNdArray ub = assumeUnique ? b.reshape(-1) : Sorting.unique(b).values();
        UsmNdArray aux = Manipulation.concatenate(new UsmNdArray[] {ua, ub}, 0);
        long n = aux.size();
        if (n == 0) return Dense.of(aux);
        UsmNdArray s = Sorting.sort(aux, 0);
        UsmNdArray flag = Dense.allocate(s, DType.BOOL, n + 1);
        flag.set("0", true);
        flag.set(String.valueOf(n), true);
        if (n > 1) flag.set("1:" + n, Tensor.notEqual(s.get("1:"), s.get(":-1")));
        return Selection.extract(Tensor.logicalAnd(flag.get("1:"), flag.get(":-1")), s);
    }

    /**
     * NumPy's isin: whether each element of {@code element} is in {@code test} (shape of element):
     * binary search of each element in the sorted test values, then a comparison of the value found.
     */
    static UsmNdArray isin(UsmNdArray element, UsmNdArray test, boolean assumeUnique, boolean invert, String kind) {
        DType t = DTypes.forDevice(Promotion.result(element.dtype(), test.dtype()), element.device(), false);
        checkKind(kind, element.dtype(), test.dtype());
        long n = test.size();
        UsmNdArray r;
        if (n == 0) {
            r = Tensor.full(element.shape(), false, ArrayOptions.on(element.queue()).dtype(DType.BOOL));
        } else {
            UsmNdArray e = canonical(flat(element).astype(t));
            UsmNdArray sorted = Sorting.sort(canonical(flat(test).astype(t)), 0);
            UsmNdArray pos = Sorting.searchsorted(sorted, e, "left");
            UsmNdArray found = gather(sorted, Tensor.minimum(pos, n - 1).eval());
            r = Tensor.equal(found, e).reshape(element.shape());
        }
        return (invert ? Tensor.logicalNot(r) : r).eval();
    }

    /** Floats with -0.0 made +0.0 (equal values must share one order key for the search); others as they are. */
    private static UsmNdArray canonical(UsmNdArray x) {
        return x.dtype().isFloat() ? Dense.of(Tensor.add(x, 0.0), x.dtype()) : Dense.of(x);
    }

    private static void checkKind(String kind, DType a, DType b) {
        if (kind == null || kind.equals("sort")) return;
        if (!kind.equals("table")) {
            throw new IllegalArgumentException("isin: kind must be None, 'sort' or 'table', got '" + kind + "'");
        }
        if (a.isFloat() || b.isFloat()) {
            throw new IllegalArgumentException("isin: the 'table' method is only supported for boolean or integer arrays; "
                    + "select 'sort' or None for kind");
        }
    }
}
