package org.jdpx.kernels;

import java.time.Duration;
import org.jdpx.device.Durations;

/**
 * The default time a synchronous launch ({@link Kernels#launch}) or {@code await()} of a launch's
 * event waits for the kernel: {@code -Djdpx.launchTimeout} or else {@code JDPX_LAUNCH_TIMEOUT}
 * (e.g. {@code 30s}, {@code 500ms}, {@code 5m}); none by default. The property is read at each
 * launch, the variable at the first (the environment of a process does not change).
 */
final class LaunchTimeout {

    static final String PROPERTY = "jdpx.launchTimeout";
    static final String VARIABLE = "JDPX_LAUNCH_TIMEOUT";

    private LaunchTimeout() {
    }

    /**
     * The configured default, or {@code null} for none.
     *
     * @throws IllegalArgumentException when the setting is not a duration, naming it
     */
    static Duration fromSettings() {
        String p = System.getProperty(PROPERTY);
        if (p != null) {
            return Durations.parse(p, "-D" + PROPERTY).orElse(null);
        }
        java.util.Optional<Duration> env = fromEnvironment;
        if (env == null) {
            // parsed once (a process's environment does not change); a malformed value is not kept, so every launch names it
            fromEnvironment = env = Durations.parse(System.getenv(VARIABLE), VARIABLE);
        }
        return env.orElse(null);
    }

    /** {@code JDPX_LAUNCH_TIMEOUT} once parsed; null until the first launch reads it. */
    private static volatile java.util.Optional<Duration> fromEnvironment;
}
