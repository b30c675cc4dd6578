package org.jdpx.tensor.fusion;

import org.jdpx.device.Device;
import org.jdpx.kernels.plan.DevicePlan;

/**
 * How a fused kernel shares its elements among work-items on a device: every plan decision of
 * the tensor kernels (modes, work-items, groups, parts, tree or loop) is made here, from the
 * device's {@link DevicePlan}. The java device runs work-items as loop chunks on its threads, so
 * each takes one contiguous block (cache lines and SIMD stay whole); OpenCL devices get many
 * work-items that stride through the data, so neighbouring work-items read neighbouring
 * elements (what both CPU vectorizers across work-items and GPUs want). On the GPU plan
 * ({@link DevicePlan#isGpu()}) reductions and scans run as work-group trees in local memory.
 */
final class Schedule {
    /** Contiguous blocks per work-item, or a stride of the work-item count. */
    enum Mode { CHUNKED, STRIDED }

    /**
     * How a reduction's elements reach work-items: {@code ITEMS}, each work-item loops over its
     * part alone; {@code TREE}, the work-items of a group stride through a part together and
     * combine their values in local memory.
     */
    enum Shape { ITEMS, TREE }

    /**
     * The layout of one reduction.
     *
     * @param shape loops per item or trees per group
     * @param parts partial results per output: work-items per output ({@code ITEMS}) or groups per output ({@code TREE})
     * @param group work-items per group; 0 lets the driver choose
     */
    record Reduction(Shape shape, long parts, long group) {
    }

    /**
     * The layout of one scan.
     *
     * @param blocks whether lines are scanned in blocks by work-groups (else one work-item walks each line)
     * @param group  work-items per group of a block scan
     * @param rounds elements per work-item of a block (a block spans {@code group * rounds} elements)
     */
    record Scan(boolean blocks, long group, long rounds) {
    }

    /** Elements below which one more chunk is not worth a thread hand-off. */
    private static final long MIN_CHUNK = 16_384;
    /** Elements each work-item of a GPU tree reads at least before more groups are worth their partials. */
    private static final long TREE_MIN_PER_ITEM = 8;
    /** Most elements per work-item of a block scan. */
    private static final long SCAN_MAX_ROUNDS = 8;

    private Schedule() {
    }

    /** The execution plan of {@code d} (honouring {@code JDPX_SCHEDULE}). */
    static DevicePlan plan(Device d) {
        return DevicePlan.of(d);
    }

    /** How elementwise kernels share elements: one element per work-item on OpenCL, blocks on the java device. */
    static Mode mode(Device d) {
        return d.backend().equals("java") ? Mode.CHUNKED : Mode.STRIDED;
    }

    /**
     * Whether an elementwise kernel over {@code n} elements gets the reduction partials it reads
     * folded first, by a one-item kernel each, instead of in every work-item: where each
     * work-item holds one element (OpenCL devices) and the array is long enough that a fold per
     * element costs more than one more launch.
     */
    static boolean foldPartialsFirst(Device d, long n) {
        return mode(d) == Mode.STRIDED && n >= MIN_CHUNK;
    }

    /**
     * How reductions share elements: contiguous blocks on the CPU and java plans (a CPU OpenCL
     * driver runs a work-group's items one after another, so strided items would each stream
     * the whole array through the cache), strides on the GPU plan.
     */
    static Mode reductionMode(Device d) {
        return plan(d).isGpu() ? Mode.STRIDED : Mode.CHUNKED;
    }

    /** Work-items for an elementwise kernel over {@code n} elements. */
    static long elementwiseItems(Device d, long n, boolean prologue) {
        DevicePlan p = plan(d);
        if (p.isGpu()) return Math.max(1, ceilDiv(n, p.groupSize())) * p.groupSize();
        if (mode(d) == Mode.CHUNKED) {
            return Math.max(1, Math.min(ceilDiv(n, MIN_CHUNK), p.fullGroups()));
        }
        return Math.max(1, n);
    }

    /**
     * The layout of a reduction of {@code outputs} outputs over {@code inner} elements each. CPU
     * and java plans: one part per output when there are several outputs (or an arg
     * reduction; trees when such an output is longer than the driver's loops run), else enough
     * contiguous parts to spread a full reduction over the cores. GPU
     * plan: one work-item per output when there are enough outputs to fill the device (or each
     * is too short for a group), otherwise enough groups per output to fill it, every element
     * read by a different work-item.
     */
    static Reduction reduction(Device d, long outputs, long inner, boolean arg) {
        DevicePlan p = plan(d);
        if (p.isGpu()) return gpuReduction(d, p, outputs, inner);
        if (outputs > 1 || arg) {
            // A driver that stops long loops gets the GPU plan's trees, whose loops stay short.
            if (inner > loopLimit(d)) return gpuReduction(d, p, outputs, inner);
            return new Reduction(Shape.ITEMS, 1, 1);
        }
        long parts = Math.max(1, Math.min(ceilDiv(inner, MIN_CHUNK), p.fullGroups()));
        // Never more loop iterations per work-item than the driver runs.
        parts = Math.max(parts, ceilDiv(inner, loopLimit(d)));
        // One part per group, so parts spread over cores (the java device shares groups among its threads).
        return new Reduction(Shape.ITEMS, parts, 1);
    }

    private static Reduction gpuReduction(Device d, DevicePlan p, long outputs, long inner) {
        long group = p.groupSize();
        boolean manyOutputs = outputs >= p.fullGroups() * group || inner < p.simdWidth();
        if (outputs > 1 && manyOutputs && inner <= loopLimit(d)) return new Reduction(Shape.ITEMS, 1, group);
        long perOutput = Math.min(ceilDiv(p.fullGroups(), outputs), ceilDiv(inner, group * TREE_MIN_PER_ITEM));
        perOutput = Math.max(perOutput, ceilDiv(inner, group * loopLimit(d)));
        // The strided index must not pass 2^31 on its last step.
        perOutput = Math.min(perOutput, (Integer.MAX_VALUE - inner) / group);
        return new Reduction(Shape.TREE, Math.max(1, perOutput), group);
    }

    /**
     * The layout of a scan of {@code lines} lines of {@code inner} elements: one work-item per
     * line on the CPU and java plans (unless lines are longer than the driver's loops run), and
     * on the GPU plan when lines alone fill the device or are shorter than a SIMD width; otherwise blocks of {@code group * rounds} elements, each
     * scanned by a work-group in local memory, with enough blocks to fill the device.
     */
    static Scan scan(Device d, long lines, long inner) {
        DevicePlan p = plan(d);
        long group = p.groupSize();
        boolean itemPerLine = lines >= p.fullGroups() * group || inner < p.simdWidth();
        if (inner <= loopLimit(d) && (!p.isGpu() || itemPerLine)) {
            return new Scan(false, reductionMode(d) == Mode.CHUNKED ? 1 : 0, 0);
        }
        // The GPU plan, or a driver that stops long loops: blocks, whose loops stay short.
        long rounds = Math.max(1, Math.min(SCAN_MAX_ROUNDS, lines * inner / (group * p.fullGroups())));
        return new Scan(true, group, Math.min(rounds, ceilDiv(inner, group)));
    }

    /**
     * The most iterations one loop of a kernel runs on {@code d}: Mesa's llvmpipe (behind rusticl)
     * silently leaves every loop after 65535 iterations, which would drop elements.
     */
    static long loopLimit(Device d) {
        return DevicePlan.loopLimit(d);
    }

    /**
     * Refuses a kernel whose work-items would each loop over {@code iterations} elements on a
     * device that stops loops early, instead of returning a wrong result.
     *
     * @throws UnsupportedOperationException naming the limit and the fix
     */
    static void checkLoop(Device d, long iterations, String what) {
        if (iterations > loopLimit(d)) {
            throw new UnsupportedOperationException(what + " over " + iterations + " elements per output cannot run on "
                    + d.filterString() + " (" + d.name() + "): llvmpipe stops every kernel loop after "
                    + DevicePlan.LLVMPIPE_LOOP_LIMIT + " iterations. Move the array to another device with toDevice(...), or "
                    + "reduce in steps (e.g. reshape so each output covers fewer elements)");
        }
    }

    /**
     * Work-items per group of an elementwise kernel: the plan's group size on the GPU plan
     * (whole groups of a multiple of the SIMD width); one on the java device, whose few chunked
     * work-items must each be a group of their own to be shared among its threads; 0 (the
     * driver chooses) elsewhere.
     */
    static long elementwiseGroup(Device d) {
        DevicePlan p = plan(d);
        if (p.isGpu()) return p.groupSize();
        return mode(d) == Mode.CHUNKED ? 1 : 0;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
