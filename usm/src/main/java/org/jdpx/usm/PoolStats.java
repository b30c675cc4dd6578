package org.jdpx.usm;

/**
 * A snapshot of one device's pool.
 *
 * @param bytesInUse   bytes of live allocations (in pool size classes)
 * @param bytesCached  bytes of freed blocks kept for reuse
 * @param peakBytesInUse the largest {@code bytesInUse} seen since the pool was made
 * @param hits         allocations served from the cache
 * @param misses       allocations that went to the backend
 * @param reclaims     collections the pool asked for to get unreachable blocks back ({@link UsmPool#reclaimBytes()})
 * @param viewArenas   allocations that handed out a JVM view ({@link UsmMemory#jvmSegment()},
 *                     {@link UsmMemory#hostSegment()}), whose close must then invalidate it: a shared
 *                     arena each, and closing one waits for a handshake with every JVM thread (tens
 *                     of microseconds), so jdpx's own loops read memory without such views
 */
public record PoolStats(long bytesInUse, long bytesCached, long peakBytesInUse, long hits, long misses, long reclaims,
                        long viewArenas) {
}
