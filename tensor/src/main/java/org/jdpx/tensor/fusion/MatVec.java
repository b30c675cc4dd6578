package org.jdpx.tensor.fusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.linalg.Strided;
import org.jdpx.usm.UsmMemory;

/**
 * Matrix-vector products on OpenCL devices as bandwidth-bound kernels of their own instead of a
 * one-column GEMM, whose tiles read a column-contiguous matrix slowly: on CPU drivers
 * {@link GemvKernel}'s, on the GPU plan {@link GpuMatVec}'s. A product with {@code m == 1} becomes one with {@code n == 1} by transposing all three
 * operands ({@code c^T = B^T a^T}); the matrix is then read along its rows when they are
 * contiguous, along its columns otherwise. When the rows (or tiles of outputs) are too few to
 * keep every compute unit busy, K is cut into slices whose partial sums a second kernel adds in
 * a fixed order. On the CPU plan, drivers with a loop limit (llvmpipe) and layouts with negative
 * or no unit strides keep the GEMM; the GPU plan's kernels keep their loops below the limit and
 * read strides of any sign.
 */
public final class MatVec {
    /** Least K per slice of the row form. */
    private static final int MIN_SPAN = 4096;

    private static final Map<String, CompiledKernel> KERNELS = new ConcurrentHashMap<>();

    private MatVec() {
    }

    /**
     * Enqueues {@code C[b] = alpha * A[b] @ B[b] + beta * C[b]} when it is a matrix-vector product
     * this class runs on {@code queue}'s device, and returns true; returns false, doing nothing,
     * otherwise (the caller runs the GEMM). Extents and devices are checked by the caller.
     */
    public static boolean tryRun(Queue queue, DType t, UsmMemory a, Strided sa, UsmMemory b, Strided sb, UsmMemory c,
                                 Strided sc, long batch, long m, long n, long k, double alpha, double beta) {
        DevicePlan plan = DevicePlan.of(queue.device());
        if (k == 0 || (!plan.isGpu() && DevicePlan.loopLimit(queue.device()) != Long.MAX_VALUE)) return false;
        if (n == 1) return run(queue, plan, t, a, sa, b, sb.transposed(), c, sc, batch, m, k, alpha, beta);
        if (m == 1) return run(queue, plan, t, b, sb.transposed(), a, sa, c, sc.transposed(), batch, n, k, alpha, beta);
        return false;
    }

    /**
     * {@code y[i] = alpha * sum_p A[i, p] x[p] + beta * y[i]}: x is element (0, p) of {@code sx}, y
     * element (i, 0) of {@code sy}.
     */
    private static boolean run(Queue queue, DevicePlan plan, DType t, UsmMemory a, Strided sa, UsmMemory x, Strided sx,
                               UsmMemory y, Strided sy, long batch, long m, long k, double alpha, double beta) {
        if (plan.isGpu()) return GpuMatVec.run(queue, plan, t, a, sa, x, sx, y, sy, batch, m, k, alpha, beta);
        boolean rows = sa.colStride() == 1;
        if (!rows && sa.rowStride() != 1 && m != 1) return false;
        if (!fits(sa, batch, m, k) || !fits(sx, batch, 1, k) || !fits(sy, batch, m, 1)) return false;
        Scalar s = t == DType.FLOAT64 ? Scalar.F64 : Scalar.F32;
        long target = plan.fullGroups();
        if (rows) {
            long slices = m * batch >= target ? 1 : Math.min(ceil(target, m * batch), Math.max(1, k / MIN_SPAN));
            int lanes = GemvKernel.lanes(s);
            long span = ceil(ceil(k, slices), lanes) * lanes;
            slices = ceil(k, span);
            if (!partialsFit(batch, slices, m)) return false;
            boolean unitX = sx.colStride() == 1;
            boolean direct = slices == 1;
            int per = GemvKernel.ROWS_PER_ITEM;
            String key = "gemv-rows|5|" + per + "|" + s + (direct ? "|direct" : "") + (unitX ? "|unitX" : "");
            CompiledKernel kernel = compiled(key, () -> GemvKernel.rows(s, direct, unitX));
            UsmMemory out = direct ? y : UsmMemory.allocate(queue, UsmType.DEVICE, batch * slices * m * s.bytes());
            List<Object> args = new ArrayList<>(List.of(KernelWriter.viewArgument(a, s),
                    KernelWriter.viewArgument(x, s), KernelWriter.viewArgument(out, s), (int) sa.offset(),
                    (int) sa.rowStride(), (int) sa.batchStride(), (int) sx.offset(), (int) sx.colStride(),
                    (int) sx.batchStride(), (int) m, (int) k, (int) span));
            if (direct) scaled(args, s, sy, alpha, beta);
            long items = ceil(m, per);
            long g = group(plan, items, slices * batch);
            Kernels.launchOn(queue, kernel, NdRange.of(new long[] {ceil(items, g) * g, slices, batch}, new long[] {g, 1, 1}),
                    List.of(), args.toArray());
            record(queue, kernel, "rows" + (unitX ? "" : ", x with steps of " + sx.colStride()), batch, m, k, slices, t);
            if (!direct) sum(queue, s, out, y, sy, batch, m, slices, alpha, beta, group(plan, m, batch));
            return true;
        }
        // columns contiguous: sa.rowStride() == 1, or one row with any step
        long tiles = ceil(m, GemvKernel.TILE);
        long slices = Math.max(1, Math.min(ceil(2 * target, tiles * batch), k / 16));
        long span = ceil(ceil(k, slices), 4) * 4;
        slices = ceil(k, span);
        if (!partialsFit(batch, slices, m)) return false;
        String key = "gemv-columns|2|" + s;
        CompiledKernel kernel = compiled(key, () -> GemvKernel.columns(s));
        UsmMemory part = UsmMemory.allocate(queue, UsmType.DEVICE, batch * slices * m * s.bytes());
        // one item per group: a driver's own choice may put every item in one group, on one core
        Kernels.launchOn(queue, kernel, NdRange.of(new long[] {tiles, slices, batch}, new long[] {1, 1, 1}), List.of(),
                KernelWriter.viewArgument(a, s),
                KernelWriter.viewArgument(x, s), KernelWriter.viewArgument(part, s), (int) sa.offset(),
                (int) sa.colStride(), (int) sa.batchStride(), (int) sx.offset(), (int) sx.colStride(),
                (int) sx.batchStride(), (int) m, (int) k, (int) span);
        record(queue, kernel, "columns", batch, m, k, slices, t);
        sum(queue, s, part, y, sy, batch, m, slices, alpha, beta, group(plan, m, batch));
        return true;
    }

    /** Adds the slices of {@code part} into y, {@code g} items per work-group. */
    static void sum(Queue queue, Scalar s, UsmMemory part, UsmMemory y, Strided sy, long batch, long m,
                    long slices, double alpha, double beta, long g) {
        CompiledKernel kernel = compiled("gemv-sum|1|" + s, () -> GemvKernel.sum(s));
        List<Object> args = new ArrayList<>(List.of(KernelWriter.viewArgument(part, s),
                KernelWriter.viewArgument(y, s), (int) m, (int) slices));
        scaled(args, s, sy, alpha, beta);
        Kernels.launchOn(queue, kernel, NdRange.of(new long[] {ceil(m, g) * g, batch}, new long[] {g, 1}), List.of(),
                args.toArray());
    }

    /** The kernel under {@code key}, built once (with its helpers) by {@code build}. */
    static CompiledKernel compiled(String key, Supplier<GemvKernel.Kernel> build) {
        CompiledKernel k = KERNELS.get(key);
        if (k != null) return k;
        GemvKernel.Kernel built = build.get();
        return KERNELS.computeIfAbsent(key, x -> FusedKernels.cached(key, built::kernel, built.helpers()));
    }

    /** yOff, yStep, yBatch, alpha, beta. */
    static void scaled(List<Object> args, Scalar s, Strided sy, double alpha, double beta) {
        args.addAll(List.of((int) sy.offset(), (int) sy.rowStride(), (int) sy.batchStride()));
        if (s == Scalar.F64) {
            args.addAll(List.of(alpha, beta));
        } else {
            args.addAll(List.of((float) alpha, (float) beta));
        }
    }

    static void record(Queue queue, CompiledKernel kernel, String form, long batch, long m, long k, long slices,
                               DType t) {
        FusionDiagnostics.record("kernel " + kernel.name() + " on " + queue.device().filterString() + " [gemv " + form
                + "]: " + batch + " x " + m + "x" + k + " @ " + k + " " + t + ", " + slices + " slices of K");
    }

    /**
     * Items per work-group along the {@code m} outputs (the range is padded to a multiple): up to
     * 64, few enough that every compute unit gets groups; a driver's own choice may make one group
     * of all items, which runs on one core.
     */
    private static long group(DevicePlan plan, long m, long others) {
        long want = Math.max(1, m * others / (2 * plan.fullGroups()));
        return Math.max(1, Math.min(Math.min(64, Long.highestOneBit(want)), Long.highestOneBit(m)));
    }

    /** Non-negative strides whose every element index fits an OpenCL int (what the CPU drivers' kernels take). */
    private static boolean fits(Strided l, long batch, long rows, long cols) {
        return l.rowStride() >= 0 && l.colStride() >= 0 && l.batchStride() >= 0 && indicesFit(l, batch, rows, cols);
    }

    /** Whether every element index of {@code l} over the extents, with strides of any sign, lies in {@code [0, 2^31 - 4096)}. */
    static boolean indicesFit(Strided l, long batch, long rows, long cols) {
        long lo = l.offset();
        long hi = l.offset();
        long[][] steps = {{l.batchStride(), batch}, {l.rowStride(), rows}, {l.colStride(), cols}};
        for (long[] st : steps) {
            long d = st[0] * Math.max(0, st[1] - 1);
            if (d < 0) lo += d; else hi += d;
        }
        return lo >= 0 && hi < Integer.MAX_VALUE - 4096;
    }

    static boolean partialsFit(long batch, long slices, long m) {
        return batch * slices * m < Integer.MAX_VALUE - 4096;
    }

    static long ceil(long x, long y) {
        return (x + y - 1) / y;
    }
}
