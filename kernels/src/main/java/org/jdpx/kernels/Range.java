package org.jdpx.kernels;

import java.util.Arrays;
import org.jdpx.device.spi.LaunchRange;

/**
 * The global range of a launch, 1 to 3 dimensions, with the work-group size left to the device
 * (numba-dpex's {@code Range}). Use {@link NdRange} to choose the work-group size, as kernels with
 * barriers and local memory usually must.
 */
public final class Range implements WorkRange {

    private final long[] global;

    private Range(long... global) {
        this.global = global.clone();
        new LaunchRange(this.global, null);
    }

    /** A 1-D range of {@code n} work-items. */
    public static Range of(long n) {
        return new Range(n);
    }

    /** A 2-D range. */
    public static Range of(long nx, long ny) {
        return new Range(nx, ny);
    }

    /** A 3-D range. */
    public static Range of(long nx, long ny, long nz) {
        return new Range(nx, ny, nz);
    }

    @Override
    public LaunchRange launchRange() {
        return new LaunchRange(global.clone(), null);
    }

    @Override
    public String toString() {
        return "Range" + Arrays.toString(global);
    }
}
