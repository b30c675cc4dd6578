package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of the java device's GEMV, reading the operands where they lie (no copy
 * of A): dot products of one float32 row or up to four float64 rows with x (the float64 rows
 * share each load of x), and an update {@code acc += sum x[p] *
 * column p} over four columns at a time. float32 accumulates in float lanes, as BLAS's sdot
 * does; float64 in double lanes. Offsets are in bytes; rows and x are contiguous. Loaded only
 * when {@code jdk.incubator.vector} is present.
 */
final class VectorLoops {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    /** Products a dot sums in its vector lanes before adding them to its double total. */
    static final int BLOCK = 4096;

    private VectorLoops() {
    }

    /**
     * {@code out[at + r] = sum_i a[rows[r] + i] * x[x0 + i]} for {@code r < count} and
     * {@code i < len}: float64 1 to 4 rows, float32 one ({@link #dotF32}). Two to four float64 rows
     * share each load of x, each summing in one vector accumulator, its lanes reduced, then the
     * tail (a missing row repeats row 0 and is not stored); a row alone sums in blocks.
     */
    static void dotRows(boolean f64, MemorySegment a, long[] rows, int count, MemorySegment x, long x0, int len,
                        double[] out, int at) {
        long r0 = rows[0];
        if (!f64) {
            if (count != 1) throw new IllegalArgumentException("float32 rows go one at a time, not " + count);
            out[at] = dotF32(a, r0, x, x0, len);
            return;
        }
        if (count == 1) {
            out[at] = dotF64(a, r0, x, x0, len);
            return;
        }
        long r1 = rows[1];
        long r2 = count > 2 ? rows[2] : r0;
        long r3 = count > 3 ? rows[3] : r0;
        System.arraycopy(dot4F64(a, r0, r1, r2, r3, x, x0, len), 0, out, at, count);
    }

    /**
     * One long dot product: blocks of {@link #BLOCK} products summed in four vector accumulators
     * (float lanes for float32, as BLAS's sdot), each block's lanes added into a double, so no
     * lane adds more than a few hundred terms (blocked summation: float32 dots of 2^24 elements
     * stay near float64's answer).
     */
    static double dotF32(MemorySegment a, long a0, MemorySegment x, long x0, int len) {
        long w = FS.vectorByteSize();
        long end = (long) len * 4;
        double total = 0;
        long i = 0;
        while (i + w <= end) {
            long stop = Math.min(end, i + BLOCK * 4L);
            FloatVector s0 = FloatVector.zero(FS), s1 = s0, s2 = s0, s3 = s0;
            for (; i + 4 * w <= stop; i += 4 * w) {
                s0 = FloatVector.fromMemorySegment(FS, a, a0 + i, NATIVE).fma(FloatVector.fromMemorySegment(FS, x, x0 + i, NATIVE), s0);
                s1 = FloatVector.fromMemorySegment(FS, a, a0 + i + w, NATIVE).fma(FloatVector.fromMemorySegment(FS, x, x0 + i + w, NATIVE), s1);
                s2 = FloatVector.fromMemorySegment(FS, a, a0 + i + 2 * w, NATIVE).fma(FloatVector.fromMemorySegment(FS, x, x0 + i + 2 * w, NATIVE), s2);
                s3 = FloatVector.fromMemorySegment(FS, a, a0 + i + 3 * w, NATIVE).fma(FloatVector.fromMemorySegment(FS, x, x0 + i + 3 * w, NATIVE), s3);
            }
            for (; i + w <= stop; i += w) {
                s0 = FloatVector.fromMemorySegment(FS, a, a0 + i, NATIVE).fma(FloatVector.fromMemorySegment(FS, x, x0 + i, NATIVE), s0);
            }
            total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < end; i += 4) total += a.get(F, a0 + i) * x.get(F, x0 + i);
        return total;
    }

    static double dotF64(MemorySegment a, long a0, MemorySegment x, long x0, int len) {
        long w = DS.vectorByteSize();
        long end = (long) len * 8;
        double total = 0;
        long i = 0;
        while (i + w <= end) {
            long stop = Math.min(end, i + BLOCK * 8L);
            DoubleVector s0 = DoubleVector.zero(DS), s1 = s0, s2 = s0, s3 = s0;
            for (; i + 4 * w <= stop; i += 4 * w) {
                s0 = DoubleVector.fromMemorySegment(DS, a, a0 + i, NATIVE).fma(DoubleVector.fromMemorySegment(DS, x, x0 + i, NATIVE), s0);
                s1 = DoubleVector.fromMemorySegment(DS, a, a0 + i + w, NATIVE).fma(DoubleVector.fromMemorySegment(DS, x, x0 + i + w, NATIVE), s1);
                s2 = DoubleVector.fromMemorySegment(DS, a, a0 + i + 2 * w, NATIVE).fma(DoubleVector.fromMemorySegment(DS, x, x0 + i + 2 * w, NATIVE), s2);
                s3 = DoubleVector.fromMemorySegment(DS, a, a0 + i + 3 * w, NATIVE).fma(DoubleVector.fromMemorySegment(DS, x, x0 + i + 3 * w, NATIVE), s3);
            }
            for (; i + w <= stop; i += w) {
                s0 = DoubleVector.fromMemorySegment(DS, a, a0 + i, NATIVE).fma(DoubleVector.fromMemorySegment(DS, x, x0 + i, NATIVE), s0);
            }
            total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < end; i += 8) total += a.get(D, a0 + i) * x.get(D, x0 + i);
        return total;
    }

    private static double[] dot4F64(MemorySegment a, long r0, long r1, long r2, long r3, MemorySegment x, long x0, int len) {
        DoubleVector s0 = DoubleVector.zero(DS), s1 = s0, s2 = s0, s3 = s0;
        long w = DS.vectorByteSize();
        long end = (long) len * 8;
        long i = 0;
        for (; i + w <= end; i += w) {
            DoubleVector xv = DoubleVector.fromMemorySegment(DS, x, x0 + i, NATIVE);
            s0 = DoubleVector.fromMemorySegment(DS, a, r0 + i, NATIVE).fma(xv, s0);
            s1 = DoubleVector.fromMemorySegment(DS, a, r1 + i, NATIVE).fma(xv, s1);
            s2 = DoubleVector.fromMemorySegment(DS, a, r2 + i, NATIVE).fma(xv, s2);
            s3 = DoubleVector.fromMemorySegment(DS, a, r3 + i, NATIVE).fma(xv, s3);
        }
        double[] s = {s0.reduceLanes(VectorOperators.ADD), s1.reduceLanes(VectorOperators.ADD),
                s2.reduceLanes(VectorOperators.ADD), s3.reduceLanes(VectorOperators.ADD)};
        for (; i < end; i += 8) {
            double xi = x.get(D, x0 + i);
            s[0] += a.get(D, r0 + i) * xi;
            s[1] += a.get(D, r1 + i) * xi;
            s[2] += a.get(D, r2 + i) * xi;
            s[3] += a.get(D, r3 + i) * xi;
        }
        return s;
    }

    /**
     * {@code acc[i] += sum_q xs[q] * a[cols[q] + i]} for {@code q < count} (1 to 4 columns) and
     * {@code i < len}; acc is a float[] or double[] matching the element type. The four columns go
     * in one pass over acc (one load and store of acc per four loads of A); missing columns repeat
     * column 0 with a zero factor.
     */
    static void axpyColumns(boolean f64, MemorySegment a, long[] cols, double[] xs, int count, Object acc, int len) {
        long[] c = cols.clone();
        double[] x = xs.clone();
        for (int q = count; q < 4; q++) {
            c[q] = c[0];
            x[q] = 0;
        }
        if (f64) axpy4F64(a, c, x, (double[]) acc, len);
        else axpy4F32(a, c, x, (float[]) acc, len);
    }

    private static void axpy4F32(MemorySegment a, long[] c, double[] xs, float[] acc, int len) {
        float x0 = (float) xs[0], x1 = (float) xs[1], x2 = (float) xs[2], x3 = (float) xs[3];
        FloatVector b0 = FloatVector.broadcast(FS, x0), b1 = FloatVector.broadcast(FS, x1);
        FloatVector b2 = FloatVector.broadcast(FS, x2), b3 = FloatVector.broadcast(FS, x3);
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        int i = 0;
        for (; i <= len - FS.length(); i += FS.length()) {
            long o = 4L * i;
            FloatVector v = FloatVector.fromArray(FS, acc, i);
            v = FloatVector.fromMemorySegment(FS, a, c0 + o, NATIVE).fma(b0, v);
            v = FloatVector.fromMemorySegment(FS, a, c1 + o, NATIVE).fma(b1, v);
            v = FloatVector.fromMemorySegment(FS, a, c2 + o, NATIVE).fma(b2, v);
            FloatVector.fromMemorySegment(FS, a, c3 + o, NATIVE).fma(b3, v).intoArray(acc, i);
        }
        for (; i < len; i++) {
            long o = 4L * i;
            acc[i] += x0 * a.get(F, c0 + o) + x1 * a.get(F, c1 + o) + x2 * a.get(F, c2 + o) + x3 * a.get(F, c3 + o);
        }
    }

    private static void axpy4F64(MemorySegment a, long[] c, double[] xs, double[] acc, int len) {
        double x0 = xs[0], x1 = xs[1], x2 = xs[2], x3 = xs[3];
        DoubleVector b0 = DoubleVector.broadcast(DS, x0), b1 = DoubleVector.broadcast(DS, x1);
        DoubleVector b2 = DoubleVector.broadcast(DS, x2), b3 = DoubleVector.broadcast(DS, x3);
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        int i = 0;
        for (; i <= len - DS.length(); i += DS.length()) {
            long o = 8L * i;
            DoubleVector v = DoubleVector.fromArray(DS, acc, i);
            v = DoubleVector.fromMemorySegment(DS, a, c0 + o, NATIVE).fma(b0, v);
            v = DoubleVector.fromMemorySegment(DS, a, c1 + o, NATIVE).fma(b1, v);
            v = DoubleVector.fromMemorySegment(DS, a, c2 + o, NATIVE).fma(b2, v);
            DoubleVector.fromMemorySegment(DS, a, c3 + o, NATIVE).fma(b3, v).intoArray(acc, i);
        }
        for (; i < len; i++) {
            long o = 8L * i;
            acc[i] += x0 * a.get(D, c0 + o) + x1 * a.get(D, c1 + o) + x2 * a.get(D, c2 + o) + x3 * a.get(D, c3 + o);
        }
    }
}
