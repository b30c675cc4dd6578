package org.jdpx.perf.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Python baselines ({@code numpy}, {@code cupy}) share: the jobs sent to their script on
 * stdin (one per workload and size that names the peer, with the plan's warm-ups, repetitions and
 * budget), running the script from this package's resources, and reading its answer: one JSON
 * object per line, {@code {"workload", "size", "median", ...}} in seconds, {@code {"error"}} for a
 * workload that failed, {@code {"unavailable": reason}} when the peer cannot run here at all, and
 * {@code {"info": text}} for the progress output.
 */
final class PythonPeer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The timing loop both scripts import. */
    private static final String TIMING = "peer_timing.py";

    private PythonPeer() {
    }

    /** The jobs of every workload and size that names {@code peer}; latency workloads get their repeat count. */
    static List<Map<String, Object>> jobs(List<Workload> workloads, RunPlan plan, String peer) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Workload w : workloads) {
            if (!w.externalPeers().contains(peer)) continue;
            for (long size : w.sizes(plan.quick())) {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("workload", w.name());
                job.put("size", size);
                job.put("warmups", w.repeat() > 1 ? plan.warmups() * w.repeat() * 10 : plan.warmups());
                job.put("reps", plan.reps() * w.repeat());
                job.put("budget", plan.budgetSeconds());
                jobs.add(job);
            }
        }
        return jobs;
    }

    /**
     * Runs the resource {@code script} of this package with {@code python}, the jobs on stdin, from a
     * temporary folder that also holds the {@code peer_timing.py} it imports; returns stdout.
     */
    static String run(String python, String script, List<Map<String, Object>> jobs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jdpx-python-peer");
        try {
            for (String file : List.of(script, TIMING)) {
                try (InputStream in = PythonPeer.class.getResourceAsStream(file)) {
                    if (in == null) throw new IllegalStateException("the resource " + file + " is missing from the perf jar");
                    Files.write(dir.resolve(file), in.readAllBytes());
                }
            }
            return Processes.run(600, Map.of(), JSON.writeValueAsString(jobs), python, dir.resolve(script).toString());
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * Reads a script's output into {@code into} under {@code peer}; returns its info lines.
     *
     * @throws IOException when a line is not JSON
     */
    static List<String> read(String peer, String out, ExternalResults into) throws IOException {
        List<String> info = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            if (line.isBlank()) continue;
            JsonNode r = JSON.readTree(line);
            if (r.has("unavailable")) {
                into.unavailable(peer, "skipped: " + r.get("unavailable").asText());
            } else if (r.has("info")) {
                info.add(r.get("info").asText());
            } else if (r.has("median")) {
                into.put(peer, r.get("workload").asText(), r.get("size").asLong(), r.get("median").asDouble());
            }
        }
        return info;
    }
}
