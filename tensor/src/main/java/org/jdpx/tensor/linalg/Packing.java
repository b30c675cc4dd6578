package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Copies blocks of A and B into the panel order the GEMM micro-kernels read, for any element
 * type: elements move as raw 4- or 8-byte words (exact), contiguous runs with one bulk copy, and
 * strided ones (transposes, rows of a row-major A) element by element. Places past the matrix
 * edge are zero.
 */
final class Packing {
    private static final ValueLayout.OfInt W4 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong W8 = ValueLayout.JAVA_LONG_UNALIGNED;

    private Packing() {
    }

    /**
     * Rows {@code i0..i0+mc}, columns {@code p0..p0+kc} of A into panels of {@code mr} rows, each
     * panel column contiguous.
     */
    static void packA(MemorySegment a, Strided s, long batch, int i0, int mc, int p0, int kc, MemorySegment dst, int mr,
                      int bytes) {
        if (s.colStride() == 1) {
            packRowMajorA(a, s, batch, i0, mc, p0, kc, dst, mr, bytes);
            return;
        }
        long o = 0;
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            for (int p = 0; p < kc; p++, o += mr) {
                run(a, s.index(batch, i0 + ir, p0 + p), s.rowStride(), rows, dst, o, mr, bytes);
            }
        }
    }

    /**
     * {@link #packA} of a row-major A (contiguous rows): each row's run is read in order and
     * spread over its panel's columns. Gathering each panel column across {@code mr} rows instead,
     * a call per column, took about a sixth of a 1024 solve's time on the java device.
     */
    private static void packRowMajorA(MemorySegment a, Strided s, long batch, int i0, int mc, int p0, int kc,
                                      MemorySegment dst, int mr, int bytes) {
        long o = 0;
        for (int ir = 0; ir < mc; ir += mr, o += (long) kc * mr) {
            int rows = Math.min(mr, mc - ir);
            for (int r = 0; r < mr; r++) {
                long d = o + r;
                if (r >= rows && bytes == 8) {
                    for (int p = 0; p < kc; p++, d += mr) dst.setAtIndex(W8, d, 0L);
                } else if (r >= rows) {
                    for (int p = 0; p < kc; p++, d += mr) dst.setAtIndex(W4, d, 0);
                } else if (bytes == 8) {
                    long at = s.index(batch, i0 + ir + r, p0) * 8;
                    for (int p = 0; p < kc; p++, d += mr) dst.setAtIndex(W8, d, a.get(W8, at + 8L * p));
                } else {
                    long at = s.index(batch, i0 + ir + r, p0) * 4;
                    for (int p = 0; p < kc; p++, d += mr) dst.setAtIndex(W4, d, a.get(W4, at + 4L * p));
                }
            }
        }
    }

    /**
     * Rows {@code p0..p0+kc}, columns {@code j0..j0+nc} of B into panels of {@code nr} columns, each
     * panel row contiguous.
     */
    static void packB(MemorySegment b, Strided s, long batch, int p0, int kc, int j0, int nc, MemorySegment dst, int nr,
                      int bytes) {
        long o = 0;
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            for (int p = 0; p < kc; p++, o += nr) {
                run(b, s.index(batch, p0 + p, j0 + jr), s.colStride(), cols, dst, o, nr, bytes);
            }
        }
    }

    /** {@code count} elements {@code step} apart from {@code src[from]} to {@code dst[at..at+width]}, zero-filled. */
    private static void run(MemorySegment src, long from, long step, int count, MemorySegment dst, long at, int width,
                            int bytes) {
        if (step == 1) {
            MemorySegment.copy(src, from * bytes, dst, at * bytes, (long) count * bytes);
        } else if (bytes == 4) {
            for (int r = 0; r < count; r++) dst.setAtIndex(W4, at + r, src.getAtIndex(W4, from + r * step));
        } else {
            for (int r = 0; r < count; r++) dst.setAtIndex(W8, at + r, src.getAtIndex(W8, from + r * step));
        }
        if (count < width) dst.asSlice((at + count) * bytes, (long) (width - count) * bytes).fill((byte) 0);
    }
}
