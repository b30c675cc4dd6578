package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;

/** The distributed bench rows: registered with their baselines, and each body and baseline runs once at a small size. */
class DistributedWorkloadsTest {

    @Test
    void distributedRowsStandNextToOneProcessAndPlainJava() throws Exception {
        for (String name : List.of("dist_l2_distance", "dist_logistic_regression_step")) {
            Workload w = Workloads.named(name);
            assertEquals("distributed", w.style());
            assertEquals(List.of("java1", "jdpxLocal"), w.peers().stream().map(Peer::name).toList());
            long n = 1 << 12;
            try (Trial t = w.body().open(Devices.defaultDevice(), n)) {
                assertTrue(t.run() > 0, name);
            }
            for (Peer p : w.peers()) {
                try (Trial t = p.body().open(n)) {
                    assertTrue(t.run() > 0, name + " " + p.name());
                }
            }
        }
        try (Trial t = Workloads.named("dist_empty_stage").body().open(Devices.defaultDevice(), 1 << 10)) {
            assertTrue(t.run() > 0);
        }
    }
}
