package org.jdpx.tensor.fusion;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.plan.GemmConfig;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.linalg.Strided;
import org.jdpx.usm.UsmMemory;

/**
 * Matrix products in the kernels IR. {@link #gemm} is the OpenCL side of the float GEMM
 * ({@link GemmKernel}); {@link #run} is the plain kernel integer and boolean products keep:
 * {@code C = A @ B} for C-contiguous 2-D operands of one dtype.
 * OpenCL devices get one work-item per element of C over a 2-D range (neighbouring work-items
 * read neighbouring columns of B, which CPU vectorizers and GPUs both want). The java device
 * gets row blocks computed in i-k-j order, where the innermost loop runs along a row of B and a
 * row of C with unit stride, so the JIT vectorizes it. Both add the products for one element in
 * the order k = 0..K-1, so all devices give identical results.
 */
public final class MatMul {
    private static final long ROWS_PER_ITEM = 8;

    private MatMul() {
    }

    /**
     * Launches {@code out[M,N] = a[M,K] @ b[K,N]} on {@code queue} (element offsets given), any dtype.
     */
    public static void run(Queue queue, DType t, UsmMemory a, long aOff, UsmMemory b, long bOff, UsmMemory out,
                           long cOff, long m, long k, long n) {
        if (m * n == 0) return;
        if (Math.max(m * k, Math.max(k * n, m * n)) > Integer.MAX_VALUE - 65536) {
            throw new UnsupportedOperationException("matmul operands of more than 2^31 elements are not supported yet");
        }
        Schedule.checkLoop(queue.device(), Math.max(k, n), "a matmul");
        Schedule.Mode mode = Schedule.mode(queue.device());
        String key = "matmul|" + mode + "|" + t;
        CompiledKernel kernel = FusedKernels.cached(key, () -> build(t, mode).build());
        Scalar s = Lowering.storage(t);
        Object[] args = {KernelWriter.viewArgument(a, s), KernelWriter.viewArgument(b, s), KernelWriter.viewArgument(out, s),
            (int) aOff, (int) bOff, (int) m, (int) k, (int) n, (int) cOff};
        if (mode == Schedule.Mode.CHUNKED) {
            Kernels.launchOn(queue, kernel, Range.of(Schedule.ceilDiv(m, ROWS_PER_ITEM)), List.of(), args);
        } else {
            Kernels.launchOn(queue, kernel, Range.of(n, m), List.of(), args);
        }
        FusionDiagnostics.record("kernel " + kernel.name() + " on " + queue.device().filterString() + " [matmul]: "
                + m + "x" + k + " @ " + k + "x" + n + " " + t);
    }

    /**
     * Enqueues the register-tiled GEMM {@code C[b] = alpha * A[b] @ B[b] + beta * C[b]} for
     * {@code b < batch} on an OpenCL {@code queue}, float32 or float64, each operand read through
     * its {@link Strided} layout; tile shape from {@link GemmConfig#of}. Callers check dtypes and
     * devices ({@link org.jdpx.tensor.linalg.Gemm} does).
     *
     * @throws UnsupportedOperationException when an element index passes 2^31, or K is too long
     *                                       for the device's loops
     */
    public static void gemm(Queue queue, DType t, UsmMemory a, Strided sa, UsmMemory b, Strided sb, UsmMemory c,
                            Strided sc, long batch, long m, long n, long k, double alpha, double beta) {
        checkIndex(sa, batch, m, k, "A");
        checkIndex(sb, batch, k, n, "B");
        checkIndex(sc, batch, m, n, "C");
        if (batch > Integer.MAX_VALUE) throw new UnsupportedOperationException("GEMM stacks of more than 2^31 matrices");
        if (n == 1 && m > 1 && sa.rowStride() == 1 && sa.colStride() != 1 && !DevicePlan.of(queue.device()).isGpu()
                && DevicePlan.loopLimit(queue.device()) == Long.MAX_VALUE) {
            // A^T x on a CPU driver: the tiles read a column-contiguous A slowly (PoCL, n = 4096:
            // 95-115 ms), a row vector times a row-major matrix fast (7.5-9.5 ms); c^T = x^T A is
            // the same product
            gemm(queue, t, b, sb.transposed(), a, sa.transposed(), c, sc.transposed(), batch, n, m, k, alpha, beta);
            return;
        }
        Scalar s = t == DType.FLOAT64 ? Scalar.F64 : Scalar.F32;
        GemmConfig chosen = GemmConfig.of(queue.device(), s.bytes());
        long limit = Schedule.loopLimit(queue.device());
        if (limit != Long.MAX_VALUE && alpha == 1 && beta == 0 && rowMajor(sa, k) && rowMajor(sb, n) && rowMajor(sc, n)) {
            // llvmpipe vectorizes across work-items and runs barriers and long per-item loops
            // slowly: one item per element of C (the plain kernel) is 6x faster there than any tile
            for (long bi = 0; bi < batch; bi++) {
                run(queue, t, a, sa.offset() + bi * sa.batchStride(), b, sb.offset() + bi * sb.batchStride(), c,
                        sc.offset() + bi * sc.batchStride(), m, k, n);
            }
            return;
        }
        GemmConfig narrowed = chosen;
        // An edge panel of fewer than itemRows rows runs rows x (K + 1) x cols iterations in all
        long perCol = (long) chosen.itemRows() * (k + 1);
        if (!chosen.staged() && perCol * chosen.itemCols() > limit) {
            // llvmpipe stops a loop after 65535 iterations in all, so the panel's rows narrow until
            // its nested loops fit, and a K too long even for that takes the staged form
            long cols = Long.highestOneBit(Math.max(1, limit / perCol));
            narrowed = cols >= 8 ? new GemmConfig(1, 1, chosen.itemRows(), (int) cols, chosen.depth(), false)
                    : GemmConfig.staged(queue.device(), s.bytes());
        }
        GemmConfig cfg = narrowed;
        Schedule.checkLoop(queue.device(), cfg.staged() ? ceil(k, cfg.depth()) : Math.max(k, cfg.itemCols()), "a matrix product");
        boolean unitB = !cfg.staged() && sb.colStride() == 1;
        boolean unitC = !cfg.staged() && sc.colStride() == 1;
        String key = "gemm|" + cfg.key() + "|" + s + (unitB ? "|unitB" : "") + (unitC ? "|unitC" : "");
        CompiledKernel kernel = FusedKernels.cached(key, () -> GemmKernel.build(cfg, s, unitB, unitC).build());
        List<Object> args = new ArrayList<>(List.of(KernelWriter.viewArgument(a, s), KernelWriter.viewArgument(b, s),
                KernelWriter.viewArgument(c, s)));
        for (Strided l : List.of(sa, sb, sc)) {
            args.add((int) l.offset());
            args.add((int) l.rowStride());
            args.add((int) l.colStride());
            args.add((int) l.batchStride());
        }
        args.addAll(List.of((int) m, (int) n, (int) k));
        if (s == Scalar.F64) {
            args.addAll(List.of(alpha, beta));
        } else {
            args.addAll(List.of((float) alpha, (float) beta));
        }
        if (cfg.staged()) {
            int d = cfg.depth();
            args.add(s == Scalar.F64 ? LocalMemory.doubles(d * cfg.tileRows()) : LocalMemory.floats(d * cfg.tileRows()));
            args.add(s == Scalar.F64 ? LocalMemory.doubles(d * cfg.tileCols()) : LocalMemory.floats(d * cfg.tileCols()));
        }
        if (cfg.staged()) {
            long[] global = {ceil(n, cfg.tileCols()) * cfg.groupCols(), ceil(m, cfg.tileRows()) * cfg.groupRows(), batch};
            long[] local = {cfg.groupCols(), cfg.groupRows(), 1};
            Kernels.launchOn(queue, kernel, NdRange.of(global, local), List.of(), args.toArray());
        } else {
            Kernels.launchOn(queue, kernel, Range.of(ceil(n, cfg.itemCols()), ceil(m, cfg.itemRows()), batch), List.of(),
                    args.toArray());
        }
        FusionDiagnostics.record("kernel " + kernel.name() + " on " + queue.device().filterString() + " [gemm " + cfg.key()
                + "]: " + batch + " x " + m + "x" + k + " @ " + k + "x" + n + " " + t);
    }

    private static boolean rowMajor(Strided l, long cols) {
        return l.colStride() == 1 && l.rowStride() == cols;
    }

    private static long ceil(long x, long y) {
        return (x + y - 1) / y;
    }

    /** Every element index of the operand must fit an OpenCL int. */
    private static void checkIndex(Strided l, long batch, long rows, long cols, String name) {
        long far = Math.abs(l.offset()) + Math.abs(l.batchStride()) * Math.max(0, batch - 1)
                + Math.abs(l.rowStride()) * Math.max(0, rows - 1) + Math.abs(l.colStride()) * Math.max(0, cols - 1);
        if (far > Integer.MAX_VALUE - 1) {
            throw new UnsupportedOperationException("matrix product operand " + name + " reaches element " + far
                    + ", past 2^31, which OpenCL GEMM indices do not cover yet; split the product");
        }
    }

    private static IrBuilder build(DType t, Schedule.Mode mode) {
        IrBuilder b = IrBuilder.kernel("matmul");
        Lowering low = new Lowering(b);
        Scalar s = Lowering.storage(t);
        Var a = b.view("a", s, 0);
        Var bb = b.view("b", s, 1);
        Var c = b.view("c", s, 2);
        Var aOff = b.value("aOff", int.class, 3);
        Var bOff = b.value("bOff", int.class, 4);
        Var m = b.value("m", int.class, 5);
        Var k = b.value("k", int.class, 6);
        Var n = b.value("n", int.class, 7);
        Var cOff = b.value("cOff", int.class, 8);
        Var i = b.local("i", Scalar.I32);
        Var j = b.local("j", Scalar.I32);
        Var p = b.local("p", Scalar.I32);
        Var acc = b.local("acc", Lowering.compute(t));
        if (mode == Schedule.Mode.STRIDED) {
            b.assign(j, b.globalId(0));
            b.assign(i, b.globalId(1));
            b.assign(acc, low.zero(t));
            b.assign(p, b.i32(0));
            b.loop(b.compare(CmpOp.LT, b.read(p), b.read(k)), () -> b.assign(p, b.add(b.read(p), b.i32(1))), l -> {
                Expr x = low.fromStorage(t, b.load(b.read(a), b.add(b.read(aOff), b.add(b.mul(b.read(i), b.read(k)), b.read(p)))));
                Expr y = low.fromStorage(t, b.load(b.read(bb), b.add(b.read(bOff), b.add(b.mul(b.read(p), b.read(n)), b.read(j)))));
                b.assign(acc, step(low, t, b.read(acc), x, y));
            });
            b.store(b.read(c), b.add(b.read(cOff), b.add(b.mul(b.read(i), b.read(n)), b.read(j))), low.toStorage(t, b.read(acc)));
            return b;
        }
        Var end = b.local("end", Scalar.I32);
        Var aik = b.local("aik", Lowering.compute(t));
        Var row = b.local("row", Scalar.I32);
        b.assign(i, b.mul(b.globalId(0), b.i32((int) ROWS_PER_ITEM)));
        b.assign(end, b.select(b.compare(CmpOp.LT, b.sub(b.read(m), b.read(i)), b.i32((int) ROWS_PER_ITEM)), b.read(m),
                b.add(b.read(i), b.i32((int) ROWS_PER_ITEM))));
        b.loop(b.compare(CmpOp.LT, b.read(i), b.read(end)), () -> b.assign(i, b.add(b.read(i), b.i32(1))), li -> {
            b.assign(row, b.add(b.read(cOff), b.mul(b.read(i), b.read(n))));
            b.assign(j, b.i32(0));
            b.loop(b.compare(CmpOp.LT, b.read(j), b.read(n)), () -> b.assign(j, b.add(b.read(j), b.i32(1))),
                    lj -> b.store(b.read(c), b.add(b.read(row), b.read(j)), low.toStorage(t, low.zero(t))));
            b.assign(p, b.i32(0));
            b.loop(b.compare(CmpOp.LT, b.read(p), b.read(k)), () -> b.assign(p, b.add(b.read(p), b.i32(1))), lp -> {
                b.assign(aik, low.fromStorage(t, b.load(b.read(a), b.add(b.read(aOff), b.add(b.mul(b.read(i), b.read(k)), b.read(p))))));
                Var brow = b.local("brow", Scalar.I32);
                b.assign(brow, b.add(b.read(bOff), b.mul(b.read(p), b.read(n))));
                b.assign(j, b.i32(0));
                b.loop(b.compare(CmpOp.LT, b.read(j), b.read(n)), () -> b.assign(j, b.add(b.read(j), b.i32(1))), lj -> {
                    Expr cij = low.fromStorage(t, b.load(b.read(c), b.add(b.read(row), b.read(j))));
                    Expr bpj = low.fromStorage(t, b.load(b.read(bb), b.add(b.read(brow), b.read(j))));
                    b.store(b.read(c), b.add(b.read(row), b.read(j)), low.toStorage(t, step(low, t, cij, b.read(aik), bpj)));
                });
            });
        });
        return b;
    }

    /** {@code acc + x*y} in {@code t}, two roundings (never fused), wrapping for integers. */
    private static Expr step(Lowering low, DType t, Expr acc, Expr x, Expr y) {
        IrBuilder b = low.builder();
        if (t == DType.BOOL) {
            return b.binary(org.jdpx.kernels.ir.BinOp.OR, acc, b.binary(org.jdpx.kernels.ir.BinOp.AND, x, y));
        }
        return low.normalize(t, b.add(acc, low.normalize(t, b.mul(x, y))));
    }
}
