package org.jdpx.dpnp;

import java.util.function.BiFunction;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's index helpers (diagonal and triangle indices, multi-index conversion, {@code ix_},
 * bit packing), inherited by {@link Dpnp}. They run on the device of their array arguments, or
 * for those given only sizes on the options' device (the default device when omitted); results
 * are int64 index arrays (uint8 for the bit functions). Bad arguments throw
 * {@link IllegalArgumentException} with NumPy's wording.
 */
public abstract class IndexFunctions extends EditFunctions {

    IndexFunctions() {
    }

    /** NumPy {@code diag_indices(n)}: the indices of the main diagonal of an n x n array. */
    public static UsmNdArray[] diagIndices(long n) { return IndexHelpers.diagIndices(n, 2, ArrayOptions.defaults()); }
    /** NumPy {@code diag_indices(n, ndim)} on the options' device. */
    public static UsmNdArray[] diagIndices(long n, int ndim, ArrayOptions o) { return IndexHelpers.diagIndices(n, ndim, o); }
    /** NumPy {@code diag_indices_from(arr)}, on arr's device. */
    public static UsmNdArray[] diagIndicesFrom(UsmNdArray arr) { return IndexHelpers.diagIndicesFrom(arr); }
    /** NumPy {@code tril_indices(n, k, m)}: row and column indices at and below diagonal k (m null: n). */
    public static UsmNdArray[] trilIndices(long n, long k, Long m, ArrayOptions o) { return IndexHelpers.triangle(n, k, m == null ? n : m, true, o); }
    /** NumPy {@code tril_indices(n)}. */
    public static UsmNdArray[] trilIndices(long n) { return trilIndices(n, 0, null, ArrayOptions.defaults()); }
    /** NumPy {@code triu_indices(n, k, m)}: indices at and above diagonal k. */
    public static UsmNdArray[] triuIndices(long n, long k, Long m, ArrayOptions o) { return IndexHelpers.triangle(n, k, m == null ? n : m, false, o); }
    /** NumPy {@code triu_indices(n)}. */
    public static UsmNdArray[] triuIndices(long n) { return triuIndices(n, 0, null, ArrayOptions.defaults()); }
    /** NumPy {@code tril_indices_from(arr, k)} for a 2-D arr, on its device. */
    public static UsmNdArray[] trilIndicesFrom(UsmNdArray arr, long k) { return IndexHelpers.triangleFrom("tril_indices_from", arr, k, true); }
    /** NumPy {@code tril_indices_from(arr)}. */
    public static UsmNdArray[] trilIndicesFrom(UsmNdArray arr) { return trilIndicesFrom(arr, 0); }
    /** NumPy {@code triu_indices_from(arr, k)}. */
    public static UsmNdArray[] triuIndicesFrom(UsmNdArray arr, long k) { return IndexHelpers.triangleFrom("triu_indices_from", arr, k, false); }
    /** NumPy {@code triu_indices_from(arr)}. */
    public static UsmNdArray[] triuIndicesFrom(UsmNdArray arr) { return triuIndicesFrom(arr, 0); }
    /** NumPy {@code mask_indices(n, mask_func, k)}: where {@code maskFunc(ones((n, n)), k)} is non-zero. */
    public static UsmNdArray[] maskIndices(long n, BiFunction<UsmNdArray, Long, UsmNdArray> maskFunc, long k, ArrayOptions o) {
        return IndexHelpers.maskIndices(n, maskFunc, k, o);
    }
    /** NumPy {@code mask_indices(n, mask_func)} with k=0 on the default device. */
    public static UsmNdArray[] maskIndices(long n, BiFunction<UsmNdArray, Long, UsmNdArray> maskFunc) {
        return maskIndices(n, maskFunc, 0, ArrayOptions.defaults());
    }
    /** NumPy {@code ravel_multi_index(multi_index, dims)}: mode "raise", order 'C'. */
    public static UsmNdArray ravelMultiIndex(UsmNdArray[] multiIndex, long... dims) { return IndexHelpers.ravelMultiIndex(multiIndex, dims, new String[] {"raise"}, 'C'); }
    /** NumPy {@code ravel_multi_index(multi_index, dims, mode, order)}: one mode ("raise", "wrap", "clip") or one per axis. */
    public static UsmNdArray ravelMultiIndex(UsmNdArray[] multiIndex, long[] dims, String[] mode, char order) {
        return IndexHelpers.ravelMultiIndex(multiIndex, dims, mode, order);
    }
    /** NumPy {@code unravel_index(indices, shape)} in C order. */
    public static UsmNdArray[] unravelIndex(UsmNdArray indices, long... shape) { return IndexHelpers.unravelIndex(indices, shape, 'C'); }
    /** NumPy {@code unravel_index(indices, shape, order)}; order 'C' or 'F'. */
    public static UsmNdArray[] unravelIndex(UsmNdArray indices, long[] shape, char order) { return IndexHelpers.unravelIndex(indices, shape, order); }
    /** NumPy {@code ix_(*args)}: 1-D index arrays (bool ones as their true positions) shaped for an open mesh (views). */
    @NumpyName("ix_") public static UsmNdArray[] ix(UsmNdArray... args) { return IndexHelpers.ix(args); }
    /** NumPy {@code packbits(a)}: flattened, big bit order. */
    public static UsmNdArray packbits(UsmNdArray a) { return IndexHelpers.packbits(a, null, "big"); }
    /** NumPy {@code packbits(a, axis, bitorder)}: uint8 bytes of 8 truth values along axis (null: flattened). */
    public static UsmNdArray packbits(UsmNdArray a, Integer axis, String bitorder) { return IndexHelpers.packbits(a, axis, bitorder); }
    /** NumPy {@code unpackbits(a)}: flattened, big bit order. */
    public static UsmNdArray unpackbits(UsmNdArray a) { return IndexHelpers.unpackbits(a, null, null, "big"); }
    /** NumPy {@code unpackbits(a, axis, count, bitorder)}: the bits of uint8 a, count bits kept (null: all). */
    public static UsmNdArray unpackbits(UsmNdArray a, Integer axis, Long count, String bitorder) { return IndexHelpers.unpackbits(a, axis, count, bitorder); }
}
