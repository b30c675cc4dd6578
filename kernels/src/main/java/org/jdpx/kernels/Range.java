package org.jdpx.kernels;

import java.math.BigInteger;
import java.util.Arrays;
import org.jdpx.device.spi.LaunchRange;

/**
 * The global range of a launch, 1 to 3 dimensions, with the work-group size left to the device
 * (numba-dpex's {@code Range}). Use {@link NdRange} to choose the work-group size, as kernels with
 * barriers and local memory usually must. A range holds at most {@code 2^31 - 1} work-items, in
 * each dimension and in all, because work-item ids are {@code int}s; a larger one is an
 * {@link IllegalArgumentException} when it is made.
 */
public final class Range implements WorkRange {

    private final long[] global;

    private Range(long... global) {
        this.global = global.clone();
        checkSize(this.global);
        new LaunchRange(this.global, null);
    }

    /**
     * Refuses a dimension or a total above {@code 2^31 - 1} work-items: {@link KernelContext#globalId},
     * {@link KernelContext#globalLinearId()} and view indices are {@code int}s, so larger launches
     * would wrap to negative ids on every device.
     *
     * @throws IllegalArgumentException naming the dimension or total, the limit and how to split
     */
    static void checkSize(long[] global) {
        String split = ", above the limit of " + LaunchRange.MAX_GLOBAL + " (2^31 - 1): work-item ids and view "
                + "indices are ints in jdpx kernels and would wrap to negative values. Split the work into several "
                + "launches of at most " + LaunchRange.MAX_GLOBAL + " work-items each, passing each launch's first "
                + "index as a kernel argument";
        BigInteger total = BigInteger.ONE;
        for (int d = 0; d < global.length; d++) {
            if (global[d] > LaunchRange.MAX_GLOBAL) {
                throw new IllegalArgumentException("dimension " + d + " of the launch range " + Arrays.toString(global)
                        + " has " + global[d] + " work-items" + split);
            }
            total = total.multiply(BigInteger.valueOf(global[d]));
        }
        if (total.compareTo(BigInteger.valueOf(LaunchRange.MAX_GLOBAL)) > 0) {
            throw new IllegalArgumentException("the launch range " + Arrays.toString(global) + " has " + total
                    + " work-items in all" + split);
        }
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
