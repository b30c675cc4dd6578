package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link JitActivity} finds HotSpot's compiler threads where /proc lists them. */
class JitActivityTest {

    /**
     * By the time a test runs, the JIT has compiled JUnit's and this module's hot methods, so its
     * threads have run: a positive sum means they were found and their run times parsed.
     */
    @Test
    void compilerThreadsHaveRunOnLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc here (not Linux)");
        long before = JitActivity.compilerThreadNanos();
        assertTrue(before > 0, "the compiler threads' run time: " + before);
        assertTrue(JitActivity.nanos() > 0);
    }
}
