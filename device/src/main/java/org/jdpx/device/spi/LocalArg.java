package org.jdpx.device.spi;

/**
 * A kernel argument that reserves work-group local memory ({@code __local} pointer in OpenCL C)
 * of the given size for each work-group.
 *
 * @param bytes size in bytes per work-group, positive
 */
public record LocalArg(long bytes) {
    /** Rejects sizes below one byte. */
    public LocalArg {
        if (bytes <= 0) {
            throw new IllegalArgumentException("local memory size must be positive, got " + bytes + " bytes");
        }
    }
}
