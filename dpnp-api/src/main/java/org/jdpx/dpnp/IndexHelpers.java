package org.jdpx.dpnp;

import java.util.function.BiFunction;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's index-array helpers on the device: diagonal and triangle indices, flat and
 * multi-indices (ravel_multi_index, unravel_index), open meshes ({@code ix_}) and bit packing.
 * Index arithmetic is fused elementwise; triangle indices compact a mask; bounds checks read two
 * reductions.
 */
final class IndexHelpers {

    private IndexHelpers() {
    }

    static UsmNdArray[] diagIndices(long n, int ndim, ArrayOptions o) {
        UsmNdArray i = Creation.iota(o.resolveQueue(), o.usmType(), n);
        UsmNdArray[] r = new UsmNdArray[ndim];
        java.util.Arrays.fill(r, i);
        return r;
    }

    static UsmNdArray[] diagIndicesFrom(UsmNdArray arr) {
        if (arr.ndim() < 2) throw new IllegalArgumentException("diag_indices_from: input array must be at least 2-d");
        long[] s = arr.shape();
        for (long e : s) {
            if (e != s[0]) throw new IllegalArgumentException("diag_indices_from: all dimensions of input must be of equal length");
        }
        return diagIndices(s[0], s.length, ArrayOptions.on(arr.queue()));
    }

    /** The coordinates of the true elements of the {@code (n, m)} triangle at and below ({@code lower}) or above diagonal k. */
    static UsmNdArray[] triangle(long n, long k, long m, boolean lower, ArrayOptions o) {
        UsmNdArray tri = Creation.tri(n, m, lower ? k : k - 1, o.dtype(DType.BOOL));
        return Selection.nonzero(lower ? tri : Tensor.logicalNot(tri).eval());
    }

    static UsmNdArray[] triangleFrom(String fn, UsmNdArray arr, long k, boolean lower) {
        if (arr.ndim() != 2) throw new IllegalArgumentException(fn + ": input array must be 2-d");
        return triangle(arr.shape()[0], k, arr.shape()[1], lower, ArrayOptions.on(arr.queue()));
    }

    /** NumPy's mask_indices: the coordinates where {@code maskFunc(ones((n, n)), k)} is non-zero. */
    static UsmNdArray[] maskIndices(long n, BiFunction<UsmNdArray, Long, UsmNdArray> maskFunc, long k, ArrayOptions o) {
        UsmNdArray ones = Tensor.ones(new long[] {n, n}, o.dtype(DType.INT64));
        return Selection.nonzero(maskFunc.apply(ones, k));
    }

    /** NumPy's ravel_multi_index: flat positions in an array of shape {@code dims}; modes per axis or one for all. */
    static UsmNdArray ravelMultiIndex(UsmNdArray[] multiIndex, long[] dims, String[] modes, char order) {
        int nd = dims.length;
        if (multiIndex.length != nd) {
            throw new IllegalArgumentException("ravel_multi_index: parameter multi_index must be a sequence of length " + nd);
        }
        if (modes.length != 1 && modes.length != nd) {
            throw new IllegalArgumentException("ravel_multi_index: mode must be one mode or one per dimension");
        }
        long[] strides = strides(dims, order, "ravel_multi_index");
        UsmNdArray r = null;
        for (int d = 0; d < nd; d++) {
            String mode = modes[modes.length == 1 ? 0 : d];
            UsmNdArray i = multiIndex[d];
            if (i.dtype().isFloat() || i.dtype() == DType.BOOL) {
                throw new IllegalArgumentException("ravel_multi_index: only int indices permitted, got " + i.dtype());
            }
            UsmNdArray v = switch (mode) {
                case "raise" -> {
                    if (i.size() > 0 && (Tensor.min(i, null, false).itemLong() < 0 || Tensor.max(i, null, false).itemLong() >= dims[d])) {
                        throw new IllegalArgumentException("ravel_multi_index: invalid entry in coordinates array");
                    }
                    yield i.astype(DType.INT64);
                }
                case "wrap", "clip" -> Scatter.indexMode("ravel_multi_index", i, dims[d], mode);
                default -> throw new IllegalArgumentException("ravel_multi_index: mode must be 'raise', 'wrap' or 'clip', got '" + mode + "'");
            };
            UsmNdArray term = Tensor.multiply(v, strides[d]);
            r = r == null ? term : Tensor.add(r, term);
        }
        return r.eval();
    }

    private static long[] strides(long[] dims, char order, String fn) {
        for (long d : dims) if (d < 0) throw new IllegalArgumentException(fn + ": dimensions must be non-negative");
        if (order == 'C') return Shapes.cStrides(dims);
        if (order == 'F') return Shapes.fStrides(dims);
        throw new IllegalArgumentException(fn + ": order must be 'C' or 'F', got '" + order + "'");
    }

    /** NumPy's unravel_index: the coordinate arrays of flat positions {@code indices} in an array of {@code shape}. */
    static UsmNdArray[] unravelIndex(UsmNdArray indices, long[] shape, char order) {
        if (indices.dtype().isFloat() || indices.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("unravel_index: only int indices permitted, got " + indices.dtype());
        }
        long[] strides = strides(shape, order, "unravel_index");
        long size = Shapes.size(shape);
        if (indices.size() > 0) {
            long lo = Tensor.min(indices, null, false).itemLong();
            long hi = Tensor.max(indices, null, false).itemLong();
            if (lo < 0 || hi >= size) {
                throw new IllegalArgumentException("unravel_index: index " + (lo < 0 ? lo : hi)
                        + " is out of bounds for array with size " + size);
            }
        }
        UsmNdArray i = indices.astype(DType.INT64);
        UsmNdArray[] r = new UsmNdArray[shape.length];
        for (int d = 0; d < shape.length; d++) {
            r[d] = Tensor.remainder(Tensor.floorDivide(i, strides[d]), shape[d]).eval();
        }
        return r;
    }

    /** NumPy's ix_: each 1-D sequence (a bool one becomes its true positions) shaped to index one axis of an open mesh. */
    static UsmNdArray[] ix(UsmNdArray... args) {
        int nd = args.length;
        UsmNdArray[] r = new UsmNdArray[nd];
        for (int k = 0; k < nd; k++) {
            UsmNdArray a = args[k];
            if (a.ndim() != 1) throw new IllegalArgumentException("ix_: cross index must be 1 dimensional");
            if (a.dtype() == DType.BOOL) a = Selection.positions(a);
            long[] s = new long[nd];
            java.util.Arrays.fill(s, 1);
            s[k] = a.size();
            r[k] = a.reshape(s);
        }
        return r;
    }

    /** NumPy's packbits: the truth of each element packed 8 to a uint8 along {@code axis} (null: flattened). */
    static UsmNdArray packbits(UsmNdArray a, Integer axis, String bitorder) {
        if (a.dtype().isFloat()) {
            throw new IllegalArgumentException("packbits: expected an input array of integer or boolean data type, got " + a.dtype());
        }
        boolean little = little("packbits", bitorder);
        UsmNdArray src = axis == null ? a.reshape(-1) : Axes.move(a, axis, -1);
        long[] s = src.shape();
        long n = s[s.length - 1];
        long bytes = (n + 7) / 8;
        UsmNdArray bits = Tensor.notEqual(src, 0).astype(DType.UINT8);
        if (bytes * 8 != n) {
            long[] padShape = s.clone();
            padShape[s.length - 1] = bytes * 8 - n;
            UsmNdArray zeros = Tensor.zeros(padShape, ArrayOptions.on(a.queue()).dtype(DType.UINT8));
            bits = Manipulation.concatenate(new UsmNdArray[] {bits, zeros}, -1);
        }
        long[] grouped = java.util.Arrays.copyOf(s, s.length + 1);
        grouped[s.length - 1] = bytes;
        grouped[s.length] = 8;
        UsmNdArray shifted = Tensor.leftShift(bits.reshape(grouped), weights(a, little));
        UsmNdArray packed = Tensor.sum(shifted, new int[] {-1}, false).astype(DType.UINT8);
        return (axis == null ? packed : Axes.move(packed, -1, axis)).copy().eval();
    }

    /** NumPy's unpackbits: each uint8 as 8 bits (uint8) along {@code axis} (null: flattened); {@code count} bits kept (null: all). */
    static UsmNdArray unpackbits(UsmNdArray a, Integer axis, Long count, String bitorder) {
        if (a.dtype() != DType.UINT8) throw new IllegalArgumentException("unpackbits: expected an input array of unsigned byte data type, got " + a.dtype());
        boolean little = little("unpackbits", bitorder);
        UsmNdArray src = axis == null ? a.reshape(-1) : Axes.move(a, axis, -1);
        long[] s = src.shape();
        long n = s[s.length - 1] * 8;
        UsmNdArray bits = Tensor.bitwiseAnd(Tensor.rightShift(src.expandDims(-1), weights(a, little)), 1L)
                .astype(DType.UINT8);
        long[] flat = s.clone();
        flat[s.length - 1] = n;
        UsmNdArray r = bits.reshape(flat);
        if (count != null) {
            long keep = count >= 0 ? count : Math.max(0, n + count);
            if (keep <= n) {
                r = Axes.slice(r, -1, 0, keep, 1);
            } else {
                long[] padShape = flat.clone();
                padShape[s.length - 1] = keep - n;
                r = Manipulation.concatenate(new UsmNdArray[] {r, Tensor.zeros(padShape, ArrayOptions.on(a.queue()).dtype(DType.UINT8))}, -1);
            }
        }
        return (axis == null ? r : Axes.move(r, -1, axis)).copy().eval();
    }

    private static boolean little(String fn, String bitorder) {
        String b = bitorder == null ? "big" : bitorder;
        if (!b.equals("big") && !b.equals("little")) {
            throw new IllegalArgumentException(fn + ": 'order' must be either 'little' or 'big', got '" + bitorder + "'");
        }
        return b.equals("little");
    }

    /** The bit shifts of the 8 bits of a byte, most significant first ('big') or least first. */
    private static UsmNdArray weights(UsmNdArray like, boolean little) {
        UsmNdArray i = Creation.iota(like, 8);
        return (little ? i : Tensor.subtract(7L, i)).astype(DType.UINT8).eval();
    }
}
