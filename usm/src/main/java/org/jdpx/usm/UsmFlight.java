package org.jdpx.usm;

import org.jdpx.device.Event;
import org.jdpx.device.spi.JfrSupport;

/**
 * The JFR events of this module, behind {@link JfrSupport#recording()} so that the event class is
 * loaded only where {@code jdk.jfr} exists and a recording was started. A null "started" token means nothing is recorded.
 */
final class UsmFlight {

    private UsmFlight() {
    }

    /** A begun copy event, or null when JFR is missing or no recording enables the event. */
    static Object copyStarted() {
        return JfrSupport.recording() ? UsmCopyEvent.started() : null;
    }

    /** Commits the copy event once {@code enqueued} completed; returns {@code enqueued}. */
    static Event copying(Object started, long bytes, String direction, UsmMemory memory, Event enqueued) {
        if (started != null) UsmCopyEvent.endsWith(started, bytes, direction, memory, enqueued);
        return enqueued;
    }
}
