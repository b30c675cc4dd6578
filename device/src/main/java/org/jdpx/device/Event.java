package org.jdpx.device;

import java.util.Objects;
import org.jdpx.device.spi.EventDriver;

/**
 * The record of one command enqueued on a {@link Queue}: wait for it, ask where it is, read its
 * device-clock timestamps, or pass it as a dependency to a later command of the same context.
 * Like {@code dpctl.SyclEvent}.
 */
public final class Event {

    /** Where a command is in its life, in OpenCL's order. */
    public enum Status { QUEUED, SUBMITTED, RUNNING, COMPLETE, ERROR }

    /**
     * Device-clock timestamps of a finished command, in nanoseconds.
     *
     * @param queued    when the host enqueued it
     * @param submitted when it was handed to the device
     * @param started   when the device started it
     * @param ended     when the device finished it
     */
    public record Profiling(long queued, long submitted, long started, long ended) {
        /** Time the device spent on the command: {@code ended - started}. */
        public long durationNanos() {
            return ended - started;
        }
    }

    private final Queue queue;
    private final EventDriver driver;

    Event(Queue queue, EventDriver driver) {
        this.queue = queue;
        this.driver = Objects.requireNonNull(driver);
    }

    /** Wraps a backend event; for modules that enqueue commands through the SPI. */
    public static Event of(Queue queue, EventDriver driver) {
        return new Event(queue, driver);
    }

    /** The queue the command was enqueued on. */
    public Queue queue() {
        return queue;
    }

    /**
     * Blocks until the command completed.
     *
     * @return this event, for chaining
     * @throws RuntimeException the command's own failure, if it failed
     */
    public Event await() {
        driver.await();
        return this;
    }

    /** Where the command is now; never blocks. */
    public Status status() {
        return driver.status();
    }

    /** True once the command completed (successfully or not). */
    public boolean isDone() {
        Status s = status();
        return s == Status.COMPLETE || s == Status.ERROR;
    }

    /**
     * The command's device-clock timestamps; waits for it to complete first.
     *
     * @throws IllegalStateException when the queue was created without profiling
     */
    public Profiling profiling() {
        if (!queue.isProfiling()) {
            throw new IllegalStateException("profiling times need a queue created with profiling: "
                    + "use device.createQueue(true) instead of " + queue);
        }
        await();
        long[] t = driver.profilingNanos();
        return new Profiling(t[0], t[1], t[2], t[3]);
    }

    /** The backend's event, for modules that enqueue through the SPI. */
    public EventDriver spi() {
        return driver;
    }

    @Override
    public String toString() {
        return "Event[" + status() + " on " + queue + "]";
    }
}
