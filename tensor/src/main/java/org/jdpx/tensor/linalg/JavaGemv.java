package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Matrix-vector products on the java device, bandwidth-bound rather than a one-column GEMM:
 * {@code y = alpha * A x + beta * y} reads each row of A once and takes its dot product with x
 * ({@code n == 1}), and {@code y = alpha * x B + beta * y} adds rows of B into y ({@code m == 1}).
 * Rows are copied in blocks to a small array the Vector API kernel ({@link VectorLoops}) reads;
 * the work is split over all cores by rows of A, or by pieces of K when there are few rows (a dot
 * product of two long vectors), whose partial sums are added in a fixed order.
 */
final class JavaGemv {
    /** Elements of a row copied at a time. */
    private static final int BLOCK = 4096;
    private static final long SERIAL_WORK = 1L << 16;

    private JavaGemv() {
    }

    /**
     * Runs the product when it is a GEMV whose long operand is contiguous along K (n == 1) or N
     * (m == 1); returns false, doing nothing, otherwise.
     */
    static boolean tryRun(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb, MemorySegment c,
                          Strided sc, long batch, int m, int n, int k, double alpha, double beta) {
        if (!JavaGemm.vectorized() || k == 0) return false;
        if (n == 1 && sa.colStride() == 1) {
            rowsTimesVector(f64, a, sa, b, sb, c, sc, batch, m, k, alpha, beta);
            return true;
        }
        if (m == 1 && sb.colStride() == 1) {
            vectorTimesRows(f64, a, sa, b, sb, c, sc, batch, n, k, alpha, beta);
            return true;
        }
        return false;
    }

    /** {@code c[i] = alpha * sum_p A[i, p] * x[p] + beta * c[i]}, x the column of B. */
    private static void rowsTimesVector(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb,
                                        MemorySegment c, Strided sc, long batch, int m, int k, double alpha, double beta) {
        int pieces = m >= 2 * JavaGemm.threads() || (long) m * k < SERIAL_WORK ? 1 : JavaGemm.threads();
        int kStep = ceil(k, pieces);
        double[] partial = new double[(int) (batch * m * pieces)];
        Object[] xs = new Object[(int) (batch * pieces)];
        for (long bi = 0; bi < batch; bi++) {
            for (int piece = 0; piece < pieces; piece++) {
                xs[(int) (bi * pieces + piece)] = gather(b, f64, sb, bi, piece * kStep, Math.min(k, piece * kStep + kStep));
            }
        }
        JavaGemm.parallel(batch * ceil(m, 64) * pieces, (long) m * k * batch < SERIAL_WORK, t -> {
            long bi = t / ((long) ceil(m, 64) * pieces);
            int rest = (int) (t % ((long) ceil(m, 64) * pieces));
            int piece = rest % pieces;
            int r0 = (rest / pieces) * 64;
            int p0 = piece * kStep;
            int p1 = Math.min(k, p0 + kStep);
            Object x = xs[(int) (bi * pieces + piece)];
            Object row = f64 ? new double[Math.min(BLOCK, Math.max(1, p1 - p0))] : new float[Math.min(BLOCK, Math.max(1, p1 - p0))];
            for (int i = r0; i < Math.min(m, r0 + 64); i++) {
                double s = 0;
                for (int q = p0; q < p1; q += BLOCK) {
                    int len = Math.min(BLOCK, p1 - q);
                    copyRow(a, f64, sa.index(bi, i, q), row, len);
                    s += VectorLoops.dot(row, x, q - p0, len);
                }
                partial[(int) ((bi * m + i) * pieces + piece)] = s;
            }
        });
        for (long bi = 0; bi < batch; bi++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int piece = 0; piece < pieces; piece++) s += partial[(int) ((bi * m + i) * pieces + piece)];
                long at = sc.index(bi, i, 0);
                set(c, f64, at, alpha * s + (beta != 0 ? beta * get(c, f64, at) : 0));
            }
        }
    }

    /** {@code c[j] = alpha * sum_p x[p] * B[p, j] + beta * c[j]}, x the row of A. */
    private static void vectorTimesRows(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb,
                                        MemorySegment c, Strided sc, long batch, int n, int k, double alpha, double beta) {
        int cols = Math.min(BLOCK, n);
        int blocks = ceil(n, cols);
        JavaGemm.parallel(batch * blocks, (long) n * k * batch < SERIAL_WORK, t -> {
            long bi = t / blocks;
            int j0 = (int) (t % blocks) * cols;
            int len = Math.min(cols, n - j0);
            Object x = gather(a, f64, sa.transposed(), bi, 0, k);
            Object acc = f64 ? new double[len] : new float[len];
            Object row = f64 ? new double[len] : new float[len];
            for (int p = 0; p < k; p++) {
                copyRow(b, f64, sb.index(bi, p, j0), row, len);
                VectorLoops.axpy(x instanceof float[] xf ? xf[p] : ((double[]) x)[p], row, acc, len);
            }
            for (int j = 0; j < len; j++) {
                long at = sc.index(bi, 0, j0 + j);
                double v = acc instanceof float[] af ? af[j] : ((double[]) acc)[j];
                set(c, f64, at, alpha * v + (beta != 0 ? beta * get(c, f64, at) : 0));
            }
        });
    }

    /** Rows {@code p0..p1} of column 0 of a strided operand, as a float[] or double[]. */
    private static Object gather(MemorySegment s, boolean f64, Strided l, long bi, int p0, int p1) {
        int len = Math.max(0, p1 - p0);
        if (f64) {
            double[] out = new double[len];
            for (int p = p0; p < p1; p++) out[p - p0] = get(s, true, l.index(bi, p, 0));
            return out;
        }
        float[] out = new float[len];
        for (int p = p0; p < p1; p++) out[p - p0] = (float) get(s, false, l.index(bi, p, 0));
        return out;
    }

    private static void copyRow(MemorySegment s, boolean f64, long from, Object row, int len) {
        if (f64) {
            MemorySegment.copy(s, ValueLayout.JAVA_DOUBLE_UNALIGNED, from * 8, (double[]) row, 0, len);
        } else {
            MemorySegment.copy(s, ValueLayout.JAVA_FLOAT_UNALIGNED, from * 4, (float[]) row, 0, len);
        }
    }

    private static double get(MemorySegment s, boolean f64, long at) {
        return ScalarGemmEngine.get(s, at, f64);
    }

    private static void set(MemorySegment s, boolean f64, long at, double v) {
        ScalarGemmEngine.set(s, at, v, f64);
    }

    private static int ceil(int x, int y) {
        return (x + y - 1) / y;
    }
}
