package org.jdpx.device;

import java.util.Locale;

/**
 * The three kinds of unified shared memory of SYCL and dpctl. The order matters: when arrays of
 * different kinds meet in one operation, the result takes the lowest kind, device &lt; shared &lt; host.
 */
public enum UsmType {
    /** Only the device touches it; the host moves data with explicit copies. Fastest on discrete GPUs. */
    DEVICE,
    /** Both sides touch it; the runtime migrates it (on OpenCL without SVM: map/unmap around host access). */
    SHARED,
    /** Host memory the device can read and write directly, usually over the bus. */
    HOST;

    /** The dpctl spelling: {@code device}, {@code shared} or {@code host}. */
    public String dpctlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a dpctl spelling.
     *
     * @throws IllegalArgumentException naming the accepted words when {@code name} is none of them
     */
    public static UsmType of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "device" -> DEVICE;
            case "shared" -> SHARED;
            case "host" -> HOST;
            default -> throw new IllegalArgumentException(
                    "unknown USM type '" + name + "': use \"device\", \"shared\" or \"host\"");
        };
    }

    /** The kind a result takes when inputs of kinds {@code a} and {@code b} meet (dpctl's rule). */
    public static UsmType lowest(UsmType a, UsmType b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
