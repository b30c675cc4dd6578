package org.jdpx.tensor.fusion;

import org.jdpx.device.Device;

/**
 * How a fused kernel shares its elements among work-items on a device. The java device runs
 * work-items as loop chunks on its threads, so each takes one contiguous block (cache lines
 * and SIMD stay whole); OpenCL devices get many work-items that stride through the data, so
 * neighbouring work-items read neighbouring elements (what both CPU vectorizers across
 * work-items and GPUs want).
 */
final class Schedule {
    /** Contiguous blocks per work-item, or a stride of the work-item count. */
    enum Mode { CHUNKED, STRIDED }

    /** Elements below which one more chunk is not worth a thread hand-off. */
    private static final long MIN_CHUNK = 16_384;
    /** Work-items of an OpenCL kernel that also folds reduction partials first. */
    private static final long ITEMS_WITH_PROLOGUE = 4096;
    /** Most partial results a full reduction leaves for its reader to fold. */
    private static final long MAX_PARTS = 256;
    /** Work-group size for reduction parts on OpenCL: several groups keep several cores busy. */
    private static final long GROUP = 32;
    /** Mesa llvmpipe's cap on loop iterations (its gallivm loop limit). */
    private static final long LLVMPIPE_LOOP_LIMIT = 65_535;

    private Schedule() {
    }

    /** How elementwise kernels share elements: one element per work-item on OpenCL, blocks on the java device. */
    static Mode mode(Device d) {
        return d.backend().equals("java") ? Mode.CHUNKED : Mode.STRIDED;
    }

    /**
     * How reductions share elements: contiguous blocks on CPUs (a CPU OpenCL driver runs a
     * work-group's items one after another, so strided items would each stream the whole
     * array through the cache), strides on GPUs.
     */
    static Mode reductionMode(Device d) {
        return d.type() == org.jdpx.device.DeviceType.GPU ? Mode.STRIDED : Mode.CHUNKED;
    }

    private static long cores(Device d) {
        return Math.max(1, d.info().computeUnits());
    }

    /** Work-items for an elementwise kernel over {@code n} elements. */
    static long elementwiseItems(Device d, long n, boolean prologue) {
        if (mode(d) == Mode.CHUNKED) {
            return Math.max(1, Math.min(ceilDiv(n, MIN_CHUNK), cores(d) * 4));
        }
        // On CPUs reductions leave few parts (see reductionMode), so every work-item may fold them.
        boolean fewParts = reductionMode(d) == Mode.CHUNKED;
        return Math.max(1, prologue && !fewParts ? Math.min(n, ITEMS_WITH_PROLOGUE) : n);
    }

    /**
     * Parts a reduction splits each output's {@code inner} elements into: one when there are
     * enough outputs to keep the device busy, otherwise enough to spread a full reduction.
     */
    static long parts(Device d, long outputs, long inner, boolean arg) {
        if (outputs > 1 || arg) {
            checkLoop(d, inner, arg ? "an argmin/argmax" : "a reduction along axes with several outputs");
            return 1;
        }
        long byWork = ceilDiv(inner, reductionMode(d) == Mode.CHUNKED ? MIN_CHUNK : 1024);
        long cap = reductionMode(d) == Mode.CHUNKED ? cores(d) * 4 : MAX_PARTS;
        long p = Math.max(1, Math.min(byWork, cap));
        // Whole work-groups of GROUP items, so the driver cannot put every part in one group.
        p = p > GROUP ? p / GROUP * GROUP : p;
        // Never more loop iterations per work-item than the driver runs.
        return Math.max(p, ceilDiv(inner, loopLimit(d)));
    }

    /**
     * The most iterations one loop of a kernel runs on {@code d}: Mesa's llvmpipe (behind rusticl)
     * silently leaves every loop after 65535 iterations, which would drop elements.
     */
    static long loopLimit(Device d) {
        return d.name().contains("llvmpipe") ? LLVMPIPE_LOOP_LIMIT : Long.MAX_VALUE;
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
                    + LLVMPIPE_LOOP_LIMIT + " iterations. Move the array to another device with toDevice(...), or "
                    + "reduce in steps (e.g. reshape so each output covers fewer elements)");
        }
    }

    /**
     * Work-items per group of an elementwise kernel: one on the java device, whose few chunked
     * work-items must each be a group of their own to be shared among its threads; 0 (the
     * driver chooses) elsewhere.
     */
    static long elementwiseGroup(Device d) {
        return mode(d) == Mode.CHUNKED ? 1 : 0;
    }

    /** Work-items per group for {@code items} parts of a reduction; 0 lets the driver choose. */
    static long reductionGroup(Device d, long items) {
        if (reductionMode(d) == Mode.CHUNKED) {
            // One part per group, so parts spread over cores (the java device shares groups among its threads).
            return 1;
        }
        return items > GROUP && items % GROUP == 0 ? GROUP : 0;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
