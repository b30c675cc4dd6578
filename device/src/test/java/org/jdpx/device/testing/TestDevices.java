package org.jdpx.device.testing;

import java.util.List;
import java.util.stream.Stream;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;

/**
 * The shared test fixture: every device that exists on this machine, so each device test runs
 * on all of them. Used through {@link OnEveryDevice} or as a {@code @MethodSource}.
 */
public final class TestDevices {

    private TestDevices() {
    }

    /** Every visible device: the parameter source of {@link OnEveryDevice}. */
    public static Stream<Device> all() {
        return Devices.all().stream();
    }

    /** Devices with double precision, for tests whose subject is fp64 itself. */
    public static Stream<Device> withFp64() {
        return all().filter(d -> d.hasAspect(Aspect.FP64));
    }

    /** Every visible device of one backend. */
    public static List<Device> ofBackend(String backend) {
        return all().filter(d -> d.backend().equals(backend)).toList();
    }

    /** The java device, which always exists: the reference other devices are compared with. */
    public static Device java() {
        return Devices.find("java:cpu:0").orElseThrow(() -> new AssertionError(
                "the java device is missing; is JDPX_DEVICE_SELECTOR hiding it?"));
    }
}
