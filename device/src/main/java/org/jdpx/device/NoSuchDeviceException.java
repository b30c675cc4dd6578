package org.jdpx.device;

import java.util.List;

/**
 * No visible device matches a filter string and strict mode is on (or nothing is visible at all).
 * The message lists the filter strings that do exist.
 */
public class NoSuchDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String filter;

    /** Creates the exception for {@code filter}, listing the devices that exist. */
    public NoSuchDeviceException(String filter, List<String> existing) {
        super("no device matches the filter '" + filter + "'; devices here: "
                + (existing.isEmpty() ? "none" : String.join(", ", existing))
                + ". Choose one of those, or unset JDPX_STRICT to fall back to the default device.");
        this.filter = filter;
    }

    /** The filter string that matched nothing. */
    public String filter() {
        return filter;
    }
}
