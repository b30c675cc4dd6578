package org.jdpx.tensor.linalg;

/**
 * Where a stack of matrices lies in memory, all in elements: the first element, the steps between
 * rows, columns and matrices of the stack. A transposed operand is the same memory with the row and
 * column strides swapped, so GEMM reads it in place; a broadcast batch has batch stride 0.
 *
 * @param offset      index of element (0, 0) of matrix 0
 * @param rowStride   step from one row to the next
 * @param colStride   step from one column to the next
 * @param batchStride step from one matrix of the stack to the next
 */
public record Strided(long offset, long rowStride, long colStride, long batchStride) {

    /** A C-contiguous stack of {@code rows x cols} matrices starting at {@code offset}. */
    public static Strided rowMajor(long offset, long rows, long cols) {
        return new Strided(offset, cols, 1, rows * cols);
    }

    /** This operand read transposed. */
    public Strided transposed() {
        return new Strided(offset, colStride, rowStride, batchStride);
    }

    /** Index of element (i, j) of matrix {@code batch}. */
    long index(long batch, long i, long j) {
        return offset + batch * batchStride + i * rowStride + j * colStride;
    }
}
