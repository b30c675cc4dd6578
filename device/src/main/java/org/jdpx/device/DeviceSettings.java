package org.jdpx.device;

import java.util.Locale;
import java.util.Map;

/**
 * The user's device settings: which devices are visible, which is the default, and whether a
 * filter that matches nothing falls back or fails. Read from the environment and system
 * properties, a system property winning over its variable.
 *
 * @param selector      {@code JDPX_DEVICE_SELECTOR}: visible devices, oneAPI selector grammar
 * @param defaultFilter {@code -Djdpx.device} or {@code JDPX_DEFAULT_DEVICE}: the default device's
 *                      filter, {@code null} for SYCL-style scoring
 * @param strict        {@code -Djdpx.strict=true} or {@code JDPX_STRICT=1}: a filter that matches
 *                      nothing is a {@link NoSuchDeviceException} instead of a fallback with a warning
 */
public record DeviceSettings(DeviceSelector selector, String defaultFilter, boolean strict) {

    /** Everything visible, scored default, falling back with a warning. */
    public static DeviceSettings defaults() {
        return new DeviceSettings(DeviceSelector.all(), null, false);
    }

    /**
     * Reads the settings of this process.
     *
     * @throws IllegalArgumentException when {@code JDPX_DEVICE_SELECTOR} or the default device is malformed
     */
    public static DeviceSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Reads the settings from the given variables and properties.
     *
     * @throws IllegalArgumentException when {@code JDPX_DEVICE_SELECTOR} is malformed, or the
     *         default device is not a filter string (the message names the setting to fix)
     */
    public static DeviceSettings from(Map<String, String> env, java.util.Properties props) {
        String selector = props.getProperty("jdpx.deviceSelector", env.get("JDPX_DEVICE_SELECTOR"));
        String dflt = props.getProperty("jdpx.device", env.get("JDPX_DEFAULT_DEVICE"));
        String strict = props.getProperty("jdpx.strict", env.get("JDPX_STRICT"));
        DeviceSelector parsed = DeviceSelector.parse(selector);
        String defaultFilter = dflt == null || dflt.isBlank() ? null : dflt.trim();
        if (defaultFilter != null) {
            try {
                FilterString.parseAlternatives(defaultFilter);
            } catch (IllegalArgumentException e) {
                String source = props.getProperty("jdpx.device") != null ? "-Djdpx.device" : "JDPX_DEFAULT_DEVICE";
                throw new IllegalArgumentException(source + " is not a device filter: " + e.getMessage()
                        + ". Fix " + source + " or unset it to use the best device.", e);
            }
        }
        return new DeviceSettings(parsed, defaultFilter, isTrue(strict));
    }

    private static boolean isTrue(String v) {
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }
}
