package org.jdpx.device.spi;

import org.jdpx.device.Event;

/** A backend's record of one enqueued command. */
public interface EventDriver {

    /** Blocks until the command completed; a failed command throws its error here. */
    void await();

    /** Where the command is now. */
    Event.Status status();

    /**
     * Device-clock timestamps in nanoseconds: queued, submitted, started, ended. Only valid once
     * the command completed on a queue created with profiling.
     */
    long[] profilingNanos();
}
