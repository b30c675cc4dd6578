package org.jdpx.device;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code JDPX_QUEUE_PROFILING} setting (or {@code -Djdpx.queueProfiling}, which wins): whether
 * devices' default queues record device timestamps, so that every command on them, the kernels
 * jdpx launches for array code included, carries its device time (in {@link Event#profiling()}
 * and in the {@code jdpx.KernelLaunch} JFR event). Off by default: a profiling queue costs some
 * drivers a little per command. Queues from {@link Device#createQueue(boolean)} choose for
 * themselves.
 */
public final class QueueProfiling {
    /** The variable. */
    public static final String VARIABLE = "JDPX_QUEUE_PROFILING";
    /** The system property that wins over {@link #VARIABLE}. */
    public static final String PROPERTY = "jdpx.queueProfiling";

    private QueueProfiling() {
    }

    /** Whether default queues profile in this process. */
    static boolean forDefaultQueues() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Reads the setting: {@code 1}, {@code true}, {@code yes}, {@code on} or {@code 0}, {@code false},
     * {@code no}, {@code off}, empty or absent.
     *
     * @throws IllegalArgumentException naming the setting and the values it takes, for any other value
     */
    static boolean from(Map<String, String> env, Properties props) {
        String p = props.getProperty(PROPERTY);
        String v = p != null ? p : env.get(VARIABLE);
        if (v == null) return false;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "", "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException((p != null ? "-D" + PROPERTY : VARIABLE) + "=" + v
                    + " is not a switch: set it to 1 (default queues record device times) or 0 (they do not)");
        };
    }
}
