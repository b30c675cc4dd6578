package org.jdpx.usm;

/**
 * Rounds requests to the sizes the pool caches, so a freed block fits the next request of about
 * the same size: powers of two up to 1 MiB, whole MiB above. Waste stays under half a block for
 * small sizes and under 1 MiB for large ones.
 */
final class SizeClass {

    static final long SMALL_LIMIT = 1L << 20;
    private static final long MIN = 64;

    private SizeClass() {
    }

    static long of(long bytes) {
        if (bytes <= MIN) {
            return MIN;
        }
        if (bytes <= SMALL_LIMIT) {
            return Long.highestOneBit(bytes - 1) << 1;
        }
        return (bytes + SMALL_LIMIT - 1) & -SMALL_LIMIT;
    }
}
