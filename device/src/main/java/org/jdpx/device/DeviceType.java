package org.jdpx.device;

import java.util.Locale;

/**
 * The kind of a device, as SYCL and dpctl classify them. The lower-case name is the
 * middle part of a filter string ({@code opencl:gpu:0}).
 */
public enum DeviceType {
    /** A graphics processor. Scored highest when the default device is chosen. */
    GPU,
    /** A host processor, driven by OpenCL (PoCL, rusticl) or by the java backend's threads. */
    CPU,
    /** Anything else OpenCL reports as an accelerator (FPGA emulators, DSPs). */
    ACCELERATOR;

    /** The name used in filter strings: {@code gpu}, {@code cpu} or {@code accelerator}. */
    public String filterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a filter-string type word. {@code fpga} is accepted as an alias of
     * {@code accelerator}, as in {@code ONEAPI_DEVICE_SELECTOR}.
     *
     * @return the type, or {@code null} when the word names no device type
     */
    public static DeviceType fromFilterName(String word) {
        return switch (word) {
            case "gpu" -> GPU;
            case "cpu" -> CPU;
            case "accelerator", "acc", "fpga" -> ACCELERATOR;
            default -> null;
        };
    }
}
