package org.jdpx.device.spi;

import java.util.Optional;

/**
 * Whether jdpx can emit JDK Flight Recorder events ({@code jdpx.KernelBuild}, {@code jdpx.KernelLaunch},
 * {@code jdpx.UsmCopy}, {@code jdpx.FusionCut}): true when {@code jdk.jfr} is in the module graph,
 * which it is on the class path and, on a full JDK, on the module path too (jdk.management.jfr
 * brings it in). Callers touch their event classes only when this is true, so a runtime without
 * {@code jdk.jfr} (a jlink image leaving it out) runs without events instead of failing. Recording itself costs nothing until a recording
 * enables the events ({@code java -XX:StartFlightRecording...}, JDK Mission Control).
 */
public final class JfrSupport {

    private static final boolean AVAILABLE = check();

    private JfrSupport() {
    }

    /** True when {@code jdk.jfr} is present and readable by jdpx. */
    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean check() {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        return jfr.isPresent() && JfrSupport.class.getModule().canRead(jfr.get());
    }
}
