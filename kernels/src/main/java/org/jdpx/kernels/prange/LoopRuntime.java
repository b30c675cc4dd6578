package org.jdpx.kernels.prange;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The entry point the rewritten host methods call in place of a parallel loop; not for direct use.
 * Each compiled parallel region registers here once and is called by its number.
 */
public final class LoopRuntime {
    private static final List<RegionRunner> REGIONS = new CopyOnWriteArrayList<>();

    private LoopRuntime() {
    }

    static synchronized int register(RegionRunner r) {
        REGIONS.add(r);
        return REGIONS.size() - 1;
    }

    /**
     * Runs parallel region {@code id} (called by generated code).
     *
     * @param bounds start and end of each loop of the range, outermost first
     * @param values the values the loop body reads from outside, boxed
     * @param reductions each reduction variable's value before the loop, boxed, then the arrays of
     *                   array reductions (updated in place)
     * @return each scalar reduction variable's value after the loop, boxed
     */
    public static Object[] run(int id, long[] bounds, Object[] values, Object[] reductions) {
        return REGIONS.get(id).run(bounds, values, reductions);
    }
}
