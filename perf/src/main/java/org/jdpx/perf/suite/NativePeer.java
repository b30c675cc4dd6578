package org.jdpx.perf.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code cOpenMP} baseline and the native limits: the C references of {@code perf-anchors}
 * ({@code stream.c} in float, {@code pi_omp.c}, {@code fma_peak.c}) built with
 * {@code gcc -O3 -march=native -fopenmp} into a temporary directory and run on all cores in the
 * same benchmark run. The directory is {@code -Djdpx.perfAnchors} or {@code JDPX_PERF_ANCHORS},
 * else {@code ../shared/perf-anchors} seen from the working directory or one of its parents.
 */
final class NativePeer {

    static final String NAME = "cOpenMP";

    private NativePeer() {
    }

    /** Where the C sources are, if anywhere. */
    static Optional<Path> anchors() {
        String set = System.getProperty("jdpx.perfAnchors", System.getenv("JDPX_PERF_ANCHORS"));
        if (set != null && !set.isBlank()) return Optional.of(Path.of(set)).filter(p -> Files.isRegularFile(p.resolve("stream.c")));
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path c : List.of(d.resolve("../shared/perf-anchors"), d.resolve("shared/perf-anchors"))) {
                if (Files.isRegularFile(c.resolve("stream.c"))) return Optional.of(c.normalize());
            }
        }
        return Optional.empty();
    }

    static void run(List<Workload> workloads, RunPlan plan, ExternalResults into, Consumer<String> progress) {
        Optional<Path> src = anchors();
        if (src.isEmpty()) {
            into.unavailable(NAME, "the C references (perf-anchors with stream.c) were not found; set JDPX_PERF_ANCHORS to their folder");
            return;
        }
        if (!Processes.works("gcc", "--version")) {
            into.unavailable(NAME, "gcc is not installed here (apt-get install gcc)");
            return;
        }
        Path build = null;
        try {
            build = Files.createTempDirectory("jdpx-bench-c");
            progress.accept("gcc: building the C references from " + src.get());
            Path stream = compile(src.get(), build, "stream.c", "stream_float", "-DSTREAM_FLOAT");
            Path pi = compile(src.get(), build, "pi_omp.c", "pi_omp", "-lm");
            Path fma = compile(src.get(), build, "fma_peak.c", "fma_peak");
            Map<String, String> env = Map.of("OMP_NUM_THREADS", Integer.toString(JavaLoops.threads()),
                    "OMP_PROC_BIND", "close", "OMP_PLACES", "cores");
            int reps = Math.max(3, plan.reps());
            for (long n : sizesOf(workloads, plan, "triad", "sum")) {
                for (String[] r : results(Processes.run(300, env, null, stream.toString(), Long.toString(n), Integer.toString(reps)))) {
                    String w = r[2].startsWith("triad float") ? "triad" : r[2].startsWith("sum(read-only) float") ? "sum" : null;
                    if (w != null) into.put(NAME, w, n, Double.parseDouble(r[6]));
                    if (r[2].startsWith("triad float") && n == 1L << 25) into.machine("cStreamTriadGBs", Double.parseDouble(r[9]));
                }
            }
            boolean piRows = !sizesOf(workloads, plan, "pi_kernel_1e8", "pi_prange_1e8").isEmpty();
            for (String[] r : piRows ? results(Processes.run(300, env, null, pi.toString(), Integer.toString(reps), "1"))
                    : List.<String[]>of()) {
                if (!r[4].equals("n=1e+08") || !r[3].contains("simd")) continue;
                for (String w : List.of("pi_kernel_1e8", "pi_prange_1e8")) into.put(NAME, w, 100_000_000L, Double.parseDouble(r[6]));
            }
            String iters = plan.quick() ? "50000000" : "200000000";
            for (String[] r : results(Processes.run(300, env, null, fma.toString(), iters, "3"))) {
                if (r[2].contains("fp32")) into.machine("fmaProbeGflopsF32", Double.parseDouble(r[9]));
            }
        } catch (Exception e) {
            into.unavailable(NAME, "building or running the C references failed: " + e.getMessage());
        } finally {
            if (build != null) {
                for (java.io.File f : build.toFile().listFiles()) f.delete();
                build.toFile().delete();
            }
        }
    }

    private static List<Long> sizesOf(List<Workload> workloads, RunPlan plan, String... names) {
        return workloads.stream().filter(w -> List.of(names).contains(w.name()))
                .flatMap(w -> w.sizes(plan.quick()).stream()).distinct().sorted().toList();
    }

    private static Path compile(Path src, Path build, String file, String out, String... extra) throws Exception {
        Path exe = build.resolve(out);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O3", "-march=native", "-fopenmp"));
        cmd.addAll(List.of(extra).stream().filter(a -> a.startsWith("-D")).toList());
        cmd.addAll(List.of(src.resolve(file).toString(), "-o", exe.toString()));
        cmd.addAll(List.of(extra).stream().filter(a -> a.startsWith("-l")).toList());
        Processes.run(120, Map.of(), null, cmd.toArray(String[]::new));
        return exe;
    }

    /** The tab-separated RESULT lines of the references (see perf-anchors/README.md). */
    static List<String[]> results(String out) {
        return out.lines().filter(l -> l.startsWith("RESULT\t")).map(l -> l.split("\t")).toList();
    }
}
