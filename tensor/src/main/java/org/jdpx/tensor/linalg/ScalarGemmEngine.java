package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The GEMM micro-kernel in plain Java, for JVMs started without {@code jdk.incubator.vector}:
 * 4x4 tiles accumulated in doubles (so float32 results are at least as accurate as the vector
 * kernel's), packed by the same {@link Packing}.
 */
final class ScalarGemmEngine implements GemmEngine {
    private static final int MR = 4;
    private static final int NR = 4;
    private final boolean f64;

    ScalarGemmEngine(boolean f64) {
        this.f64 = f64;
    }


    @Override public int mr() { return MR; }

    @Override public int nr() { return NR; }

    @Override public Object buffer(int elements) { return f64 ? new double[elements] : new float[elements]; }

    private MemorySegment segment(Object buffer) {
        return f64 ? MemorySegment.ofArray((double[]) buffer) : MemorySegment.ofArray((float[]) buffer);
    }

    @Override
    public void packA(MemorySegment a, Strided s, long batch, int i0, int mc, int p0, int kc, Object dst) {
        Packing.packA(a, s, batch, i0, mc, p0, kc, segment(dst), MR, f64 ? 8 : 4);
    }

    @Override
    public void packB(MemorySegment b, Strided s, long batch, int p0, int kc, int j0, int nc, Object dst) {
        Packing.packB(b, s, batch, p0, kc, j0, nc, segment(dst), NR, f64 ? 8 : 4);
    }

    @Override
    public void tile(int kc, Object apo, int ao, Object bpo, int bo, MemorySegment c, Strided s, long batch, int i0,
                     int j0, int rows, int cols, double alpha, double beta) {
        double[] acc = new double[MR * NR];
        double[] x = new double[MR];
        double[] y = new double[NR];
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            for (int r = 0; r < MR; r++) x[r] = element(apo, ao + r);
            for (int j = 0; j < NR; j++) y[j] = element(bpo, bo + j);
            for (int r = 0; r < MR; r++) {
                for (int j = 0; j < NR; j++) acc[r * NR + j] += x[r] * y[j];
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                long at = s.index(batch, i0 + r, j0 + j);
                double v = alpha * acc[r * NR + j];
                set(c, at, beta != 0 ? v + beta * get(c, at, f64) : v, f64);
            }
        }
    }

    private static double element(Object buffer, int i) {
        return buffer instanceof float[] f ? f[i] : ((double[]) buffer)[i];
    }

    /** {@code C = beta * C} over a block (the whole product when {@code k == 0}). */
    static void scale(MemorySegment c, Strided s, long batch, int m0, int m1, int n0, int n1, double beta, boolean f64) {
        for (int i = m0; i < m1; i++) {
            for (int j = n0; j < n1; j++) {
                long at = s.index(batch, i, j);
                set(c, at, beta != 0 ? beta * get(c, at, f64) : 0, f64);
            }
        }
    }

    /** Element {@code index} of a float32 or float64 segment, as a double. */
    static double get(MemorySegment m, long index, boolean f64) {
        return f64 ? m.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index) : m.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, index);
    }

    /** Stores {@code v} (rounded to float32 unless {@code f64}) at element {@code index}. */
    static void set(MemorySegment m, long index, double v, boolean f64) {
        if (f64) {
            m.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index, v);
        } else {
            m.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, index, (float) v);
        }
    }
}
