package org.jdpx.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU placement without a GPU: the shipped discovery script turns jdpx's device list into Spark's
 * resource JSON, and the addresses Spark hands a task map back to the same jdpx devices.
 */
class PlacementTest {

    @Test
    void aTasksGpuAddressBecomesTheOpenclGpuOfThatNumber() {
        var gpu = new ResourceInformation("gpu", new String[] {"2", "3"});
        assertEquals("opencl:gpu:2", Placement.filterFor(Map.of("gpu", gpu), "java:cpu:0"));
        assertEquals("java:cpu:0", Placement.filterFor(Map.of("fpga", new ResourceInformation("fpga", new String[] {"0"})), "java:cpu:0"));
        assertNull(Placement.filterFor(null, null));
        var uuid = new ResourceInformation("gpu", new String[] {"GPU-5d2c"});
        assertThrows(IllegalArgumentException.class, () -> Placement.filterFor(Map.of("gpu", uuid), null));
        // outside a Spark task (the driver): the requested device, else the default one
        assertEquals(Devices.defaultDevice(), Placement.queue(null).device());
        assertEquals("java:cpu:0", Placement.queue("java:cpu:0").device().filterString());
    }

    @Test
    void discoveryScriptListsTheGpusJdpxSeesAsSparkResourceJson(@TempDir Path dir) throws Exception {
        Path devices = dir.resolve("devices.json");
        Files.writeString(devices, """
                { "devices" : [ { "filter" : "opencl:cpu:0", "type" : "cpu" }, { "filter" : "opencl:gpu:1" },
                  { "filter" : "level_zero:gpu:0" }, { "filter" : "opencl:gpu:0", "type" : "gpu" } ] }
                """);
        String json = discover(devices);
        assertEquals("{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}", json);
        ResourceInformation parsed = ResourceInformation.parseJson(json);
        String[] filters = Arrays.stream(parsed.addresses())
                .map(a -> Placement.filterFor(Map.of("gpu", new ResourceInformation("gpu", new String[] {a})), null)).toArray(String[]::new);
        assertEquals("[opencl:gpu:0, opencl:gpu:1]", Arrays.toString(filters));
        Files.writeString(devices, "{ \"devices\" : [ { \"filter\" : \"java:cpu:0\" } ] }");
        assertEquals("{\"name\":\"gpu\",\"addresses\":[]}", discover(devices));
    }

    private static String discover(Path devices) throws Exception {
        Process p = new ProcessBuilder("bash", "src/main/scripts/jdpx-gpu-discovery.sh", "--from", devices.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
