package org.jdpx.kernels.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;

class DevicePlanTest {

    @Test
    void settingIsReadAndCheckedLikeOtherSettings() {
        Properties none = new Properties();
        assertNull(DevicePlan.forced(Map.of(), none));
        assertNull(DevicePlan.forced(Map.of("JDPX_SCHEDULE", "auto"), none));
        assertEquals(DevicePlan.Kind.GPU, DevicePlan.forced(Map.of("JDPX_SCHEDULE", " GPU "), none));
        Properties p = new Properties();
        p.setProperty("jdpx.schedule", "cpu");
        assertEquals(DevicePlan.Kind.CPU, DevicePlan.forced(Map.of("JDPX_SCHEDULE", "gpu"), p));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DevicePlan.forced(Map.of("JDPX_SCHEDULE", "fast"), none));
        assertTrue(e.getMessage().contains("JDPX_SCHEDULE=fast") && e.getMessage().contains("gpu"), e.getMessage());
    }

    @Test
    void everyDeviceGetsAConsistentPlanAndTheGpuPlanCanBeForced() {
        for (Device d : Devices.all()) {
            DevicePlan auto = DevicePlan.of(d, null);
            DevicePlan gpu = DevicePlan.of(d, DevicePlan.Kind.GPU);
            if (d.backend().equals("java")) {
                assertEquals(DevicePlan.Kind.JAVA, gpu.kind(), "the java device keeps its plan");
            } else {
                assertEquals(DevicePlan.Kind.GPU, gpu.kind(), d.filterString());
                assertEquals(d.type() == org.jdpx.device.DeviceType.GPU ? DevicePlan.Kind.GPU : DevicePlan.Kind.CPU,
                        auto.kind(), d.filterString());
            }
            for (DevicePlan p : new DevicePlan[] {auto, gpu}) {
                assertEquals(1, Integer.bitCount(p.groupSize()), "group size is a power of two: " + p);
                assertTrue(p.groupSize() <= p.maxGroupSize(), p.toString());
                assertEquals(0, p.groupSize() % p.simdWidth(), p.toString());
                assertTrue(p.fullGroups() >= 1 && p.groupsFor(1, 1) == 1, p.toString());
                assertEquals(p.fullGroups(), p.groupsFor(1L << 40, 1), p.toString());
            }
        }
    }
}
