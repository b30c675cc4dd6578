package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cupy baseline's process, parsing and skip note, with fake interpreters that print what the script would. */
class CupyPeerTest {

    private static final List<Workload> ROWS = List.of(Workloads.named("sum"), Workloads.named("launch_empty"),
            Workloads.named("pi_kernel_1e8"));

    /** A stand-in for python3 that swallows the jobs and prints {@code lines}. */
    private static String fakePython(Path dir, String... lines) throws Exception {
        Path f = dir.resolve("python");
        StringBuilder s = new StringBuilder("#!/bin/sh\ncat > /dev/null\n");
        for (String l : lines) s.append("printf '%s\\n' '").append(l).append("'\n");
        Files.writeString(f, s);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f.toString();
    }

    @Test
    void jobsAreTheWorkloadsThatNameCupyWithLatencyRepeats() {
        var jobs = PythonPeer.jobs(ROWS, RunPlan.quickPlan(), CupyPeer.NAME);
        assertEquals(List.of("sum", "launch_empty"), jobs.stream().map(j -> j.get("workload")).toList());
        assertEquals(5, jobs.get(0).get("reps"));
        assertEquals(1000, jobs.get(1).get("reps"));
        assertEquals(2000, jobs.get(1).get("warmups"));
    }

    @Test
    void mediansAreReadPerWorkloadAndSize(@TempDir Path dir) throws Exception {
        String python = fakePython(dir, "{\"info\": \"CuPy 14.2 on NVIDIA H200: 2 workloads\"}",
                "{\"workload\": \"sum\", \"size\": 33554432, \"median\": 4.6e-05, \"min\": 4e-05, \"max\": 5e-05, \"samples\": 5}",
                "{\"workload\": \"launch_empty\", \"size\": 64, \"error\": \"CUDARuntimeError: boom\"}");
        ExternalResults into = new ExternalResults();
        List<String> progress = new ArrayList<>();
        CupyPeer.run(ROWS, RunPlan.quickPlan(), into, progress::add, python);
        assertEquals(4.6e-05, into.median("cupy", "sum", 1L << 25));
        assertNull(into.median("cupy", "launch_empty", 64));
        assertEquals("cupy: no result for launch_empty at 64", into.whyMissing("cupy", "launch_empty", 64));
        assertFalse(into.isUnavailable("cupy"));
        assertEquals(List.of("cupy: CuPy 14.2 on NVIDIA H200: 2 workloads"), progress);
    }

    @Test
    void noCudaDeviceIsOneSkipNote(@TempDir Path dir) throws Exception {
        String python = fakePython(dir, "{\"unavailable\": \"no CUDA device (CUDARuntimeError: cudaErrorNoDevice)\"}");
        ExternalResults into = new ExternalResults();
        List<String> progress = new ArrayList<>();
        CupyPeer.run(ROWS, RunPlan.quickPlan(), into, progress::add, python);
        assertTrue(into.isUnavailable("cupy"));
        assertEquals(List.of("cupy: skipped: no CUDA device (CUDARuntimeError: cudaErrorNoDevice)"), into.unavailableNotes());
        assertEquals(1, progress.size(), progress.toString());
        assertTrue(progress.getFirst().contains("skipped: no CUDA device"), progress.toString());
    }

    @Test
    void noPythonIsOneSkipNote(@TempDir Path dir) {
        ExternalResults into = new ExternalResults();
        CupyPeer.run(ROWS, RunPlan.quickPlan(), into, s -> { }, dir.resolve("no-such-python").toString());
        assertEquals(1, into.unavailableNotes().size());
        assertTrue(into.unavailableNotes().getFirst().startsWith("cupy: skipped: "), into.unavailableNotes().toString());
        assertTrue(into.unavailableNotes().getFirst().contains("is not installed here"), into.unavailableNotes().toString());
    }

    @Test
    void garbageFromTheScriptIsANoteNotACrash(@TempDir Path dir) throws Exception {
        ExternalResults into = new ExternalResults();
        CupyPeer.run(ROWS, RunPlan.quickPlan(), into, s -> { }, fakePython(dir, "Traceback (most recent call last):"));
        assertTrue(into.unavailableNotes().getFirst().startsWith("cupy: the CuPy script failed: "), into.unavailableNotes().toString());
    }

    /** The real script, where python3 exists: it either measures (CuPy and a GPU here) or says in one note why not. */
    @Test
    void theRealScriptMeasuresOrSaysWhyNot() {
        Assumptions.assumeTrue(Processes.works("python3", "--version"), "python3 is not installed here");
        ExternalResults into = new ExternalResults();
        CupyPeer.run(List.of(Workloads.named("launch_empty")), RunPlan.quickPlan(), into, s -> { });
        if (into.isUnavailable("cupy")) {
            String note = into.unavailableNotes().getFirst();
            assertTrue(note.startsWith("cupy: skipped: CuPy is not installed here") || note.startsWith("cupy: skipped: no CUDA device"),
                    note);
        } else {
            assertTrue(into.median("cupy", "launch_empty", 64) > 0);
        }
    }
}
