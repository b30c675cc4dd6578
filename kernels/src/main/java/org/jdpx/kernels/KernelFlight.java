package org.jdpx.kernels;

import org.jdpx.device.Device;
import org.jdpx.device.Event;
import org.jdpx.device.spi.JfrSupport;

/**
 * The JFR events of this module, behind {@link JfrSupport#recording()} so that the event classes
 * are loaded only where {@code jdk.jfr} exists and a recording was started. A null "started" token means nothing is recorded.
 */
final class KernelFlight {

    private KernelFlight() {
    }

    static Object buildStarted() {
        return JfrSupport.recording() ? KernelBuildEvent.started() : null;
    }

    static void built(Object started, CompiledKernel kernel, Device device, boolean cacheHit) {
        if (started != null) KernelBuildEvent.ended(started, kernel, device, cacheHit);
    }

    static Object launchStarted() {
        return JfrSupport.recording() ? KernelLaunchEvent.started() : null;
    }

    /**
     * Records the launch of {@code kernel}, committed when {@code enqueued} completes, and returns
     * {@code enqueued}; nothing when {@code started} is null (no recording enables the event).
     */
    static Event launched(Object started, CompiledKernel kernel, WorkRange range, Device device, Event enqueued) {
        if (started != null) KernelLaunchEvent.launched(started, kernel, range, device, enqueued);
        return enqueued;
    }
}
