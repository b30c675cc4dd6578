package org.jdpx.dpnp;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.linalg.Gemm;
import org.jdpx.usm.UsmMemory;

/**
 * The recursion's steps as device work, each enqueued without waiting: the {@code luPanel},
 * {@code trsmRows} and {@code trsmChunks} kernels of {@link LinalgKernels64}/{@link LinalgKernels32} and in-place products
 * on tensor's GEMM core ({@code C = -A B + C}, no product array). Panels are 16 columns wide:
 * narrow enough that the one-group panel kernel does little of the work. Diagonal blocks are 32
 * rows tall, whose {@code trsmRows} kernel (one work-item per right-hand side) does 8.2 M of LU's 358 M
 * multiply-adds at n = 1024 and saves 80 of its kernels and 80 thin products against 16 rows (on
 * PoCL, solve_f64_1024 took about 4% longer with 16 rows and 12% longer with 64, whose kernel
 * work grows faster than launches shrink), and 256 rows for a few right-hand sides, whose
 * kernel has few work-items: a leaf of 256 rows is 32 K multiply-adds per item, less than what a
 * launch costs, and the two solves of one right-hand side take 14 kernels instead of 62. Blocks
 * with more right-hand sides (the factorization's own) run {@code trsmChunks}, 64 of them per item
 * along rows of b: with one item per right-hand side, {@code trsmRows} had taken as long as all of
 * LU's products on PoCL. The GPU plan keeps {@code trsmRows} for every block (see {@link #trsmLeaf}).
 */
final class LinalgKernelSteps implements LinalgRecursion.Steps {
    private static final long PANEL = 16;
    private static final long BLOCK = 32;
    private static final long BLOCK_FEW = 256;
    /** Right-hand sides up to which {@code trsmRows} runs one item per right-hand side. */
    private static final long BLOCK_FEW_COLS = 4;
    /**
     * Right-hand sides per item of {@code trsmChunks}: 64 rows of 32 doubles are 16 KiB, half of
     * an L1 cache; on llvmpipe fewer, so that a 32-row block's nested loops stay under its limit.
     */
    private static final long CHUNK = 64;
    private final DType t;
    private final UsmNdArray piv;
    private final UsmNdArray info;

    /** Steps over arrays of dtype {@code t}; {@code piv} and {@code info} take the panels' pivots (null when only solving). */
    LinalgKernelSteps(DType t, UsmNdArray piv, UsmNdArray info) {
        this.t = t;
        this.piv = piv;
        this.info = info;
    }

    @Override
    public void panel(LinalgBlock a, long c0, long w) {
        if (a.offset() != 0 || a.rowStride() != a.rows() || a.colStride() != 1 || a.batchStride() != a.rows() * a.rows()) {
            throw new IllegalStateException("luPanel factors whole dense matrices, got " + a);
        }
        LinalgBatch.launchGroups("luPanel", t, a.memory().device(), a.batch(), whole(a.memory()), piv, info,
                (int) a.rows(), (int) c0, (int) w);
    }

    @Override
    public void trsmLeaf(LinalgBlock tri, LinalgBlock b, boolean lower, boolean unit) {
        if (tri.colStride() != 1 || b.colStride() != 1) {
            throw new IllegalStateException("trsmRows solves blocks of dense row-major work arrays, got " + tri + " and " + b);
        }
        long rows = b.rows();
        long chunk = Math.min(CHUNK, DevicePlan.loopLimit(b.memory().device()) / (rows * rows));
        // On the GPU plan one item per right-hand side always: neighbouring items then read
        // neighbouring columns of b and the same element of the triangle, and a 512-column block
        // is 512 items, where trsmChunks would give 8 items of 64 columns each, a few SMs' worth
        // of serial work per leaf.
        if (b.cols() <= BLOCK_FEW_COLS || chunk < 2 || DevicePlan.of(b.memory().device()).isGpu()) {
            long items = b.batch() * b.cols();
            LinalgBatch.launch("trsmRows", t, items, whole(tri.memory()), whole(b.memory()), (int) rows, (int) b.cols(),
                    lower ? 1 : 0, unit ? 1 : 0, (int) tri.batchStride(), (int) tri.offset(), (int) tri.rowStride(),
                    (int) b.batchStride(), (int) b.offset(), (int) b.rowStride(), Dense.count("linalg triangular solve", items));
            return;
        }
        long items = b.batch() * ((b.cols() + chunk - 1) / chunk);
        LinalgBatch.launch("trsmChunks", t, items, whole(tri.memory()), whole(b.memory()), (int) rows, (int) b.cols(),
                lower ? 1 : 0, unit ? 1 : 0, (int) tri.batchStride(), (int) tri.offset(), (int) tri.rowStride(),
                (int) b.batchStride(), (int) b.offset(), (int) b.rowStride(), (int) chunk,
                Dense.count("linalg triangular solve", items));
    }

    @Override
    public void subProduct(LinalgBlock c, LinalgBlock a, LinalgBlock b) {
        if (c.rows() == 0 || c.cols() == 0 || a.cols() == 0) return;
        Gemm.run(c.memory().queue(), t, a.memory(), a.strided(), b.memory(), b.strided(), c.memory(), c.strided(),
                c.batch(), c.rows(), c.cols(), a.cols(), -1.0, 1.0);
    }

    @Override
    public long panelLeaf() {
        return PANEL;
    }

    @Override
    public long trsmLeaf(long r) {
        return r <= BLOCK_FEW_COLS ? BLOCK_FEW : BLOCK;
    }

    /** A memory's whole extent as a typed kernel view: windows reach it through offsets and strides. */
    private Object whole(UsmMemory m) {
        long elements = Math.max(1, m.byteSize() / t.itemSize());
        return t == DType.FLOAT64 ? DoubleArray.on(m, elements) : FloatArray.on(m, elements);
    }
}
