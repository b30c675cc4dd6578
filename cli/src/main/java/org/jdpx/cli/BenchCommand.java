package org.jdpx.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.perf.suite.RunPlan;
import org.jdpx.perf.suite.Suite;
import org.jdpx.perf.suite.Workload;
import org.jdpx.perf.suite.Workloads;
import org.jdpx.perf.suite.report.ChartReport;
import org.jdpx.perf.suite.report.JsonReport;
import org.jdpx.perf.suite.report.MarkdownReport;
import org.jdpx.perf.suite.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jdpx bench}: every workload on every device next to its baselines and the machine's
 * limits, in one run; prints progress, then writes JSON, Markdown and a PNG chart as asked.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the performance report: each workload on each device, next to plain Java, Aparapi, "
                + "NumPy, C/OpenMP, CuPy (where a CUDA GPU is) and each device's bandwidth and peak FLOP/s.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

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
        // Every option is checked before the run, which takes minutes and would otherwise be lost.
        OptionChecks.writable(spec, "--json", json);
        OptionChecks.writable(spec, "--md", markdown);
        OptionChecks.writable(spec, "--png", png);
        List<Workload> workloads = only == null ? Workloads.all() : only.stream().map(this::workload).toList();
        DeviceRegistry registry = main.registry();
        List<Device> devices = deviceFilters == null ? registry.devices()
                : deviceFilters.stream().map(f -> OptionChecks.find(spec, registry, "--device", f)).toList();
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

    private Workload workload(String name) {
        try {
            return Workloads.named(name);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.bad(spec, "--only", name, e.getMessage(), e);
        }
    }
}
