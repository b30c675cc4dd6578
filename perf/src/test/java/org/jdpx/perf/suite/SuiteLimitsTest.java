package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.perf.suite.report.DeviceLimits;
import org.jdpx.perf.suite.report.Report;
import org.jdpx.perf.suite.report.Row;
import org.junit.jupiter.api.Test;

/** The GPU path of the limits on a CPU-only machine: the java device treated as a device with memory of its own. */
class SuiteLimitsTest {

    @Test
    void aDeviceWithItsOwnMemoryIsLimitedByItsCopyD2dWhichIsThatRowsMeasurement() {
        Device java = Devices.find("java:cpu:0").orElseThrow();
        List<String> progress = new ArrayList<>();
        Report r = new Suite(RunPlan.quickPlan(), progress::add, d -> true)
                .run(List.of(Workloads.named("copy_d2d"), Workloads.named("launch_empty")), List.of(java));
        DeviceLimits limits = r.limits().getFirst();
        assertEquals("java:cpu:0", limits.device());
        assertTrue(limits.bandwidthSource().startsWith("copy_d2d on this device"), limits.bandwidthSource());
        Row copy = r.rows().stream().filter(x -> x.workload().equals("copy_d2d")).findFirst().orElseThrow();
        assertEquals(copy.rate(), limits.bandwidthGBs(), 1e-9 * copy.rate());
        assertEquals(1.0, copy.limitFraction(), 1e-9);
        assertTrue(progress.stream().anyMatch(l -> l.contains("(measured for the limits)")), progress.toString());
        Row launch = r.rows().stream().filter(x -> x.workload().equals("launch_empty")).findFirst().orElseThrow();
        assertTrue(launch.medianSeconds() > 0);
        assertTrue(r.machine().notes().stream().noneMatch(n -> n.startsWith("numpy")), r.machine().notes().toString());
    }
}
