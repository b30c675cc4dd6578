package org.jdpx.perf.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external programs (python3, gcc, compiled C references) and returns their standard output. */
final class Processes {

    private Processes() {
    }

    /** True when {@code command --version} (or the given probe) runs and exits 0. */
    static boolean works(String... probe) {
        try {
            run(10, Map.of(), null, probe);
            return true;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Runs {@code command} with extra environment {@code env}, feeding {@code stdin} (may be null);
     * returns stdout. Throws {@link IllegalStateException} with stderr's end when it fails or overruns.
     */
    static String run(int timeoutSeconds, Map<String, String> env, String stdin, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("jdpx-bench", ".out");
        Path err = Files.createTempFile("jdpx-bench", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            try (var in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(command[0] + " ran over " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                String e = Files.readString(err).strip();
                throw new IllegalStateException(command[0] + " exited " + p.exitValue() + ": "
                        + e.substring(Math.max(0, e.length() - 400)));
            }
            return Files.readString(out);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
