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

    /**
     * Launches a kernel over a range. Arguments, in the kernel's order, are {@link NativeMemory}
     * blocks of this device, boxed primitives ({@code Byte, Short, Character, Integer, Long, Float,
     * Double, Boolean}) and {@link LocalArg}s; the backend documents how each maps to its types.
     *
     * @param kernel a kernel built for this queue's device
     * @param range  the index space; checked against the device's limits
     * @param args   one value per kernel argument
     * @param deps   events that must complete first
     * @throws IllegalArgumentException      for a range the device cannot run or a wrong argument
     * @throws UnsupportedOperationException when this backend does not launch kernels
     */
    default EventDriver launch(KernelDriver kernel, LaunchRange range, List<Object> args, List<EventDriver> deps) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not launch kernels");
    }

    /**
     * Runs {@code work} on the host as a command of this queue (SYCL's host task): after
     * everything enqueued before it and {@code deps}. The java device runs its kernels this way.
     * This default is correct everywhere but blocks the caller until {@code work} is done.
     */
    default EventDriver hostTask(Runnable work, List<EventDriver> deps) {
        for (EventDriver d : deps) {
            d.await();
        }
        finish();
        work.run();
        return marker(List.of());
    }

    /**
     * {@link #hostTask} for a caller that waits for the task at once and cannot give up on it (a
     * blocking launch with no timeout): where nothing enqueued before it is pending, a queue may
     * run {@code work} on the caller's own thread, saving the hand-off to another thread and the
     * wake-up back. Commands other threads enqueue meanwhile still run after it. This default is
     * {@link #hostTask}.
     */
    default EventDriver hostTaskAwaited(Runnable work, List<EventDriver> deps) {
        return hostTask(work, deps);
    }

    /** Blocks until every command enqueued so far has completed. */
    void finish();

    /** Whether this queue's events carry device timestamps. */
    boolean profiling();

    /** Releases the queue after waiting for its commands. */
    void release();
}
