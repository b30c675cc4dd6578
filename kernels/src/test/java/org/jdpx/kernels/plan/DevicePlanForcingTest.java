package org.jdpx.kernels.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.junit.jupiter.api.Test;

/** {@link DevicePlan#forcing}: a plan forced for one scope of one thread, and {@link DevicePlan#loopLimit}. */
class DevicePlanForcingTest {

    @Test
    void forcingHoldsInsideItsScopeOnly() {
        for (Device d : Devices.all()) {
            boolean java = d.backend().equals("java");
            Kind outside = DevicePlan.of(d).kind();
            Kind inner = DevicePlan.forcing(Kind.GPU, () -> {
                assertEquals(java ? Kind.JAVA : Kind.GPU, DevicePlan.of(d).kind(), d.filterString());
                return DevicePlan.forcing(Kind.CPU, () -> DevicePlan.of(d).kind());
            });
            assertEquals(java ? Kind.JAVA : Kind.CPU, inner, "the innermost scope wins on " + d.filterString());
            assertEquals(outside, DevicePlan.of(d).kind(), "restored after the scope on " + d.filterString());
        }
        assertThrows(IllegalStateException.class, () -> DevicePlan.forcing(Kind.GPU, () -> {
            throw new IllegalStateException("passes through");
        }));
    }

    @Test
    void onlyLlvmpipeLimitsLoops() {
        for (Device d : Devices.all()) {
            long want = d.name().contains("llvmpipe") ? 65_535 : Long.MAX_VALUE;
            assertEquals(want, DevicePlan.loopLimit(d), d.filterString() + " " + d.name());
        }
    }
}
