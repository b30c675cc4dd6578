package org.jdpx.device.spi;

import java.util.Optional;

/**
 * Whether jdpx can emit JDK Flight Recorder events ({@code jdpx.KernelBuild}, {@code jdpx.KernelLaunch},
 * {@code jdpx.UsmCopy}, {@code jdpx.FusionCut}): true when {@code jdk.jfr} is in the module graph,
 * which it is on the class path and, on a full JDK, on the module path too (jdk.management.jfr
 * brings it in). Callers touch their event classes only when this is true, so a runtime without
 * {@code jdk.jfr} (a jlink image leaving it out) runs without events instead of failing. Recording itself costs nothing until a recording
 * enables the events ({@code java -XX:StartFlightRecording...}, JDK Mission Control).
 *
 * <p>Callers on hot or first-use paths ask {@link #recording()} instead: loading the first event
 * class registers it with JFR, which loads and links about 250 JDK classes (JFR's metadata,
 * annotation proxies) and took about 100 ms of a process's first kernel launch, doubling the
 * {@code compile_cached} bench row, although no recording existed to receive the event.
 */
public final class JfrSupport {

    private static final boolean AVAILABLE = check();

    private JfrSupport() {
    }

    /** True when {@code jdk.jfr} is present and readable by jdpx. */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * True when {@code jdk.jfr} is present and the Flight Recorder has been started in this
     * process (a recording was created, by {@code -XX:StartFlightRecording}, {@code jcmd JFR.start},
     * Mission Control or the {@code jdk.jfr} API). Until then no recording can enable an event, so
     * jdpx neither loads its event classes nor records anything; a recording started later sees
     * the events from then on. A volatile read after the first call.
     */
    public static boolean recording() {
        return AVAILABLE && Recorder.initialized();
    }

    /** Touches {@code jdk.jfr} only when {@link #AVAILABLE} said it exists. */
    private static final class Recorder {
        static boolean initialized() {
            return jdk.jfr.FlightRecorder.isInitialized();
        }
    }

    private static boolean check() {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        return jfr.isPresent() && JfrSupport.class.getModule().canRead(jfr.get());
    }
}
