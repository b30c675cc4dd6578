package org.jdpx.kernels.prange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;

class PrangeSmokeTest {
    @Test
    void pi() {
        System.out.println(Prange.diagnostics(PrangeSamples.class, "pi"));
        var dev = Devices.get("opencl:cpu:0");
        assertEquals(PrangeSamples.pi(1000), Prange.compile(PrangeSamples::pi, dev).apply(1000), 1e-12);
        assertEquals(PrangeSamples.pi(1000), Prange.compile(PrangeSamples::pi, Devices.get("java:cpu")).apply(1000), 1e-12);
    }
}
