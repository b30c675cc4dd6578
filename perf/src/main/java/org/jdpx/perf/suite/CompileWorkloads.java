package org.jdpx.perf.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdpx.device.Device;
import org.jdpx.perf.FirstLaunch;

/**
 * The first launch of a kernel in a fresh JVM ({@link FirstLaunch}): bytecode to IR, OpenCL C, the
 * device build and the launch, as the child times it (JVM start-up excluded).
 * {@code compile_first} starts from empty jdpx and PoCL caches; {@code compile_cached} from a jdpx
 * disk cache and PoCL cache an earlier process filled, as a user's second run finds them.
 */
final class CompileWorkloads {

    private CompileWorkloads() {
    }

    static Workload first() {
        return Workload.named("compile_first").size(1024).noWarmup()
                .rate(Rate.perSecond("compile/s"))
                .body((d, n) -> freshProcess(d, false))
                .build();
    }

    static Workload cached() {
        return Workload.named("compile_cached").size(1024).noWarmup()
                .rate(Rate.perSecond("compile/s"))
                .body((d, n) -> freshProcess(d, true))
                .build();
    }

    private static Trial freshProcess(Device device, boolean warm) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jdpx-bench-cache");
        if (warm) {
            runChild(device, dir);
        }
        return new Trial() {
            @Override
            public double run() throws Exception {
                if (!warm) {
                    clear(dir);
                }
                return runChild(device, dir);
            }

            @Override
            public void close() throws IOException {
                clear(dir);
                Files.deleteIfExists(dir);
            }
        };
    }

    /** Runs FirstLaunch in a new JVM with its caches under {@code dir}; returns the seconds it measured. */
    private static double runChild(Device device, Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-Djdpx.cacheDir=" + dir.resolve("jdpx"), "-cp", System.getProperty("java.class.path"),
                FirstLaunch.class.getName(), device.filterString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("POCL_CACHE_DIR", dir.resolve("pocl").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("FirstLaunch on " + device.filterString() + " failed: " + out.strip());
        }
        String[] lines = out.strip().split("\n");
        return Double.parseDouble(lines[lines.length - 1].strip()) / 1e3;
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.delete(p);
            }
        }
    }
}
