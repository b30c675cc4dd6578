package org.jdpx.perf.suite;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much the JIT has compiled so far, for {@link Timer}'s warm-ups: on Linux the CPU time of
 * HotSpot's compiler threads (their {@code /proc/self/task/*} entries named {@code C1 CompilerThre}
 * or {@code C2 CompilerThre}, run time in ns from {@code schedstat}), which rises while a long C2
 * compile is still running; elsewhere the JVM's total compilation time
 * ({@link CompilationMXBean}), which rises only when a compile finishes.
 */
final class JitActivity {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final boolean PROC = Files.isReadable(TASKS.resolve(String.valueOf(ProcessHandle.current().pid()))
            .resolve("schedstat"));

    private JitActivity() {
    }

    /**
     * Nanoseconds of compiling so far (a count that only means something as a difference); -1
     * where neither source answers.
     */
    static long nanos() {
        if (PROC) {
            long sum = compilerThreadNanos();
            if (sum >= 0) return sum;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() * 1_000_000L : -1;
    }

    /** The summed run time of the compiler threads now alive; -1 when /proc cannot be read. */
    static long compilerThreadNanos() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) continue;
                    String stat = Files.readString(task.resolve("schedstat"));
                    int space = stat.indexOf(' ');
                    sum += Long.parseLong(space < 0 ? stat.trim() : stat.substring(0, space));
                } catch (IOException | NumberFormatException gone) {
                    // The thread ended while we read it (HotSpot stops idle compiler threads).
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }
}
