package org.jdpx.tensor.fusion;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.plan.GemvConfig;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.linalg.Strided;
import org.jdpx.usm.UsmMemory;

/**
 * Matrix-vector products on the GPU plan ({@link DevicePlan#isGpu()}) as bandwidth-bound kernels
 * of their own ({@link GemvGroupKernel}) instead of a one-column GEMM: {@code y = alpha * A x +
 * beta * y} over a stack, A {@code m x k} read through offset and strides of any sign. When A's
 * rows are contiguous (or A has one row, or neither of its steps is 1) {@link
 * DevicePlan#groupSize()}-item groups take one or a few rows, {@code width} items per row striding
 * along K together (at most {@link GemvConfig#width()}, each keeping {@link GemvConfig#unroll()}
 * sums); when its columns are contiguous one item takes one output and consecutive
 * items read consecutive elements. When those groups are too few to fill the device
 * ({@link DevicePlan#fullGroups()}), K is cut into slices whose partial sums
 * {@link GemvKernel#sum} adds in a fixed order; slices also keep every kernel loop below the
 * driver's {@link DevicePlan#loopLimit} (llvmpipe). Called by {@link MatVec}, which turns
 * {@code m == 1} products into this form.
 */
final class GpuMatVec {
    /** Elements of a row each item reads at least before the row gets more items. */
    private static final long PER_ITEM = 8;
    /** Least K per slice of the column form. */
    private static final long MIN_COLUMN_SPAN = 128;

    private GpuMatVec() {
    }

    /**
     * Enqueues {@code y[i] = alpha * sum_p A[i, p] x[p] + beta * y[i]} (x element (0, p) of
     * {@code sx}, y element (i, 0) of {@code sy}) and returns true; false, doing nothing, when an
     * element index would leave {@code [0, 2^31)}.
     */
    static boolean run(Queue queue, DevicePlan plan, DType t, UsmMemory a, Strided sa, UsmMemory x, Strided sx,
                       UsmMemory y, Strided sy, long batch, long m, long k, double alpha, double beta) {
        if (!MatVec.indicesFit(sa, batch, m, k) || !MatVec.indicesFit(sx, batch, 1, k) || !MatVec.indicesFit(sy, batch, m, 1)) {
            return false;
        }
        Scalar s = t == DType.FLOAT64 ? Scalar.F64 : Scalar.F32;
        long limit = Math.min(DevicePlan.loopLimit(queue.device()), Integer.MAX_VALUE);
        long target = plan.fullGroups();
        int group = plan.groupSize();
        boolean columns = sa.rowStride() == 1 && sa.colStride() != 1 && m > 1;
        GemvConfig config = GemvConfig.of(queue.device());
        long width;
        long local;
        long items;
        long slices;
        long span;
        if (columns) {
            width = 1;
            local = Math.min(group, plan.roundToSimd(m));
            items = MatVec.ceil(m, local) * local;
            long groups = items / local * batch;
            slices = groups >= target ? 1 : Math.min(MatVec.ceil(target, groups), MatVec.ceil(k, MIN_COLUMN_SPAN));
            slices = Math.max(slices, MatVec.ceil(k, limit));
            span = MatVec.ceil(k, slices);
        } else {
            width = Math.min(Math.min(group, config.width()), pow2(MatVec.ceil(k, PER_ITEM)));
            local = group;
            long rowsPer = group / width;
            items = MatVec.ceil(m, rowsPer) * group;
            long groups = items / group * batch;
            slices = groups >= target ? 1 : Math.min(MatVec.ceil(target, groups), MatVec.ceil(k, width * PER_ITEM));
            slices = Math.max(slices, MatVec.ceil(k, width * limit));
            span = MatVec.ceil(MatVec.ceil(k, slices), width) * width;
        }
        slices = MatVec.ceil(k, span);
        if (slices > limit || !MatVec.partialsFit(batch, slices, m)) return false;
        boolean direct = slices == 1;
        // the unrolled loop's index runs up to (unroll - 1) * width past K
        int unroll = columns || k + (long) config.unroll() * width >= Integer.MAX_VALUE ? 1 : config.unroll();
        String key = "gemv-group-" + (columns ? "columns" : "rows|" + group + "|u" + unroll) + "|1|" + s
                + (direct ? "|direct" : "");
        CompiledKernel kernel = MatVec.compiled(key, () -> columns ? GemvGroupKernel.columns(s, direct)
                : GemvGroupKernel.rows(s, group, unroll, direct));
        UsmMemory out = direct ? y : UsmMemory.allocate(queue, UsmType.DEVICE, batch * slices * m * s.bytes());
        List<Object> args = new ArrayList<>(List.of(KernelWriter.viewArgument(a, s), KernelWriter.viewArgument(x, s),
                KernelWriter.viewArgument(out, s), (int) sa.offset(), (int) sa.rowStride(), (int) sa.colStride(),
                (int) sa.batchStride(), (int) sx.offset(), (int) sx.colStride(), (int) sx.batchStride(), (int) m,
                (int) k, (int) span, (int) width));
        if (direct) MatVec.scaled(args, s, sy, alpha, beta);
        Kernels.launchOn(queue, kernel, NdRange.of(new long[] {items, slices, batch}, new long[] {local, 1, 1}),
                List.of(), args.toArray());
        String form = columns ? "group columns, " + local + " outputs per group"
                : "group rows, " + width + " items per row in groups of " + group + ", " + unroll + " sums per item";
        MatVec.record(queue, kernel, form, batch, m, k, slices, t);
        if (!direct) {
            long g = Math.min(group, plan.roundToSimd(m));
            MatVec.sum(queue, s, out, y, sy, batch, m, slices, alpha, beta, g);
        }
        return true;
    }

    /** The least power of two at or above {@code v} (at least 1). */
    private static long pow2(long v) {
        return v <= 1 ? 1 : Long.highestOneBit(v - 1) << 1;
    }
}
