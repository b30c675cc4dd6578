package org.jdpx.dpnp;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every device with each plan it can run: the java device with its own, every OpenCL device with
 * the CPU plan and the GPU plan (forced with {@link DevicePlan#forcing}), so the GPU algorithms
 * are checked on CPU drivers too.
 */
final class PlanCases {

    private PlanCases() {
    }

    /** The parameter source: (device, plan kind). */
    static Stream<Arguments> all() {
        return TestDevices.all().flatMap(d -> d.backend().equals("java")
                ? Stream.of(Arguments.of(d, Kind.JAVA))
                : Stream.of(Arguments.of(d, Kind.CPU), Arguments.of(d, Kind.GPU)));
    }

    /** Runs {@code body} on {@code device} with {@code plan} forced. */
    static void under(Device device, Kind plan, Consumer<Device> body) {
        DevicePlan.forcing(plan, () -> {
            body.accept(device);
            return null;
        });
    }
}
