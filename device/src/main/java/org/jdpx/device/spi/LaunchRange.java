package org.jdpx.device.spi;

import java.util.Arrays;
import org.jdpx.device.DeviceInfo;

/**
 * The index space of one kernel launch: a global size per dimension and, optionally, a
 * work-group (local) size. Checked when made (1 to 3 dimensions, positive sizes of at most
 * {@link #MAX_GLOBAL}, global divisible by local) and against a device's limits by {@link #checkFits(DeviceInfo)}, so a bad range is an
 * {@link IllegalArgumentException} that names the sizes, never a driver error code.
 *
 * <p>The arrays are owned by the record: callers must not change them after construction (they are
 * not copied, so that a launch allocates nothing).
 *
 * @param global global work size per dimension
 * @param local  work-group size per dimension, or {@code null} to let the driver choose
 */
public record LaunchRange(long[] global, long[] local) {

    /** The largest global size of one dimension, {@code 2^31 - 1}: work-item ids are {@code int}s. */
    public static final long MAX_GLOBAL = Integer.MAX_VALUE;

    /** Validates dimensions and divisibility. */
    public LaunchRange {
        if (global == null || global.length < 1 || global.length > 3) {
            throw new IllegalArgumentException("a launch range has 1 to 3 dimensions, got "
                    + (global == null ? "none" : global.length + ": " + Arrays.toString(global)));
        }
        for (int d = 0; d < global.length; d++) {
            if (global[d] <= 0) {
                throw new IllegalArgumentException("global size must be positive in every dimension, got "
                        + Arrays.toString(global) + " (dimension " + d + ")");
            }
            if (global[d] > MAX_GLOBAL) {
                throw new IllegalArgumentException("global size " + global[d] + " in dimension " + d + " of "
                        + Arrays.toString(global) + " is above the limit of " + MAX_GLOBAL + " (2^31 - 1) work-items "
                        + "per dimension: work-item ids are 32-bit ints in jdpx kernels and on the java device, so "
                        + "larger ids would wrap to negative values. Split the launch into parts of at most "
                        + MAX_GLOBAL + " work-items (pass each part's first index as an argument), or, in OpenCL C "
                        + "that computes indices as size_t, use a 2-D range");
            }
        }
        if (local != null) {
            if (local.length != global.length) {
                throw new IllegalArgumentException("local size " + Arrays.toString(local) + " has "
                        + local.length + " dimensions but global size " + Arrays.toString(global)
                        + " has " + global.length);
            }
            for (int d = 0; d < local.length; d++) {
                if (local[d] <= 0) {
                    throw new IllegalArgumentException("local size must be positive in every dimension, got "
                            + Arrays.toString(local) + " (dimension " + d + ")");
                }
                if (global[d] % local[d] != 0) {
                    throw new IllegalArgumentException("global size " + Arrays.toString(global)
                            + " is not divisible by local size " + Arrays.toString(local) + " in dimension " + d
                            + " (" + global[d] + " % " + local[d] + " = " + global[d] % local[d]
                            + "); round the global size up to a multiple and guard the extra work-items");
                }
            }
        }
    }

    /** A one-dimensional range with the work-group size left to the driver. */
    public static LaunchRange of(long global) {
        return new LaunchRange(new long[] {global}, null);
    }

    /** A one-dimensional range with a given work-group size. */
    public static LaunchRange of(long global, long local) {
        return new LaunchRange(new long[] {global}, new long[] {local});
    }

    /** Number of dimensions, 1 to 3. */
    public int dimensions() {
        return global.length;
    }

    /**
     * Checks the work-group size against what a device accepts.
     *
     * @throws IllegalArgumentException naming the local size and the device's limit when it exceeds
     *         the per-dimension or total work-group limit
     */
    public void checkFits(DeviceInfo device) {
        if (local == null) {
            return;
        }
        long total = 1;
        for (int d = 0; d < local.length; d++) {
            long limit = d < device.maxWorkItemSizes().size() ? device.maxWorkItemSizes().get(d) : Long.MAX_VALUE;
            if (local[d] > limit) {
                throw new IllegalArgumentException("local size " + Arrays.toString(local) + " exceeds the limit of "
                        + device.name() + " in dimension " + d + ": " + local[d] + " > " + limit
                        + " (max work-item sizes " + device.maxWorkItemSizes() + ")");
            }
            total *= local[d];
        }
        if (total > device.maxWorkGroupSize()) {
            throw new IllegalArgumentException("work-group of local size " + Arrays.toString(local) + " has " + total
                    + " work-items, more than the " + device.maxWorkGroupSize() + " that " + device.name()
                    + " allows");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaunchRange r && Arrays.equals(global, r.global) && Arrays.equals(local, r.local);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(global) + Arrays.hashCode(local);
    }

    @Override
    public String toString() {
        return "LaunchRange[global=" + Arrays.toString(global) + ", local="
                + (local == null ? "driver's choice" : Arrays.toString(local)) + "]";
    }
}
