package org.jdpx.kernels;

import java.util.Arrays;
import org.jdpx.device.spi.LaunchRange;

/**
 * A global range with an explicit work-group (local) size, as in OpenCL's ND-range and
 * numba-dpex's {@code NdRange}. The global size must be a multiple of the local size in every
 * dimension.
 */
public final class NdRange implements WorkRange {

    private final LaunchRange range;

    private NdRange(long[] global, long[] local) {
        Range.checkSize(global);
        this.range = new LaunchRange(global.clone(), local.clone());
    }

    /**
     * A range of {@code global} work-items in groups of {@code local}.
     *
     * @throws IllegalArgumentException when the dimensions differ, a global size is not a
     *         multiple of its local size or the range has more than {@code 2^31 - 1} work-items,
     *         naming the sizes
     */
    public static NdRange of(long[] global, long[] local) {
        return new NdRange(global, local);
    }

    /** A 1-D range in groups of {@code local}. */
    public static NdRange of(long global, long local) {
        return new NdRange(new long[] {global}, new long[] {local});
    }

    @Override
    public LaunchRange launchRange() {
        return new LaunchRange(range.global().clone(), range.local().clone());
    }

    @Override
    public String toString() {
        return "NdRange[global=" + Arrays.toString(range.global()) + ", local=" + Arrays.toString(range.local()) + "]";
    }
}
