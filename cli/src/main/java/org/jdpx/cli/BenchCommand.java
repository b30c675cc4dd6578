package org.jdpx.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.perf.suite.RunPlan;
import org.jdpx.perf.suite.Suite;
import org.jdpx.perf.suite.Workload;
import org.jdpx.perf.suite.Workloads;
import org.jdpx.perf.suite.report.ChartReport;
import org.jdpx.perf.suite.report.JsonReport;
import org.jdpx.perf.suite.report.MarkdownReport;
import org.jdpx.perf.suite.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jdpx bench}: every workload on every device next to its baselines and the machine's
 * limits, in one run; prints progress, then writes JSON, Markdown and a PNG chart as asked.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the performance report: each workload on each device, next to plain Java, Aparapi, "
                + "NumPy, C/OpenMP and this machine's bandwidth and peak FLOP/s.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer repetitions: about 2 minutes instead of 10 on 2 cores.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--md", paramLabel = "FILE", description = "Write the report as Markdown.")
    Path markdown;

    @Option(names = "--png", paramLabel = "FILE", description = "Write a chart of the speed-ups over each baseline.")
    Path png;

    @Option(names = "--only", split = ",", paramLabel = "WORKLOAD", description = "Run only these workloads (comma-separated names).")
    List<String> only;

    @Option(names = "--device", split = ",", paramLabel = "FILTER", description = "Run only on these devices (filter strings); default: all.")
    List<String> deviceFilters;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<Workload> workloads = only == null ? Workloads.all() : only.stream().map(Workloads::named).toList();
        List<Device> devices = deviceFilters == null ? Devices.all()
                : deviceFilters.stream().map(f -> Devices.find(f).orElseThrow(() -> new IllegalArgumentException(
                        "no device matches " + f + "; devices here: " + Devices.registry().filterStrings()))).toList();
        out.println("jdpx bench" + (quick ? " --quick" : "") + ": " + workloads.size() + " workloads on "
                + devices.stream().map(Device::filterString).toList()
                + (System.getenv("RUSTICL_ENABLE") == null ? " (set RUSTICL_ENABLE=llvmpipe to add rusticl)" : ""));
        long t0 = System.nanoTime();
        Report report = new Suite(quick ? RunPlan.quickPlan() : RunPlan.fullPlan(),
                line -> out.printf(Locale.ROOT, "%6.1fs %s%n", (System.nanoTime() - t0) * 1e-9, line))
                .run(workloads, devices);
        if (json != null) JsonReport.write(report, json);
        if (markdown != null) Files.writeString(markdown, MarkdownReport.render(report));
        if (png != null) ChartReport.write(report, png);
        out.printf(Locale.ROOT, "done in %.0f s: %d rows%s%s%s%n", (System.nanoTime() - t0) * 1e-9, report.rows().size(),
                json == null ? "" : ", " + json, markdown == null ? "" : ", " + markdown, png == null ? "" : ", " + png);
        if (json == null && markdown == null && png == null) out.print(MarkdownReport.render(report));
        return 0;
    }
}
