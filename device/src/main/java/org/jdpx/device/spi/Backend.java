package org.jdpx.device.spi;

import java.util.List;

/**
 * A device family, discovered with {@link java.util.ServiceLoader}. Implementations must have a
 * public no-argument constructor that does no native work: loading native libraries happens in
 * {@link #discover()}, so a missing library marks this backend unavailable and nothing else.
 */
public interface Backend {

    /** The backend's filter-string name: {@code opencl}, {@code level_zero}, {@code java}. */
    String name();

    /**
     * Bonus added to a device's type score when the default device is chosen, as SYCL prefers
     * Level Zero over OpenCL. The java backend returns a large negative number so it comes last.
     */
    int selectionBonus();

    /**
     * Finds the devices this backend drives, in a stable order.
     *
     * @return the devices; an empty list is a valid answer (a loader with no driver)
     * @throws BackendUnavailableException when the backend cannot work here; its message is
     *         shown to users in the device listing
     */
    List<DeviceDriver> discover() throws BackendUnavailableException;

    /**
     * Why a backend that discovered zero devices has none, or {@code null} when it has some.
     * Level Zero answers with the loader's result code when no driver is installed.
     */
    default String emptyReason() {
        return null;
    }
}
