package org.jdpx.perf;

import org.jdpx.device.Device;
import org.jdpx.device.Devices;

/** Resolves a benchmark's device parameter without fallback, so a row is never silently another device. */
public final class BenchDevices {

    private BenchDevices() {
    }

    /** The device matching {@code filter}, or an error listing the devices that exist. */
    public static Device require(String filter) {
        return Devices.find(filter).orElseThrow(() -> new IllegalStateException("device " + filter
                + " is not on this machine (devices: " + Devices.registry().filterStrings()
                + "); pass -p device=<filter> to choose"));
    }
}
