package org.jdpx.usm;

import org.jdpx.device.spi.JfrSupport;

/**
 * The JFR events of this module, behind {@link JfrSupport#available()} so that the event class is
 * loaded only where {@code jdk.jfr} exists. A null "started" token means nothing is recorded.
 */
final class UsmFlight {

    private UsmFlight() {
    }

    static Object copyStarted() {
        return JfrSupport.available() ? UsmCopyEvent.started() : null;
    }

    static void copied(Object started, long bytes, String direction, UsmMemory memory) {
        if (started != null) UsmCopyEvent.ended(started, bytes, direction, memory);
    }
}
