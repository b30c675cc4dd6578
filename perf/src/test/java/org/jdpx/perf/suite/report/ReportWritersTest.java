package org.jdpx.perf.suite.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jdpx.perf.suite.Rate;
import org.jdpx.perf.suite.Rows;
import org.jdpx.perf.suite.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    static Report synthetic() {
        Machine m = new Machine("Test CPU", 2, 40.0, 200.0, "2 GHz × 2 cores × 8 × 2 × 2", 38.0, null,
                "2026-01-01T00:00:00Z", true, List.of("numpy: not installed"));
        DeviceLimits host = new DeviceLimits("opencl:cpu:0", true, 40.0, "the host's STREAM triad", 200.0, 100.0, "cpuinfo");
        DeviceLimits gpu = new DeviceLimits("opencl:gpu:0", false, 3900.0, "copy_d2d on this device", 66900.0, null,
                "132 compute units × 1.98 GHz × 128 × 2");
        List<Row> rows = List.of(
                Rows.of("triad", "kernel", "float32", 1 << 20, "opencl:cpu:0", Rate.bandwidth(n -> 12.0 * n),
                        Timing.of(0.0011, 0.0009, 0.001), Map.of("java1", 0.002, "cOpenMP", 0.0008), List.of(), host),
                Rows.of("launch_empty", "kernel", "-", 64, "java:cpu:0", Rate.perSecond("launch/s"),
                        Timing.of(1e-5), Map.of("rawOpenCL", 4e-5), List.of(), host),
                Rows.of("matmul_f32_1024", "kernel", "float32", 1024, "java:cpu:0", Rate.flops(n -> 2.0 * n * n * n, false),
                        null, Map.of("numpy", 0.03), List.of("not run on java:cpu:0: slow"), host));
        return new Report(m, List.of(host, gpu), rows);
    }

    @Test
    void jsonHasTheAgreedShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        JsonReport.write(synthetic(), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (String f : new String[] {"cpu", "cores", "streamTriadGBs", "peakGflopsF32"}) {
            assertTrue(root.get("machine").has(f), f);
        }
        JsonNode row = root.get("rows").get(0);
        for (String f : new String[] {"workload", "size", "dtype", "device", "medianSeconds", "rate", "unit",
                "baselines", "limitFraction"}) {
            assertTrue(row.has(f), f);
        }
        assertEquals(0.002, row.get("baselines").get("java1").asDouble());
        assertEquals(2.0, row.get("ratios").get("java1").asDouble(), 1e-12);
        assertEquals(3900.0, root.get("limits").get(1).get("bandwidthGBs").asDouble());
        assertTrue(root.get("limits").get(1).get("peakGflopsF64").isNull());
        assertEquals(synthetic(), JsonReport.read(file));
    }

    @Test
    void markdownListsEveryRowWithRatiosAndNotes() {
        String md = MarkdownReport.render(synthetic());
        assertTrue(md.contains("| triad | kernel | 1048576 | float32 | opencl:cpu:0 | 1.00 ms"), md);
        assertTrue(md.contains("java1 2.00 ms **×2.0**"), md);
        assertTrue(md.contains("not run on java:cpu:0: slow"), md);
        assertTrue(md.contains("numpy: not installed"), md);
        assertTrue(md.contains("| opencl:gpu:0 | 3.90e+03 GB/s: copy_d2d on this device | 6.69e+04 GFLOP/s | unknown |"), md);
    }

    @Test
    void chartIsAPngWithMissingBaselinesLeftOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.png");
        ChartReport.write(synthetic(), file);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        assertTrue(ImageIO.read(file.toFile()).getWidth() >= 1200);
    }
}
