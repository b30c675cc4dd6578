package org.jdpx.device;

import java.util.List;

/**
 * No visible device matches a filter string and strict mode is on, or nothing is visible at all.
 * The message lists the filter strings that do exist, or says why none does (e.g. the selector
 * hides them all), and what to change.
 */
public class NoSuchDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String filter;

    /**
     * Creates the exception for {@code filter}, listing the devices that exist.
     *
     * @param note appended after the filter, e.g. which devices the selector hides; may be empty
     */
    public NoSuchDeviceException(String filter, List<String> existing, String note) {
        this(filter, "no device matches the filter '" + filter + "'" + note + "; devices here: "
                + (existing.isEmpty() ? "none" : String.join(", ", existing))
                + ". Choose one of those, or unset JDPX_STRICT to fall back to the default device.");
    }

    /** Creates the exception for {@code filter} with a message that says why and what to do. */
    public NoSuchDeviceException(String filter, String message) {
        super(message);
        this.filter = filter;
    }

    /** The filter string that matched nothing. */
    public String filter() {
        return filter;
    }
}
