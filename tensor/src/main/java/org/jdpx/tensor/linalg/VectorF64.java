package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 GEMM pieces on the Java Vector API: a 4-row by 2-vector register micro-kernel (8
 * accumulators: 4x8 on AVX2, 4x16 on AVX-512, in the JVM's preferred vector width). A 6-row
 * kernel measured far slower here (C2 spilled its 12 accumulators). C is read and written a
 * tile row at a time (vector loads and stores, or one bulk copy per row at the edges), never an
 * element at a time through a segment accessor where its rows are contiguous: the JDK's accessor
 * code is shared by every segment access in the JVM, and once other code has passed it heap and
 * native segments of several kinds C2 compiles it as virtual calls (in a harness, a 1024
 * float32 product after the bench's elementwise rows took 8.3-12.9 ms with per-element accesses
 * to C, 6.2-9.0 ms without). Loaded only when {@code jdk.incubator.vector} is present (see
 * {@link JavaGemm}).
 */
final class VectorF64 implements GemmEngine {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 4;
    private static final int NR = 2 * L;
    private static final ValueLayout.OfDouble E = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    @Override public int mr() { return MR; }

    @Override public int nr() { return NR; }

    @Override public Object buffer(int elements) { return new double[elements]; }

    @Override
    public void packA(MemorySegment a, Strided s, long batch, int i0, int mc, int p0, int kc, Object dst) {
        Packing.packA(a, s, batch, i0, mc, p0, kc, MemorySegment.ofArray((double[]) dst), MR, 8);
    }

    @Override
    public void packB(MemorySegment b, Strided s, long batch, int p0, int kc, int j0, int nc, Object dst) {
        Packing.packB(b, s, batch, p0, kc, j0, nc, MemorySegment.ofArray((double[]) dst), NR, 8);
    }

    @Override
    public void tile(int kc, Object apo, int ao, Object bpo, int bo, MemorySegment c, Strided s, long batch, int i0,
                     int j0, int rows, int cols, double alpha, double beta) {
        double[] ap = (double[]) apo;
        double[] bp = (double[]) bpo;
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // The accumulators leave the loop only through array stores: C2 then keeps them in registers
        // however the code reading C back was profiled (a JVM that ran the Vector API softmax first
        // compiled this method with a vector box per iteration: 6x the CPU time, 27 collections a product).
        double[] acc = new double[MR * NR + NR];
        c00.intoArray(acc, 0);
        c01.intoArray(acc, L);
        c10.intoArray(acc, NR);
        c11.intoArray(acc, NR + L);
        c20.intoArray(acc, 2 * NR);
        c21.intoArray(acc, 2 * NR + L);
        c30.intoArray(acc, 3 * NR);
        c31.intoArray(acc, 3 * NR + L);
        writeBack(acc, c, s, batch, i0, j0, rows, cols, (double) alpha, (double) beta);
    }

    /**
     * {@code C = alpha * acc + beta * C} for the tile's {@code rows x cols} (C is not read when beta
     * is 0): full rows with vector loads and stores, edge rows through the spare row of {@code
     * acc} with one bulk copy each way, element by element only where C's columns are strided.
     */
    private static void writeBack(double[] acc, MemorySegment c, Strided s, long batch, int i0, int j0, int rows, int cols,
                                  double al, double be) {
        if (cols == NR && s.colStride() == 1) {
            for (int r = 0; r < rows; r++) {
                long at = s.index(batch, i0 + r, j0) * 8;
                DoubleVector v0 = DoubleVector.fromArray(S, acc, r * NR).mul(al);
                DoubleVector v1 = DoubleVector.fromArray(S, acc, r * NR + L).mul(al);
                if (be != 0.0) {
                    v0 = v0.add(DoubleVector.fromMemorySegment(S, c, at, ByteOrder.nativeOrder()).mul(be));
                    v1 = v1.add(DoubleVector.fromMemorySegment(S, c, at + 8L * L, ByteOrder.nativeOrder()).mul(be));
                }
                v0.intoMemorySegment(c, at, ByteOrder.nativeOrder());
                v1.intoMemorySegment(c, at + 8L * L, ByteOrder.nativeOrder());
            }
            return;
        }
        if (s.colStride() == 1) {
            for (int r = 0; r < rows; r++) {
                long at = s.index(batch, i0 + r, j0) * 8;
                int o = r * NR;
                if (be != 0.0) {
                    MemorySegment.copy(c, E, at, acc, MR * NR, cols);
                    for (int j = 0; j < cols; j++) acc[o + j] = al * acc[o + j] + be * acc[MR * NR + j];
                } else if (al != 1.0) {
                    for (int j = 0; j < cols; j++) acc[o + j] *= al;
                }
                MemorySegment.copy(acc, o, c, E, at, cols);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                long at = s.index(batch, i0 + r, j0 + j);
                double v = al * acc[r * NR + j];
                c.setAtIndex(E, at, be != 0.0 ? v + be * c.getAtIndex(E, at) : v);
            }
        }
    }
}
