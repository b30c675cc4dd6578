package org.jdpx.device;

import java.util.List;
import java.util.Optional;

/**
 * Entry point to the devices of this process, like {@code dpctl.get_devices()} and
 * {@code dpctl.SyclDevice("gpu")}. Backends are discovered on first use, once.
 *
 * <pre>{@code
 * Device gpu = Devices.get("gpu:0");      // falls back to the default device with a warning if absent
 * Device any = Devices.defaultDevice();   // GPU if any, else the best CPU device
 * }</pre>
 *
 * <p>Settings: {@code JDPX_DEVICE_SELECTOR} (visible devices, oneAPI grammar),
 * {@code JDPX_DEFAULT_DEVICE} or {@code -Djdpx.device} (default device), {@code JDPX_STRICT=1} or
 * {@code -Djdpx.strict=true} (no fallback). See {@link DeviceSettings}.
 */
public final class Devices {

    private Devices() {
    }

    /** Made on first use; not a static initializer, so a bad setting fails every call the same way. */
    private static volatile DeviceRegistry registry;

    /**
     * The process-wide registry, made on first use.
     *
     * @throws IllegalArgumentException on every call while a setting ({@code JDPX_DEVICE_SELECTOR},
     *         {@code JDPX_DEFAULT_DEVICE}) is malformed, naming it and the grammar
     */
    public static DeviceRegistry registry() {
        DeviceRegistry r = registry;
        if (r == null) {
            synchronized (Devices.class) {
                r = registry;
                if (r == null) {
                    r = DeviceRegistry.fromEnvironment();
                    registry = r;
                }
            }
        }
        return r;
    }

    /** Every visible device, in listing order. */
    public static List<Device> all() {
        return registry().devices();
    }

    /** Every backend on the class path with whether it works here and why not. */
    public static List<BackendStatus> backends() {
        return registry().backends();
    }

    /**
     * The device a filter string names ({@code "gpu:0"}, {@code "opencl:cpu:1"}, {@code "gpu,cpu"}).
     * When none matches: the default device and one warning, or in strict mode an exception.
     *
     * @throws NoSuchDeviceException in strict mode when nothing matches
     * @throws IllegalArgumentException when the filter string is malformed
     */
    public static Device get(String filter) {
        return registry().select(filter);
    }

    /**
     * The device a filter string names, or empty; never falls back.
     *
     * @throws IllegalArgumentException when the filter string is malformed
     */
    public static Optional<Device> find(String filter) {
        return registry().find(filter);
    }

    /** The default device: GPU over CPU over accelerator, Level Zero over OpenCL, java last. */
    public static Device defaultDevice() {
        return registry().defaultDevice();
    }
}
