package org.jdpx.device.jvm;

import java.util.List;
import org.jdpx.device.spi.Backend;
import org.jdpx.device.spi.DeviceDriver;

/** The always-present backend of one CPU device run by JVM threads ({@code java:cpu:0}). */
public final class JavaBackend implements Backend {

    /** Devices of this backend come after every native one when the default is chosen. */
    private static final int LAST = -1000;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public int selectionBonus() {
        return LAST;
    }

    @Override
    public List<DeviceDriver> discover() {
        return List.of(JavaDeviceDriver.instance());
    }
}
