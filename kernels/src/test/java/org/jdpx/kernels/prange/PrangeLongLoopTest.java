package org.jdpx.kernels.prange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.Parallel;

/** A parallel loop far longer than any per-work-item loop limit (llvmpipe stops loops at 65535) counts every step. */
class PrangeLongLoopTest {

    static long countOdd(int n) {
        long count = 0;
        for (@Parallel int i = 0; i < n; i++) {
            if ((i & 1) == 1) count += 1;
        }
        return count;
    }

    @OnEveryDevice
    void everyIterationRuns(Device device) {
        int n = 20_000_001;
        long got = Prange.compile(PrangeLongLoopTest::countOdd, device).apply(n);
        assertEquals(countOdd(n), got);
    }
}
