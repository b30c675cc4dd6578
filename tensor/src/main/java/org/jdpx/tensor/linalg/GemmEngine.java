package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;

/**
 * The type-specific part of the java device's GEMM: packing panels of A and B into the order the
 * register micro-kernel reads them, and that micro-kernel. {@link JavaGemm} does the blocking and
 * threading around it.
 */
interface GemmEngine {

    /** Rows of C one micro-kernel call computes. */
    int mr();

    /** Columns of C one micro-kernel call computes. */
    int nr();

    /** A packing buffer of {@code elements} elements. */
    Object buffer(int elements);

    /**
     * Packs rows {@code i0..i0+mc} and columns {@code p0..p0+kc} of A into panels of {@link #mr()}
     * rows, each column of a panel stored contiguously; rows past the matrix are zero.
     */
    void packA(MemorySegment a, Strided s, long batch, int i0, int mc, int p0, int kc, Object dst);

    /**
     * Packs rows {@code p0..p0+kc} and columns {@code j0..j0+nc} of B into panels of {@link #nr()}
     * columns, each row of a panel stored contiguously; columns past the matrix are zero.
     */
    void packB(MemorySegment b, Strided s, long batch, int p0, int kc, int j0, int nc, Object dst);

    /**
     * {@code C[i0.., j0..] = alpha * Apanel @ Bpanel + beta * C} for an {@code rows x cols} corner of
     * one micro-tile ({@code beta == 0}: C is not read).
     */
    void tile(int kc, Object ap, int ao, Object bp, int bo, MemorySegment c, Strided s, long batch, int i0, int j0,
              int rows, int cols, double alpha, double beta);
}
