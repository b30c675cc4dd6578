package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jdpx.perf.suite.report.DeviceLimits;
import org.jdpx.perf.suite.report.Row;
import org.junit.jupiter.api.Test;

class RowsTest {

    private static DeviceLimits host(double bandwidth, double peak) {
        return new DeviceLimits("d", true, bandwidth, "stream", peak, peak / 2, "cpuinfo");
    }

    @Test
    void ratiosAreBaselineOverJdpxAndRateComesFromTheMedian() {
        Row r = Rows.of("triad", "kernel", "float32", 1000, "opencl:cpu:0", Rate.bandwidth(n -> 12.0 * n),
                Timing.of(0.003, 0.001, 0.002), Map.of("java1", 0.004, "numpy", 0.001), List.of(), host(6e-6, 100));
        assertEquals(0.002, r.medianSeconds());
        assertEquals(0.001, r.minSeconds());
        assertEquals(0.003, r.maxSeconds());
        assertEquals(2.0, r.ratios().get("java1"), 1e-12);
        assertEquals(0.5, r.ratios().get("numpy"), 1e-12);
        assertEquals(12000 / 0.002 / 1e9, r.rate(), 1e-12);
        assertEquals(r.rate() / 6e-6, r.limitFraction(), 1e-9);
    }

    @Test
    void fp64FlopsCompareWithHalfThePeakAndCopiesCountReadAndWrite() {
        Row pi = Rows.of("pi", "kernel", "float64", 10, "d", Rate.flops(n -> 1e9, true), Timing.of(1.0),
                Map.of(), List.of(), host(10, 8));
        assertEquals(1.0 / 4, pi.limitFraction(), 1e-12);
        Row copy = Rows.of("copy_h2d", "usm", "uint8", (long) 1e9, "d", Rate.copy(n -> n), Timing.of(1.0),
                Map.of(), List.of(), host(4, 8));
        assertEquals(0.5, copy.limitFraction(), 1e-12);
    }

    @Test
    void skippedDeviceHasNoTimesButKeepsBaselinesAndNotes() {
        Row r = Rows.of("matmul_f32_1024", "kernel", "float32", 1024, "java:cpu:0", Rate.perSecond("launch/s"),
                null, Map.of("numpy", 0.03), List.of("not run on java:cpu:0: slow"), host(10, 10));
        assertNull(r.medianSeconds());
        assertNull(r.limitFraction());
        assertTrue(r.ratios().isEmpty());
        assertEquals(0.03, r.baselines().get("numpy"));
        assertEquals(List.of("not run on java:cpu:0: slow"), r.notes());
    }

    @Test
    void latenciesHaveNoLimit() {
        Row r = Rows.of("launch_empty", "kernel", "-", 64, "d", Rate.perSecond("launch/s"), Timing.of(2e-5),
                Map.of("rawOpenCL", 4e-5), List.of(), host(10, 10));
        assertNull(r.limitFraction());
        assertEquals(5e4, r.rate(), 1e-6);
        assertEquals(2.0, r.ratios().get("rawOpenCL"), 1e-12);
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Timing.of(4, 1, 3, 2).median());
        assertEquals(4, Timing.of(4, 1, 3, 2).samples());
    }

    @Test
    void peakFollowsClockCoresLanesAndPipes() {
        Peak zen4 = Peak.of(2600, 2, "AuthenticAMD", 25, java.util.Set.of("avx512f", "avx2", "fma"));
        assertEquals(2.6 * 2 * 8 * 2 * 2, zen4.gflops(), 1e-9);
        Peak intel = Peak.of(3000, 4, "GenuineIntel", 6, java.util.Set.of("avx512f", "avx2", "fma"));
        assertEquals(3.0 * 4 * 16 * 2 * 2, intel.gflops(), 1e-9);
        Peak sse = Peak.of(1000, 1, "GenuineIntel", 6, java.util.Set.of("sse2"));
        assertEquals(1.0 * 4 * 2, sse.gflops(), 1e-9);
        assertTrue(zen4.derivation().contains("2.60 GHz"));
    }
}
