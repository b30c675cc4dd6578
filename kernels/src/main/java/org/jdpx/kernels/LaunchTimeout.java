package org.jdpx.kernels;

import java.time.Duration;
import org.jdpx.device.Durations;

/**
 * The default time a synchronous launch ({@link Kernels#launch}) or {@code await()} of a launch's
 * event waits for the kernel: {@code -Djdpx.launchTimeout} or else {@code JDPX_LAUNCH_TIMEOUT}
 * (e.g. {@code 30s}, {@code 500ms}, {@code 5m}); none by default. Read at each launch.
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
        return Durations.parse(System.getenv(VARIABLE), VARIABLE).orElse(null);
    }
}
