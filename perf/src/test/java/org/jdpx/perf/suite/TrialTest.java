package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.usm.UsmPool;

/**
 * {@link Trial#timed}: each run releases the arrays it made, so a bench's runs reuse the memory of
 * the run before instead of taking new memory until a collection (on every device).
 */
class TrialTest {

    @OnEveryDevice
    void runsReleaseTheirArraysAndReuseTheirMemory(Device device) throws Exception {
        UsmNdArray[] made = new UsmNdArray[1];
        double[] data = new double[1 << 16];
        ArrayOptions on = ArrayOptions.on(device);
        try (Trial t = Trial.timed(() -> made[0] = Tensor.asarray(data, null, on).add(1.0).eval())) {
            t.run();
            assertTrue(made[0].isReleased(), "the run's array outlived the run");
            UsmPool pool = UsmPool.of(device);
            long misses = pool.stats().misses();
            for (int i = 0; i < 20; i++) t.run();
            assertTrue(pool.stats().misses() - misses <= 2, "runs took new memory: " + pool.stats());
        }
        UsmNdArray outside = Tensor.asarray(data, null, on);
        assertFalse(outside.isReleased());
        assertEquals(1 << 16, outside.toDoubleArray().length);
    }
}
