package org.jdpx.perf.suite;

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
        List<Map<String, Object>> jobs = PythonPeer.jobs(workloads, plan, NAME);
        if (jobs.isEmpty()) return;
        if (!Processes.works("python3", "-c", "import numpy")) {
            into.unavailable(NAME, "python3 with NumPy is not installed here (apt-get install python3-numpy, or pip install numpy)");
            return;
        }
        try {
            String version = Processes.run(30, Map.of(), null, "python3", "-c", "import numpy; print(numpy.__version__)").strip();
            progress.accept("numpy " + version + ": " + jobs.size() + " workloads");
            PythonPeer.read(NAME, PythonPeer.run("python3", "numpy_peer.py", jobs), into);
        } catch (Exception e) {
            into.unavailable(NAME, "the NumPy script failed: " + e.getMessage());
        }
    }
}
