package org.jdpx.device.spi;

/**
 * Thrown by {@link Backend#discover()} when a backend cannot work on this machine (no native
 * library, no ICD loader). The message is what users see beside the backend's name.
 */
public class BackendUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason shown to users. */
    public BackendUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Creates the exception with the reason shown to users. */
    public BackendUnavailableException(String reason) {
        super(reason);
    }
}
