package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's functions that write into an existing array or pick elements by index arrays:
 * copyto, put, put_along_axis, putmask, place, fill_diagonal, choose and compress. All run on
 * the array's device as fused elementwise writes, gathers or {@link Scatter}; index bounds
 * (mode 'raise') are checked by reading two reductions.
 */
final class Writes {

    private Writes() {
    }

    /** NumPy's copyto: {@code src} (broadcast) into {@code dst} where {@code where} (null: everywhere) is true. */
    static void copyto(UsmNdArray dst, Object src, String casting, UsmNdArray where) {
        String c = casting == null ? "same_kind" : casting;
        DType from = src instanceof UsmNdArray s ? s.dtype() : scalarType(src);
        if (!canCast(from, dst.dtype(), c, !(src instanceof UsmNdArray))) {
            throw new IllegalArgumentException("copyto: cannot cast array data from " + from + " to " + dst.dtype()
                    + " according to the rule '" + c + "'");
        }
        Object v = src instanceof UsmNdArray s ? s : src;
        if (where == null) {
            dst.assign(v);
        } else {
            dst.assign(Tensor.where(where, v instanceof UsmNdArray s ? s.astype(dst.dtype()) : v, dst).eval());
        }
    }

    private static DType scalarType(Object v) {
        if (v instanceof Boolean) return DType.BOOL;
        if (v instanceof Double || v instanceof Float) return DType.FLOAT64;
        if (v instanceof Number) return DType.INT64;
        throw new IllegalArgumentException("copyto: src must be an array or a Java number or boolean, got " + v);
    }

    /** NumPy's casting rules between the real dtypes; a Java scalar ({@code weak}) is judged by its kind only. */
    static boolean canCast(DType from, DType to, String casting, boolean weak) {
        return switch (casting) {
            case "no", "equiv" -> from == to;
            case "safe" -> weak ? rank(from) <= rank(to) : Promotion.result(from, to) == to;
            case "same_kind" -> Promotion.result(from, to) == to || rank(from) <= rank(to);
            case "unsafe" -> true;
            default -> throw new IllegalArgumentException("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or "
                    + "'unsafe', got '" + casting + "'");
        };
    }

    /** NumPy's kind order: bool, unsigned, signed, float. */
    private static int rank(DType t) {
        return switch (t.kind()) {
            case BOOL -> 0;
            case UNSIGNED -> 1;
            case SIGNED -> 2;
            default -> 3;
        };
    }

    /** NumPy's put: {@code a.flat[ind] = v}, v repeated to ind's length; the last write to a position wins. */
    static void put(UsmNdArray a, UsmNdArray ind, Object v, String mode) {
        long m = ind.size();
        if (m == 0) return;
        UsmNdArray idx = Scatter.indexMode("put", ind.reshape(-1), a.size(), mode);
        UsmNdArray vals = Edits.array(a, v).reshape(-1);
        if (vals.size() == 0) return;
        Scatter.write(a, idx, Edits.resize(vals, new long[] {m}));
    }

    /** NumPy's put_along_axis: {@code values} written where {@code indices} point along {@code axis} (null: flattened). */
    static void putAlongAxis(UsmNdArray arr, UsmNdArray indices, Object values, Integer axis) {
        if (axis == null) {
            if (indices.ndim() != 1) throw new IllegalArgumentException("put_along_axis: when axis=None, indices must be 1-D");
            put(arr, indices, values, "raise");
            return;
        }
        int nd = arr.ndim();
        int ax = Shapes.axis(axis, nd);
        if (indices.ndim() != nd) {
            throw new IllegalArgumentException("put_along_axis: indices and arr must have the same number of dimensions, got "
                    + Shapes.describe(indices.shape()) + " and " + Shapes.describe(arr.shape()));
        }
        long[] shape = arr.shape();
        long[] target = shape.clone();
        target[ax] = indices.shape()[ax];
        long[] bs = Shapes.broadcast(indices.shape(), target);
        UsmNdArray i = Scatter.indexMode("put_along_axis", indices.broadcastTo(bs), shape[ax], "raise");
        long[] strides = Shapes.cStrides(shape);
        UsmNdArray flat = Tensor.multiply(i, strides[ax]);
        for (int d = 0; d < nd; d++) {
            if (d == ax) continue;
            long[] s = new long[nd];
            java.util.Arrays.fill(s, 1);
            s[d] = bs[d];
            flat = Tensor.add(flat, Tensor.multiply(Creation.iota(arr, bs[d]).reshape(s), strides[d]));
        }
        UsmNdArray v = Edits.array(arr, values).broadcastTo(bs);
        Scatter.write(arr, Dense.of(flat.broadcastTo(bs)), v);
    }

    /** NumPy's putmask: {@code a.flat[i] = values.flat[i % len(values)]} where {@code mask.flat[i]}. */
    static void putmask(UsmNdArray a, UsmNdArray mask, Object values) {
        if (mask.size() != a.size()) throw new IllegalArgumentException("putmask: mask and data must be the same size");
        UsmNdArray v = Edits.array(a, values);
        if (v.size() == 0) return;
        UsmNdArray tiled = v.size() == a.size() ? v.reshape(a.shape()) : Edits.resize(v, a.shape());
        a.assign(Tensor.where(mask.reshape(a.shape()), tiled, a).eval());
    }

    /** NumPy's place: the k-th selected element of {@code arr} gets {@code vals.flat[k % len(vals)]}. */
    static void place(UsmNdArray arr, UsmNdArray mask, Object vals) {
        if (mask.size() != arr.size()) throw new IllegalArgumentException("place: mask and data must be the same size");
        UsmNdArray v = Edits.array(arr, vals).reshape(-1);
        UsmNdArray m = mask.reshape(arr.shape());
        if (v.size() == 0) {
            if (arr.size() > 0 && Tensor.any(m, null, false).item() != 0) {
                throw new IllegalArgumentException("place: cannot insert from an empty array");
            }
            return;
        }
        UsmNdArray k = Tensor.subtract(Dense.of(Tensor.cumsum(Tensor.notEqual(m.reshape(-1), 0), null), DType.INT64), 1L);
        UsmNdArray pick = SetOps.gather(v, Tensor.remainder(Tensor.maximum(k, 0L), v.size()).eval()).reshape(arr.shape());
        arr.assign(Tensor.where(m, pick, arr).eval());
    }

    /** NumPy's fill_diagonal: {@code val} (repeated) on the main diagonal; {@code wrap} continues it past a tall matrix's square. */
    static void fillDiagonal(UsmNdArray a, Object val, boolean wrap) {
        long[] s = a.shape();
        if (s.length < 2) throw new IllegalArgumentException("fill_diagonal: array must be at least 2-d");
        long step;
        long end = a.size();
        if (s.length == 2) {
            step = s[1] + 1;
            if (!wrap) end = Math.min(end, s[1] * s[1]);
        } else {
            for (long e : s) {
                if (e != s[0]) throw new IllegalArgumentException("fill_diagonal: all dimensions of input must be of equal length");
            }
            step = 1;
            long p = 1;
            for (int i = 0; i < s.length - 1; i++) {
                p *= s[i];
                step += p;
            }
        }
        long count = end == 0 ? 0 : (end - 1) / step + 1;
        if (count == 0) return;
        UsmNdArray d = Dense.of(a);
        UsmNdArray diag = d.reshape(-1).get("0:" + end + ":" + step);
        UsmNdArray v = Edits.array(a, val);
        diag.assign(v.size() == 1 ? v.reshape() : Edits.resize(v.reshape(-1), new long[] {count}));
        if (d != a) a.assign(d);
    }

    /** NumPy's choose: {@code choices[a[i]][i]} for every (broadcast) position; mode raise, wrap or clip. */
    static UsmNdArray choose(UsmNdArray a, UsmNdArray[] choices, String mode) {
        int n = choices.length;
        if (n == 0) throw new IllegalArgumentException("choose: choices must not be empty");
        boolean raise = mode == null || mode.equals("raise");
        if (raise && a.size() > 0 && (Tensor.min(a, null, false).itemLong() < 0 || Tensor.max(a, null, false).itemLong() >= n)) {
            throw new IllegalArgumentException("choose: invalid entry in choice array (an index outside [0, " + n + "))");
        }
        UsmNdArray idx = raise ? a : Scatter.indexMode("choose", a, n, mode);
        UsmNdArray r = choices[n - 1];
        for (int k = n - 2; k >= 0; k--) r = Tensor.where(Tensor.equal(idx, (long) k), choices[k], r);
        long[][] shapes = new long[n + 1][];
        shapes[0] = a.shape();
        for (int k = 0; k < n; k++) shapes[k + 1] = choices[k].shape();
        return r.broadcastTo(Shapes.broadcast(shapes)).copy().eval();
    }

    /** NumPy's compress: the slices along {@code axis} (null: elements of the flattened a) where {@code condition} is true. */
    static UsmNdArray compress(UsmNdArray condition, UsmNdArray a, Integer axis) {
        if (condition.ndim() != 1) throw new IllegalArgumentException("compress: condition must be a 1-d array");
        UsmNdArray src = axis == null ? a.reshape(-1) : a;
        int ax = axis == null ? 0 : Shapes.axis(axis, src.ndim());
        if (condition.size() > src.shape()[ax]) {
            throw new IndexOutOfBoundsException("compress: index " + (src.shape()[ax]) + " is out of bounds for axis " + ax
                    + " with size " + src.shape()[ax]);
        }
        return Sorting.take(src, Selection.positions(condition), ax);
    }
}
