package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;
import org.jdpx.tensor.linalg.Strided;
import org.jdpx.usm.UsmMemory;

/**
 * A window of a stack of {@code batch} matrices in one USM memory, what the recursive steps of
 * the decompositions pass around: element (i, j) of matrix b is at element
 * {@code offset + b*batchStride + i*rowStride + j*colStride} of the memory.
 */
record LinalgBlock(UsmMemory memory, long offset, long rowStride, long colStride, long batchStride, long batch,
                   long rows, long cols) {

    /** The whole of a computed 3-D {@code (batch, rows, cols)} array. */
    static LinalgBlock of(UsmNdArray x) {
        View v = x.view();
        long[] s = v.strides();
        long[] shape = x.shape();
        return new LinalgBlock(x.memory(), v.offset(), s[1], s[2], s[0], shape[0], shape[1], shape[2]);
    }

    /** Rows {@code i..i+rows-1} and columns {@code j..j+cols-1} of each matrix. */
    LinalgBlock sub(long i, long j, long rows, long cols) {
        return new LinalgBlock(memory, offset + i * rowStride + j * colStride, rowStride, colStride, batchStride, batch,
                rows, cols);
    }

    /** The layout the GEMM core reads. */
    Strided strided() {
        return new Strided(offset, rowStride, colStride, batchStride);
    }
}
