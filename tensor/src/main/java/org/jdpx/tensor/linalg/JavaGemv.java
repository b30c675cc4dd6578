package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;
import org.jdpx.kernels.jvm.KernelSegments;

/**
 * Matrix-vector products on the java device, bandwidth-bound rather than a one-column GEMM. A
 * product with {@code m == 1} is turned into one with {@code n == 1} by transposing all three
 * operands ({@code c^T = B^T a^T}), so two shapes remain, chosen by which way the matrix is
 * contiguous:
 * <ul>
 *   <li>rows contiguous ({@code A x}, {@code x B^T}): dot products of one row (float64: four) at a time with x,
 *       read in place, rows split over all cores, or pieces of K when there are few rows (a dot
 *       product of two long vectors), whose partial sums are added in a fixed order;</li>
 *   <li>columns contiguous ({@code A^T x}, {@code x B}): {@code c += x[p] * column p} over blocks
 *       of the output and slices of K, so that each core streams whole runs of columns; the
 *       slices' partial sums are added in a fixed order.</li>
 * </ul>
 * x is read in place when it is contiguous and gathered into an array otherwise.
 */
final class JavaGemv {
    /** Rows per task. */
    private static final int ROWS = 64;
    /**
     * float32 rows per pass of the row form: one, a single stream of A summed in four vector
     * accumulators. At 4096x4096 on 2 threads (the same JVM build, runs alternating) it took 8%
     * less time than eight rows at once sharing each load of x (1.24-1.30 against 1.33-1.42 ms),
     * and eight less than four; float64 keeps four, faster there than one (2.37-2.71 against
     * 2.91-2.94 ms).
     */
    private static final int PASS_F32 = 1;
    /** Largest output block of the column form in float32 elements, half as many float64 (64 KiB of partial sums, in L2). */
    private static final int COLS = 16384;
    private static final long SERIAL_WORK = 1L << 16;

    /** Shown the matrix and vector segments each task's loops read, on its thread (a test checks they are confined views); null otherwise. */
    static volatile Consumer<MemorySegment[]> taskSegments;

    private JavaGemv() {
    }

    /** Runs the product when it is a GEMV with a contiguous matrix; returns false, doing nothing, otherwise. */
    static boolean tryRun(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb, MemorySegment c,
                          Strided sc, long batch, int m, int n, int k, double alpha, double beta) {
        if (!JavaGemm.vectorized() || k == 0) return false;
        if (n == 1) return gemv(f64, a, sa, b, sb, c, sc, batch, m, k, alpha, beta);
        if (m == 1) return gemv(f64, b, sb.transposed(), a, sa.transposed(), c, sc.transposed(), batch, n, k, alpha, beta);
        return false;
    }

    /** {@code c[i] = alpha * sum_p A[i, p] * x[p] + beta * c[i]}, x the column of B. */
    private static boolean gemv(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb, MemorySegment c,
                                Strided sc, long batch, int m, int k, double alpha, double beta) {
        if (sa.colStride() == 1) {
            rowsTimesVector(f64, a, sa, b, sb, c, sc, batch, m, k, alpha, beta);
            return true;
        }
        if (sa.rowStride() == 1) {
            columnsTimesVector(f64, a, sa, b, sb, c, sc, batch, m, k, alpha, beta);
            return true;
        }
        return false;
    }

    private static void rowsTimesVector(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb,
                                        MemorySegment c, Strided sc, long batch, int m, int k, double alpha, double beta) {
        int size = f64 ? 8 : 4;
        boolean serial = (long) m * k * batch < SERIAL_WORK;
        int pieces = serial || m >= 2 * JavaGemm.threads() ? 1 : JavaGemm.threads();
        int kStep = ceil(k, pieces);
        int rowTasks = ceil(m, ROWS);
        Vec[] xs = new Vec[(int) batch];
        for (int bi = 0; bi < batch; bi++) xs[bi] = Vec.of(b, sb, bi, k, f64);
        double[] partial = new double[(int) (batch * m * pieces)];
        JavaGemm.parallel(batch * rowTasks * pieces, serial, t -> {
            long bi = t / ((long) rowTasks * pieces);
            int rest = (int) (t % ((long) rowTasks * pieces));
            int piece = rest % pieces;
            int r0 = (rest / pieces) * ROWS;
            int p0 = piece * kStep;
            int len = Math.max(0, Math.min(k, p0 + kStep) - p0);
            Vec x = xs[(int) bi];
            // Views confined to this thread (KernelSegments says why): with the arrays' shared
            // segments C2 hoisted their owner test out of dotRows' loops, and it failed on every
            // call once any confined arena had been used (JFR: dot4F32, later dot8F32, profile_predicate).
            MemorySegment av = KernelSegments.of(a), xv = KernelSegments.of(x.segment);
            show(av, xv);
            int pass = f64 ? 4 : PASS_F32;
            long[] rows = new long[pass];
            double[] out = new double[ROWS];
            int r1 = Math.min(m, r0 + ROWS);
            for (int i = r0; i < r1; i += pass) {
                int count = Math.min(pass, r1 - i);
                for (int q = 0; q < count; q++) rows[q] = sa.index(bi, i + q, p0) * size;
                VectorLoops.dotRows(f64, av, rows, count, xv, x.offset + (long) p0 * size, len, out, i - r0);
            }
            for (int i = r0; i < r1; i++) partial[(int) ((bi * m + i) * pieces + piece)] = out[i - r0];
        });
        for (long bi = 0; bi < batch; bi++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int piece = 0; piece < pieces; piece++) s += partial[(int) ((bi * m + i) * pieces + piece)];
                store(c, f64, sc.index(bi, i, 0), s, alpha, beta);
            }
        }
    }

    /**
     * {@code c = A x} with A's columns contiguous: tasks of (block of outputs, slice of K) stream
     * whole column runs of A into a block of partial sums, four columns per pass; the slices of
     * each output are then added in a fixed order.
     */
    private static void columnsTimesVector(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb,
                                           MemorySegment c, Strided sc, long batch, int m, int k, double alpha,
                                           double beta) {
        int size = f64 ? 8 : 4;
        boolean serial = (long) m * k * batch < SERIAL_WORK;
        int cols = Math.min(m, COLS * 4 / size);
        int blocks = ceil(m, cols);
        long want = serial ? 1 : 2L * JavaGemm.threads();
        int slices = (int) Math.max(1, Math.min((want + blocks * batch - 1) / (blocks * batch), k / 64));
        int span = ceil(ceil(k, slices), 4) * 4;
        int used = ceil(k, span);
        Vec[] xs = new Vec[(int) batch];
        for (int bi = 0; bi < batch; bi++) xs[bi] = Vec.of(b, sb, bi, k, f64);
        Object[] partial = new Object[(int) (batch * blocks * used)];
        JavaGemm.parallel(batch * blocks * used, serial, t -> {
            long bi = t / ((long) blocks * used);
            int rest = (int) (t % ((long) blocks * used));
            int i0 = (rest / used) * cols;
            int p0 = (rest % used) * span;
            int p1 = Math.min(k, p0 + span);
            int len = Math.min(cols, m - i0);
            Vec x = xs[(int) bi];
            MemorySegment av = KernelSegments.of(a); // confined to this thread, as in rowsTimesVector
            show(av);
            Object acc = f64 ? new double[len] : new float[len];
            long[] at = new long[4];
            double[] xv = new double[4];
            for (int p = p0; p < p1; p += 4) {
                int count = Math.min(4, p1 - p);
                for (int q = 0; q < count; q++) {
                    at[q] = sa.index(bi, i0, p + q) * size;
                    xv[q] = x.get(p + q, f64);
                }
                VectorLoops.axpyColumns(f64, av, at, xv, count, acc, len);
            }
            partial[(int) t] = acc;
        });
        for (long bi = 0; bi < batch; bi++) {
            for (int blk = 0; blk < blocks; blk++) {
                int i0 = blk * cols;
                int len = Math.min(cols, m - i0);
                for (int i = 0; i < len; i++) {
                    double v = 0;
                    for (int sl = 0; sl < used; sl++) {
                        Object acc = partial[(int) ((bi * blocks + blk) * used + sl)];
                        v += acc instanceof float[] af ? af[i] : ((double[]) acc)[i];
                    }
                    store(c, f64, sc.index(bi, i0 + i, 0), v, alpha, beta);
                }
            }
        }
    }

    private static void show(MemorySegment... read) {
        Consumer<MemorySegment[]> probe = taskSegments;
        if (probe != null) probe.accept(read);
    }

    private static void store(MemorySegment c, boolean f64, long at, double s, double alpha, double beta) {
        ScalarGemmEngine.set(c, at, alpha * s + (beta != 0 ? beta * ScalarGemmEngine.get(c, at, f64) : 0), f64);
    }

    /** x as a contiguous run: the operand itself when its stride is 1, else a gathered copy. */
    private record Vec(MemorySegment segment, long offset) {
        static Vec of(MemorySegment s, Strided l, long bi, int k, boolean f64) {
            int size = f64 ? 8 : 4;
            if (l.rowStride() == 1 || k == 1) return new Vec(s, l.index(bi, 0, 0) * size);
            long bytes = (long) k * size; // the Vector API reads heap segments only when byte[]-backed
            MemorySegment out = bytes < Integer.MAX_VALUE - 8 ? MemorySegment.ofArray(new byte[(int) bytes])
                    : java.lang.foreign.Arena.ofAuto().allocate(bytes, 64);
            for (int p = 0; p < k; p++) ScalarGemmEngine.set(out, p, ScalarGemmEngine.get(s, l.index(bi, p, 0), f64), f64);
            return new Vec(out, 0);
        }

        double get(int p, boolean f64) {
            return ScalarGemmEngine.get(segment, offset / (f64 ? 8 : 4) + p, f64);
        }
    }

    private static int ceil(int x, int y) {
        return (x + y - 1) / y;
    }
}
