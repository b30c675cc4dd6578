package org.jdpx.dpnp;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdpx.device.Queue;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.linalg.Gemm;
import org.jdpx.usm.UsmMemory;

/**
 * The recursion's steps as plain Java over host memory, for devices whose memory the JVM
 * addresses and whose kernels are host tasks anyway (the java device; see
 * {@link org.jdpx.kernels.plan.DevicePlan#panelsOnHost()}). A whole factorization or solve is one
 * task of the device's queue ({@link #enqueue}): panels and diagonal blocks run on its thread,
 * the products on the GEMM core's threads ({@link Gemm#runHost}), with no launch or wait between
 * steps. The arithmetic is the {@code luPanel} and {@code trsm} kernels' own, in the same order
 * (float32 values are computed in double and rounded when stored).
 */
final class LinalgHostSteps implements LinalgRecursion.Steps {
    private static final long PANEL = 16;
    private static final long BLOCK = 32;
    private final DType t;
    private final boolean f64;
    private final Function<UsmMemory, MemorySegment> bytes;
    private final MemorySegment piv;
    private final MemorySegment info;
    private final double[][] scratch = {new double[0], new double[0]};

    /**
     * Steps over memory of dtype {@code t}, read through {@code bytes} (what {@link #enqueue} hands
     * its body); {@code piv} and {@code info} (int32) take the pivots (null when only solving).
     */
    LinalgHostSteps(DType t, UsmNdArray piv, UsmNdArray info, Function<UsmMemory, MemorySegment> bytes) {
        this.t = t;
        this.f64 = t == DType.FLOAT64;
        this.bytes = bytes;
        this.piv = piv == null ? null : bytes.apply(piv.memory());
        this.info = info == null ? null : bytes.apply(info.memory());
    }

    /**
     * Enqueues {@code body} as one task on {@code queue}, holding the arrays' memory while it runs
     * and handing it each array's bytes by memory. Not {@link UsmMemory#jvmSegment()}: that view
     * gives the memory a shared arena whose close waits for a handshake with every JVM thread
     * (50-65 µs here), paid for each array of every solve.
     */
    static void enqueue(Queue queue, String what, Consumer<Function<UsmMemory, MemorySegment>> body, UsmNdArray... arrays) {
        List<UsmMemory> mems = new ArrayList<>();
        for (UsmNdArray x : arrays) if (x != null && !mems.contains(x.memory())) mems.add(x.memory());
        EventDriver ev = UsmMemory.withSegments(mems, what, segments -> {
            Function<UsmMemory, MemorySegment> lookup = m -> {
                int i = mems.indexOf(m); // by identity: UsmMemory keeps Object's equals
                if (i < 0) throw new IllegalStateException(what + " reads " + m + ", which its task does not hold");
                return segments.get(i);
            };
            return queue.spi().hostTask(() -> body.accept(lookup), List.of());
        });
        queue.wrap(ev, what, null);
    }

    /**
     * Copies the panel's rows {@code c0..n-1} column by column into a contiguous scratch array,
     * factors it there (contiguous columns: the updates are vectorizable loops), writes it back
     * and applies its row interchanges to the columns outside it.
     */
    @Override
    public void panel(LinalgBlock a, long c0, long w) {
        MemorySegment m = bytes.apply(a.memory());
        int n = (int) a.rows();
        int rows = n - (int) c0;
        int cols = (int) w;
        double[] p = scratch(0, rows * cols);
        double[] row = scratch(1, Math.max(cols, n));
        int[] swaps = new int[cols];
        for (long b = 0; b < a.batch(); b++) {
            long base = a.offset() + b * a.batchStride() + c0 * a.rowStride() + c0 * a.colStride();
            for (int i = 0; i < rows; i++) {
                load(m, base + i * a.rowStride(), a.colStride(), row, 0, cols);
                for (int q = 0; q < cols; q++) p[q * rows + i] = row[q];
            }
            for (int jj = 0; jj < cols; jj++) {
                int col = jj * rows;
                int pi = jj;
                double best = -1;
                for (int i = jj; i < rows; i++) {
                    double v = Math.abs(p[col + i]);
                    if (v > best) {
                        best = v;
                        pi = i;
                    }
                }
                swaps[jj] = pi;
                piv.setAtIndex(ValueLayout.JAVA_INT, b * n + c0 + jj, (int) c0 + pi);
                if (pi != jj) {
                    for (int q = 0; q < cols; q++) {
                        double x = p[q * rows + jj];
                        p[q * rows + jj] = p[q * rows + pi];
                        p[q * rows + pi] = x;
                    }
                }
                double d = p[col + jj];
                if (d == 0) {
                    if (info.getAtIndex(ValueLayout.JAVA_INT, b) == 0) info.setAtIndex(ValueLayout.JAVA_INT, b, (int) c0 + jj + 1);
                    continue;
                }
                for (int i = jj + 1; i < rows; i++) p[col + i] = p[col + i] / d;
                for (int q = jj + 1; q < cols; q++) {
                    int cq = q * rows;
                    double u = p[cq + jj];
                    for (int i = jj + 1; i < rows; i++) p[cq + i] = p[cq + i] - p[col + i] * u;
                }
            }
            for (int i = 0; i < rows; i++) {
                for (int q = 0; q < cols; q++) row[q] = p[q * rows + i];
                store(m, base + i * a.rowStride(), a.colStride(), row, 0, cols);
            }
            long rowsBase = a.offset() + b * a.batchStride();
            for (int jj = 0; jj < cols; jj++) {
                if (swaps[jj] == jj) continue;
                long r1 = rowsBase + (c0 + jj) * a.rowStride();
                long r2 = rowsBase + (c0 + swaps[jj]) * a.rowStride();
                swapRuns(m, r1, r2, c0, a.colStride(), row);
                swapRuns(m, r1 + (c0 + w) * a.colStride(), r2 + (c0 + w) * a.colStride(), n - c0 - w, a.colStride(), row);
            }
        }
    }

    /**
     * Solves one diagonal block row by row on contiguous copies: row i of B loses
     * {@code T(i,k) * row k} for each solved row k (in the {@code trsm} kernel's order of k), then
     * is divided by {@code T(i,i)} unless the diagonal is unit.
     */
    @Override
    public void trsmLeaf(LinalgBlock tri, LinalgBlock b, boolean lower, boolean unit) {
        MemorySegment tm = bytes.apply(tri.memory());
        MemorySegment bm = bytes.apply(b.memory());
        int h = (int) b.rows();
        int r = (int) b.cols();
        double[] tt = scratch(1, h * h);
        double[] x = scratch(0, h * r);
        for (long g = 0; g < b.batch(); g++) {
            long tb = tri.offset() + g * tri.batchStride();
            long bb = b.offset() + g * b.batchStride();
            for (int i = 0; i < h; i++) {
                load(tm, tb + i * tri.rowStride(), tri.colStride(), tt, i * h, h);
                load(bm, bb + i * b.rowStride(), b.colStride(), x, i * r, r);
            }
            for (int ii = 0; ii < h; ii++) {
                int i = lower ? ii : h - 1 - ii;
                for (int kk = 0; kk < ii; kk++) {
                    int k = lower ? kk : h - 1 - kk;
                    double f = tt[i * h + k];
                    for (int c = 0; c < r; c++) x[i * r + c] = x[i * r + c] - f * x[k * r + c];
                }
                if (!unit) {
                    double d = tt[i * h + i];
                    for (int c = 0; c < r; c++) x[i * r + c] = x[i * r + c] / d;
                }
            }
            for (int i = 0; i < h; i++) store(bm, bb + i * b.rowStride(), b.colStride(), x, i * r, r);
        }
    }

    @Override
    public void subProduct(LinalgBlock c, LinalgBlock a, LinalgBlock b) {
        if (c.rows() == 0 || c.cols() == 0 || a.cols() == 0 || c.batch() == 0) return;
        Gemm.runHost(t, bytes.apply(a.memory()), a.strided(), bytes.apply(b.memory()), b.strided(),
                bytes.apply(c.memory()), c.strided(), c.batch(), c.rows(), c.cols(), a.cols(), -1.0, 1.0);
    }

    /** Applies the row interchanges of {@code piv} (as {@code applyPivots} does) to the dense {@code (batch, n, r)} x. */
    void permute(LinalgBlock x) {
        MemorySegment m = bytes.apply(x.memory());
        long n = x.rows();
        double[] tmp = scratch(1, (int) x.cols());
        for (long b = 0; b < x.batch(); b++) {
            long base = x.offset() + b * x.batchStride();
            for (long j = 0; j < n; j++) {
                long p = piv.getAtIndex(ValueLayout.JAVA_INT, b * n + j);
                if (p != j) swapRuns(m, base + j * x.rowStride(), base + p * x.rowStride(), x.cols(), x.colStride(), tmp);
            }
        }
    }

    /**
     * Swaps {@code count} elements {@code stride} apart starting at {@code i} with those starting at
     * {@code j}; contiguous float64 runs move with three bulk copies through {@code tmp} (at least
     * {@code count} long), which also keeps them fast before the JIT has compiled this code.
     */
    private void swapRuns(MemorySegment m, long i, long j, long count, long stride, double[] tmp) {
        if (f64 && stride == 1 && count > 0) {
            int len = (int) count;
            load(m, i, 1, tmp, 0, len);
            MemorySegment.copy(m, j * 8, m, i * 8, count * 8);
            store(m, j, 1, tmp, 0, len);
            return;
        }
        for (long c = 0; c < count; c++) {
            double v = get(m, i + c * stride);
            set(m, i + c * stride, get(m, j + c * stride));
            set(m, j + c * stride, v);
        }
    }

    /** Copies {@code count} elements {@code stride} apart from {@code at} into {@code dst[off..]}. */
    private void load(MemorySegment m, long at, long stride, double[] dst, int off, int count) {
        if (f64 && stride == 1) {
            MemorySegment.copy(m, ValueLayout.JAVA_DOUBLE_UNALIGNED, at * 8, dst, off, count);
            return;
        }
        for (int c = 0; c < count; c++) dst[off + c] = get(m, at + c * stride);
    }

    /** The reverse of {@link #load}. */
    private void store(MemorySegment m, long at, long stride, double[] src, int off, int count) {
        if (f64 && stride == 1) {
            MemorySegment.copy(src, off, m, ValueLayout.JAVA_DOUBLE_UNALIGNED, at * 8, count);
            return;
        }
        for (int c = 0; c < count; c++) set(m, at + c * stride, src[off + c]);
    }

    /** Scratch array {@code which} (0 or 1) of at least {@code size} elements, kept for the task's later steps. */
    private double[] scratch(int which, int size) {
        if (scratch[which].length < size) scratch[which] = new double[size];
        return scratch[which];
    }

    @Override
    public long panelLeaf() {
        return PANEL;
    }

    @Override
    public long trsmLeaf(long r) {
        return BLOCK;
    }

    private double get(MemorySegment m, long i) {
        return f64 ? m.getAtIndex(ValueLayout.JAVA_DOUBLE, i) : m.getAtIndex(ValueLayout.JAVA_FLOAT, i);
    }

    private void set(MemorySegment m, long i, double v) {
        if (f64) {
            m.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
        } else {
            m.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
        }
    }
}
