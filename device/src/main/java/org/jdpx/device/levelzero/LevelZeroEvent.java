package org.jdpx.device.levelzero;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.List;
import org.jdpx.device.Event;
import org.jdpx.device.spi.EventDriver;

/**
 * One command of a {@link LevelZeroQueue}: a Level Zero event the command signals. While the command
 * is in flight the event also keeps alive what the device may still read: a staging copy of host
 * data, the fill pattern, and the events it waits on. Its pool slot is returned once the event is
 * unreachable.
 */
final class LevelZeroEvent implements EventDriver {

    private static final Cleaner CLEANER = Cleaner.create();

    private final ZeApi api;
    private final ZeEventPool.Slot slot;
    private final MemorySegment handle;
    private final ZeContext context;
    /** The device clock, or {@code null} when the queue does not profile. */
    private final ZeClock clock;
    private Arena staging;
    private List<EventDriver> waitsOn;

    LevelZeroEvent(ZeEventPool.Slot slot, ZeContext context, ZeClock clock) {
        this.api = context.api;
        this.slot = slot;
        this.handle = slot.event();
        this.context = context;
        this.clock = clock;
        CLEANER.register(this, slot);
    }

    MemorySegment handle() {
        return handle;
    }

    /** Whether a command of {@code other}'s queue can wait on this event on the device. */
    boolean sameContext(ZeContext other) {
        return context == other;
    }

    /** Marks the event appended and keeps {@code staging} and {@code waitsOn} alive until it completed. */
    synchronized void hold(Arena staging, List<EventDriver> waitsOn) {
        slot.appended();
        this.staging = staging;
        this.waitsOn = waitsOn;
    }

    /** Releases what the finished command held; idempotent. */
    synchronized void retire() {
        if (staging != null) {
            staging.close();
            staging = null;
        }
        waitsOn = null;
    }

    /** Whether the device signalled the event; never blocks. */
    boolean isComplete() {
        return api.queryStatus(handle) == ZeResult.SUCCESS;
    }

    /**
     * Blocks until the device signalled the event.
     *
     * @throws LevelZeroException when the device was lost or the wait failed
     */
    @Override
    public void await() {
        api.hostSynchronize(handle);
        retire();
    }

    /** {@code COMPLETE} once signalled, {@code SUBMITTED} before (immediate lists submit at once). */
    @Override
    public Event.Status status() {
        int rc = api.queryStatus(handle);
        return switch (rc) {
            case ZeResult.SUCCESS -> Event.Status.COMPLETE;
            case ZeResult.NOT_READY -> Event.Status.SUBMITTED;
            default -> Event.Status.ERROR;
        };
    }

    /**
     * Device-clock nanoseconds from the event's kernel timestamps.
     *
     * @throws IllegalStateException when the queue was created without profiling
     */
    @Override
    public long[] profilingNanos() {
        if (clock == null) {
            throw new IllegalStateException("this Level Zero event comes from a queue without profiling");
        }
        await();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment result = a.allocate(ZeStructs.KERNEL_TIMESTAMP_RESULT);
            api.kernelTimestamp(handle, result);
            return clock.toNanos(result);
        }
    }
}
