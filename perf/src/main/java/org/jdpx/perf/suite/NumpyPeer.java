package org.jdpx.perf.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code numpy} baseline: {@code numpy_peer.py} run once through {@code python3} with every
 * workload and size that names it, each written as a NumPy user would. Absent, with the reason,
 * when python3 or NumPy is not installed.
 */
final class NumpyPeer {

    static final String NAME = "numpy";

    private NumpyPeer() {
    }

    static void run(List<Workload> workloads, RunPlan plan, ExternalResults into, Consumer<String> progress) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Workload w : workloads) {
            if (!w.externalPeers().contains(NAME)) continue;
            for (long size : w.sizes(plan.quick())) {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("workload", w.name());
                job.put("size", size);
                job.put("warmups", plan.warmups());
                job.put("reps", plan.reps());
                job.put("budget", plan.budgetSeconds());
                jobs.add(job);
            }
        }
        if (jobs.isEmpty()) return;
        if (!Processes.works("python3", "-c", "import numpy")) {
            into.unavailable(NAME, "python3 with NumPy is not installed here (apt-get install python3-numpy, or pip install numpy)");
            return;
        }
        Path script = null;
        try {
            String version = Processes.run(30, Map.of(), null, "python3", "-c", "import numpy; print(numpy.__version__)").strip();
            progress.accept("numpy " + version + ": " + jobs.size() + " workloads");
            script = Files.createTempFile("jdpx-numpy-peer", ".py");
            try (InputStream in = NumpyPeer.class.getResourceAsStream("numpy_peer.py")) {
                Files.write(script, in.readAllBytes());
            }
            ObjectMapper json = new ObjectMapper();
            String out = Processes.run(600, Map.of(), json.writeValueAsString(jobs), "python3", script.toString());
            for (String line : out.strip().split("\n")) {
                if (line.isBlank()) continue;
                JsonNode r = json.readTree(line);
                if (r.has("median")) {
                    into.put(NAME, r.get("workload").asText(), r.get("size").asLong(), r.get("median").asDouble());
                }
            }
        } catch (Exception e) {
            into.unavailable(NAME, "the NumPy script failed: " + e.getMessage());
        } finally {
            if (script != null) script.toFile().delete();
        }
    }
}
