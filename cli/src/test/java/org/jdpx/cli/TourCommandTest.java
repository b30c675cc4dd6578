package org.jdpx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourCommandTest {

    @Test
    void jsonHasTheDocumentedShapeAndEverySampleIsOkOnTheJavaDevice(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("m.png");
        CliRun run = CliRun.of("tour", "--device", "java:cpu", "--json", "--png", png.toString());
        String text = run.out();
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals(0, run.status(), text);
        assertEquals("java:cpu:0", root.get("device").asText());
        assertTrue(root.get("ok").asBoolean(), text);
        Set<String> names = new HashSet<>();
        for (JsonNode s : root.get("samples")) {
            for (String field : new String[] {"name", "style", "device", "ok", "seconds"}) {
                assertTrue(s.has(field), field + " missing in " + s);
            }
            assertEquals("java:cpu:0", s.get("device").asText(), s.toString());
            assertTrue(s.get("ok").asBoolean(), s.toString());
            assertTrue(s.get("seconds").isNumber() && s.get("seconds").asDouble() > 0, s.toString());
            names.add(s.get("name").asText());
        }
        assertEquals(Set.of("pi", "l2 distance", "logistic regression", "softmax", "jacobi stencil", "black-scholes",
                "mandelbrot", "matmul", "gemv"), names);
        JsonNode placement = root.get("placement");
        assertTrue(placement.get("error").asText().contains("toDevice"), placement.toString());
        assertEquals("java:cpu:0", placement.get("fixedDevice").asText());
        assertTrue(Files.size(png) > 0, "the Mandelbrot PNG was written");
    }

    @Test
    void distributedTourRunsTheDistributedSamplesOnEmbeddedSpark() throws Exception {
        CliRun run = CliRun.of("tour", "--distributed", "--blocks", "4", "--json");
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(0, run.status(), run.out());
        Set<String> names = new HashSet<>();
        for (JsonNode s : root.get("samples")) {
            assertTrue(s.get("ok").asBoolean(), s.toString());
            names.add(s.get("name").asText());
        }
        assertEquals(Set.of("pi (distributed)", "l2 distance (distributed)", "logistic regression (distributed)",
                "black-scholes (distributed)", "jacobi stencil (distributed)"), names);
        assertEquals(2, CliRun.of("tour", "--distributed", "--blocks", "0").status());
    }
}
