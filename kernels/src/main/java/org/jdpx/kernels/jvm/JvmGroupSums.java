package org.jdpx.kernels.jvm;

import org.jdpx.kernels.CompiledKernel;

/**
 * Which kernel the java device runs for a launch whose atomic adds go to one address per
 * work-group ({@link org.jdpx.kernels.ir.GroupAtomics}): the variant that sums a group's
 * contributions first, run as loops over the group's items ({@link WorkItemLoops}), so each group
 * costs what a hand-written loop over its items costs and sends one atomic to memory instead of
 * one compare-exchange per item that the pool threads contend on. (A {@code @Kernel} method
 * launched without barriers runs as itself instead, its context summing each chunk's adds:
 * {@link JvmKernelContext#flushSums()}.)
 *
 * <p>A group's items are added in item order, then the groups' sums in the order the threads
 * finish them: the float result differs from adding every item one after another by
 * reassociation only, as it already did with one atomic per item in run-time order.
 */
final class JvmGroupSums {
    /** Smallest group worth summing: below it the loops' bookkeeping costs more than the atomics they save. */
    static final int MIN_ITEMS = 16;

    private JvmGroupSums() {
    }

    /**
     * The group-sum variant of {@code kernel} for groups of shape {@code local} (three sizes), or
     * null when the java device runs {@code kernel} itself: no eligible atomic add, groups below
     * {@link #MIN_ITEMS} items, or a variant the work-item loop pass refuses.
     */
    static CompiledKernel variant(CompiledKernel kernel, int[] local) {
        long items = (long) local[0] * local[1] * local[2];
        if (items < MIN_ITEMS || items > Integer.MAX_VALUE) return null;
        CompiledKernel v = kernel.withGroupSums((int) items);
        return v != null && JvmIrProgram.workItemLoops(v) != null ? v : null;
    }
}
