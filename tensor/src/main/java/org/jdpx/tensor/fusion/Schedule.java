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
            return 1;
        }
        long byWork = ceilDiv(inner, reductionMode(d) == Mode.CHUNKED ? MIN_CHUNK : 1024);
        long cap = reductionMode(d) == Mode.CHUNKED ? cores(d) * 4 : MAX_PARTS;
        long p = Math.max(1, Math.min(byWork, cap));
        // Whole work-groups of GROUP items, so the driver cannot put every part in one group.
        return p > GROUP ? p / GROUP * GROUP : p;
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
