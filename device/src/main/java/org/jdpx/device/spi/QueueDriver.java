package org.jdpx.device.spi;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * An in-order command queue of one device. Every command returns an event and starts only after
 * the previous command of this queue and all {@code deps} have completed. Host segments passed to
 * copies must stay alive and unchanged until the returned event completes.
 */
public interface QueueDriver {

    /** Copies {@code bytes} between two blocks of this queue's device. */
    EventDriver copy(NativeMemory src, long srcOffset, NativeMemory dst, long dstOffset, long bytes,
                     List<EventDriver> deps);

    /** Copies {@code src.byteSize()} bytes of host memory into a block. */
    EventDriver copyFromHost(MemorySegment src, NativeMemory dst, long dstOffset, List<EventDriver> deps);

    /** Copies {@code dst.byteSize()} bytes of a block into host memory. */
    EventDriver copyToHost(NativeMemory src, long srcOffset, MemorySegment dst, List<EventDriver> deps);

    /**
     * Fills {@code bytes} bytes of a block with a repeated pattern; {@code bytes} and
     * {@code offset} are multiples of the pattern's size (1, 2, 4, 8, 16, 32, 64 or 128 bytes).
     */
    EventDriver fill(NativeMemory dst, long offset, long bytes, MemorySegment pattern, List<EventDriver> deps);

    /** An event that completes once everything enqueued before it and {@code deps} have completed. */
    EventDriver marker(List<EventDriver> deps);

    /** Blocks until every command enqueued so far has completed. */
    void finish();

    /** Whether this queue's events carry device timestamps. */
    boolean profiling();

    /** Releases the queue after waiting for its commands. */
    void release();
}
