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

    /**
     * Groups that sum atomic adds: on the CPU plan they grow into the other dimensions (PoCL pays
     * per group), within the device's largest group and leaving every compute unit a group; the
     * GPU plan keeps one row of {@code groupSize} items.
     */
    @Test
    void groupsSummingAtomicsGrowOnCpus() {
        DevicePlan cpu = new DevicePlan(DevicePlan.Kind.CPU, 2, 4096, 1 << 20, 8, 256, 4, false);
        assertEquals("[256, 16]", java.util.Arrays.toString(cpu.groupSumLocal(new long[] {256, 256})));
        assertEquals("[250, 3, 5]", java.util.Arrays.toString(cpu.groupSumLocal(new long[] {1000, 3, 5})));
        assertEquals("[128, 2]", java.util.Arrays.toString(cpu.groupSumLocal(new long[] {128, 4})));
        DevicePlan small = new DevicePlan(DevicePlan.Kind.CPU, 2, 1024, 1 << 20, 8, 256, 4, false);
        assertEquals("[256, 4]", java.util.Arrays.toString(small.groupSumLocal(new long[] {256, 256})));
        DevicePlan gpu = new DevicePlan(DevicePlan.Kind.GPU, 132, 1024, 48 << 10, 32, 256, 8, false);
        assertEquals("[256, 1]", java.util.Arrays.toString(gpu.groupSumLocal(new long[] {256, 256})));
    }
}
