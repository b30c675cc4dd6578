package org.jdpx.device;

/**
 * A device could not give the memory asked for. The message states the request and what the
 * device has; nothing of the failed request stays allocated.
 */
public class DeviceOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long requestedBytes;
    private final long availableBytes;

    /**
     * @param device         where the allocation was tried
     * @param requestedBytes bytes asked for
     * @param availableBytes bytes the device reports available, or -1 when it cannot tell
     * @param detail         the backend's own words (error code), may be empty
     */
    public DeviceOutOfMemoryException(String device, long requestedBytes, long availableBytes, String detail) {
        super("out of memory on " + device + ": requested " + requestedBytes + " bytes ("
                + human(requestedBytes) + "), available " + (availableBytes < 0 ? "unknown"
                        : availableBytes + " bytes (" + human(availableBytes) + ")")
                + (detail == null || detail.isEmpty() ? "" : "; " + detail)
                + ". Free arrays you no longer need, call trim() on the memory pool, or use a smaller size.");
        this.requestedBytes = requestedBytes;
        this.availableBytes = availableBytes;
    }

    /** Bytes asked for. */
    public long requestedBytes() {
        return requestedBytes;
    }

    /** Bytes the device reported available, or -1 when unknown. */
    public long availableBytes() {
        return availableBytes;
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
