package org.jdpx.kernels.prange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every parallel-loop test of {@link PrangeLoopsTest} again under the GPU plan, forced through
 * {@code -Djdpx.schedule=gpu}, so the GPU's schedule (about a million work-items, their partials
 * folded on the device before the host reads the rest) runs on the OpenCL CPU drivers CI has;
 * and loops long enough that the fold must run, against plain Java, NaN included.
 */
class PrangeGpuPlanTest extends PrangeLoopsTest {
    private static String before;

    @BeforeAll
    static void forceTheGpuPlan() {
        before = System.getProperty(DevicePlan.PROPERTY);
        System.setProperty(DevicePlan.PROPERTY, "gpu");
    }

    @AfterAll
    static void restore() {
        if (before == null) System.clearProperty(DevicePlan.PROPERTY); else System.setProperty(DevicePlan.PROPERTY, before);
    }

    @OnEveryDevice
    void aMillionPartialsAreFoldedOnTheDevice(Device device) {
        if (device.backend().equals("java")) return; // the java device keeps its own plan: a few partials per core
        int steps = 3_000_017;
        long passes = Partials.foldPasses();
        float got = Prange.compile(PrangeSamples::piFloat, device).apply(steps);
        assertEquals(PrangeSamples.piFloat(steps), got, 2.0 * steps * Math.ulp(1f) * Math.PI);
        assertTrue(Partials.foldPasses() > passes, "the partials of " + steps + " steps were read back unfolded on " + device);

        float[] v = new float[(1 << 20) + 3];
        Random r = new Random(8);
        for (int i = 0; i < v.length; i++) v[i] = r.nextFloat() * 2 - 1;
        v[777_777] = -3f;
        v[12_345] = 5f;
        int[] bins = PrangeSamples.histogram(FloatArray.of(v), -1f, 1f, 64);
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * v.length)) {
            m.copyFromHost(v);
            assertEquals(-3f, Prange.compile(PrangeSamples::min).apply(FloatArray.on(m)));
            assertEquals(5f, Prange.compile(PrangeSamples::max).apply(FloatArray.on(m)));
            assertArrayEquals(bins, Prange.compile(PrangeSamples::histogram).apply(FloatArray.on(m), -1f, 1f, 64),
                    "a 64-bin histogram (an array reduction) of 2^20+3 values");
            v[500_000] = Float.NaN;
            m.copyFromHost(v);
            assertTrue(Float.isNaN(Prange.compile(PrangeSamples::min).apply(FloatArray.on(m))), "Math.min keeps a NaN, as Java's");
            assertTrue(Float.isNaN(Prange.compile(PrangeSamples::max).apply(FloatArray.on(m))), "Math.max keeps a NaN, as Java's");
        }
    }
}
