package org.jdpx.perf.suite;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code cupy} baseline, the GPU peer a Python user would pick: {@code cupy_peer.py} run once
 * through {@code python3} with every workload and size that names it (sum, softmax,
 * {@code fused_a_plus_b_5c} as written, triad, matmul, {@code launch_empty} and {@code copy_d2d}),
 * each written as a CuPy user would and timed by wall clock until the GPU has finished (as jdpx's
 * rows are). Skipped with one note when python3, CuPy or a CUDA device is absent.
 */
final class CupyPeer {

    static final String NAME = "cupy";

    private CupyPeer() {
    }

    static void run(List<Workload> workloads, RunPlan plan, ExternalResults into, Consumer<String> progress) {
        run(workloads, plan, into, progress, "python3");
    }

    /** As {@link #run(List, RunPlan, ExternalResults, Consumer)} with another Python interpreter (tests pass a fake one). */
    static void run(List<Workload> workloads, RunPlan plan, ExternalResults into, Consumer<String> progress,
                    String python) {
        List<Map<String, Object>> jobs = PythonPeer.jobs(workloads, plan, NAME);
        if (jobs.isEmpty()) return;
        if (!Processes.works(python, "--version")) {
            into.unavailable(NAME, "skipped: " + python + " is not installed here, and CuPy runs in it");
            return;
        }
        try {
            List<String> info = PythonPeer.read(NAME, PythonPeer.run(python, "cupy_peer.py", jobs), into);
            if (into.isUnavailable(NAME)) {
                into.unavailableNotes().stream().filter(n -> n.startsWith(NAME + ":")).forEach(progress);
            } else {
                info.forEach(i -> progress.accept(NAME + ": " + i));
            }
        } catch (Exception e) {
            into.unavailable(NAME, "the CuPy script failed: " + e.getMessage());
        }
    }
}
