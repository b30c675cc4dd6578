package org.jdpx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdpx bench --quick --json}: every device gets its limits and a measured {@code copy_d2d} row. */
class BenchCommandTest {

    @Test
    void copyD2dIsMeasuredOnEveryDeviceAndEveryDeviceHasLimits(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench", "--quick", "--only", "copy_d2d", "--json", json.toString());
        assertEquals(0, run.status(), run.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> devices = Devices.all().stream().map(Device::filterString).toList();
        List<String> rowDevices = new ArrayList<>(), limitDevices = new ArrayList<>();
        for (JsonNode row : root.get("rows")) {
            assertEquals("copy_d2d", row.get("workload").asText());
            assertTrue(row.get("medianSeconds").asDouble() > 0, row.toString());
            assertEquals("GB/s", row.get("unit").asText());
            // read plus write: twice the bytes copied per second
            assertEquals(2.0 * row.get("size").asLong() / row.get("medianSeconds").asDouble() / 1e9,
                    row.get("rate").asDouble(), 1e-9 * row.get("rate").asDouble());
            rowDevices.add(row.get("device").asText());
        }
        for (JsonNode l : root.get("limits")) {
            limitDevices.add(l.get("device").asText());
            assertTrue(l.get("bandwidthGBs").asDouble() > 0, l.toString());
            assertTrue(l.get("bandwidthSource").asText().length() > 0, l.toString());
        }
        assertEquals(devices, rowDevices);
        assertEquals(devices, limitDevices);
    }
}
