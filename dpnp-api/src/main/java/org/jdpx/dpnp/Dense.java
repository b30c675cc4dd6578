package org.jdpx.dpnp;

import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.Range;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * Computed, C-contiguous arrays that start at their allocation, as the {@code @Kernel} methods
 * take them, and the typed kernel views over their memory.
 */
final class Dense {

    private Dense() {
    }

    /** {@code x} itself when it is computed, C-contiguous and at offset 0; else a dense copy (on its device). */
    static UsmNdArray of(UsmNdArray x) {
        if (!x.isLazy()) {
            View v = x.view();
            if (v.offset() == 0 && v.isCContiguous()) return x;
        }
        return x.copy().eval();
    }

    /** {@code x} as dtype {@code t}, dense. */
    static UsmNdArray of(UsmNdArray x, DType t) {
        return of(x.dtype() == t ? x : x.astype(t));
    }

    /** A new uninitialized C-order array on {@code like}'s queue and USM kind. */
    static UsmNdArray allocate(UsmNdArray like, DType t, long... shape) {
        return UsmNdArray.allocate(shape, t, like.queue(), like.usmType(), 'C');
    }

    /** The 8-byte elements of a dense array as a kernel view. */
    static LongArray longs(UsmNdArray dense) {
        return LongArray.on(dense.memory(), Math.max(1, dense.size()));
    }

    /** The 4-byte elements of a dense array as a kernel view. */
    static IntArray ints(UsmNdArray dense) {
        return IntArray.on(dense.memory(), Math.max(1, dense.size()));
    }

    /** The launch range for {@code n} work-items (at least one, guarded in the kernels). */
    static Range range(long n) {
        return Range.of(Math.toIntExact(Math.max(1, n)));
    }

    /** {@code n} as an int kernel argument, refusing sizes the kernels' int indexing cannot reach. */
    static int count(String function, long n) {
        if (n > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException(function + ": arrays of more than " + Integer.MAX_VALUE
                    + " elements are not supported (got " + n + ")");
        }
        return (int) n;
    }
}
