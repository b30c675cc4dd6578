package org.jdpx.distributed;

import java.io.Serializable;
import org.jdpx.tensor.UsmNdArray;

/**
 * User code run on each block on its executor's device ({@link DistArray#mapBlocks}): array
 * expressions, a {@code Kernels.launch} of a user {@code @Kernel}, or a {@code Prange}-compiled
 * loop. Shipped to executors, so it must capture only serializable values.
 */
@FunctionalInterface
public interface BlockFunction extends Serializable {

    /**
     * The new block for {@code block} (on the executor's device; return an array on the same queue).
     *
     * @param block the block's elements (with halo rows for {@link DistArray#stencil})
     * @param info  where the block lies in the global array
     */
    UsmNdArray apply(UsmNdArray block, BlockInfo info);

    /**
     * Where a block lies: its number, its first global index along the split axis, the layout,
     * and (for stencils) how many halo rows were added before and after it.
     */
    record BlockInfo(int index, long start, Layout layout, int haloBefore, int haloAfter) implements Serializable {

        /** True for the first block along the split axis that has elements. */
        public boolean first() {
            return start == 0;
        }

        /** True when the block reaches the end of the split axis. */
        public boolean last() {
            return start + layout.extent(index) == layout.shape()[layout.axis()];
        }
    }
}
