package org.jdpx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.distributed.DistContext;
import org.jdpx.distributed.DistributionReport;
import org.jdpx.distributed.samples.DistributedSamples;
import org.jdpx.samples.ComputeFollowsData;
import org.jdpx.samples.MandelbrotKernel;
import org.jdpx.samples.Samples;
import org.jdpx.samples.Tour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jdpx tour}: every sample program on one device, each checked against plain Java. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"Run the sample programs (pi, l2 distance, logistic regression, softmax, Jacobi, Black-Scholes,"
                + " Mandelbrot, matmul, gemv) in each style on one device, check each against a plain-Java reference,"
                + " and show where each ran and how long it took; then show compute follows data.",
                "With --distributed: the distributed versions (pi, l2 distance, logistic regression, Black-Scholes,"
                + " Jacobi with halos) on an embedded Spark local[cores], each block on the device, each checked against"
                + " the single-process program.",
                "Exit status 0 when every sample is ok, 1 otherwise."})
final class TourCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "FILTER",
            description = "Device filter string, e.g. opencl:cpu:1, java:cpu, gpu:0 (default: the default device).")
    String device;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Where the Mandelbrot sample writes its picture"
            + " (default: jdpx-mandelbrot.png in the temporary directory).")
    Path png;

    @Option(names = "--distributed", description = "Run the distributed samples on an embedded local Spark instead.")
    boolean distributed;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "6",
            description = "Blocks per distributed array with --distributed (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Override
    public Integer call() throws Exception {
        OptionChecks.writable(spec, "--png", png);
        DeviceRegistry registry = main.registry();
        Device d = device == null ? registry.defaultDevice() : OptionChecks.select(spec, registry, "--device", device);
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        if (!json) {
            out.println("jdpx tour" + (distributed ? " --distributed" : "") + " on " + d.filterString() + " (" + d.name() + ")"
                    + (device != null && !device.equals(d.filterString()) ? ", asked for " + device : ""));
        }
        Tour.Report report;
        if (distributed) {
            if (blocks < 1) throw OptionChecks.bad(spec, "--blocks", blocks, "must be at least 1 (blocks per distributed array)", null);
            try (DistContext ctx = DistContext.local(Runtime.getRuntime().availableProcessors())) {
                report = Tour.run(d, DistributedSamples.all(ctx, blocks), e -> { if (!json) printEntry(e, out); });
                if (!json) printDistribution(ctx.report(), out);
            }
        } else {
            report = Tour.run(d, Samples.all(png == null ? MandelbrotKernel.defaultPng() : png),
                    e -> { if (!json) printEntry(e, out); });
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(report)));
        } else {
            printSummary(report, (System.nanoTime() - t0) / 1e9, out);
        }
        return report.allOk() ? 0 : 1;
    }

    static Map<String, Object> toJson(Tour.Report report) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (Tour.Entry e : report.samples()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("style", e.style());
            m.put("device", e.device());
            m.put("ok", e.ok());
            m.put("seconds", e.seconds());
            m.put("precision", e.precision());
            m.put("detail", e.detail());
            if (e.output() != null) m.put("output", e.output());
            samples.add(m);
        }
        ComputeFollowsData.Outcome p = report.placement();
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("error", p.error());
        placement.put("fixedDevice", p.fixedDevice());
        placement.put("xDevice", p.xDevice());
        placement.put("yPlace", p.yPlace());
        placement.put("ok", p.ok());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("device", report.device());
        root.put("ok", report.allOk());
        root.put("samples", samples);
        root.put("placement", placement);
        return root;
    }

    private static void printEntry(Tour.Entry e, PrintStream out) {
        out.printf(Locale.ROOT, "  %-20s %-7s %-14s %-8s %-4s %7.3f s  %s%n", e.name(), e.style(),
                e.device() == null ? "-" : e.device(), e.precision() == null ? "-" : e.precision(),
                e.ok() ? "ok" : "FAIL", e.seconds(), e.detail());
    }

    /** How many distributed values got which layout and which operations shuffled (the report in brief). */
    private static void printDistribution(DistributionReport r, PrintStream out) {
        Map<String, Long> layouts = new java.util.TreeMap<>();
        r.arrays().forEach(a -> layouts.merge(a.layout().replaceAll("\\(.*", ""), 1L, Long::sum));
        Map<String, Long> shuffles = new java.util.TreeMap<>();
        r.shuffles().forEach(o -> shuffles.merge(o.operation().replaceAll(" of .*| [a-z]+[0-9]+ @.*", ""), 1L, Long::sum));
        out.println();
        out.println("Distribution: arrays by layout " + layouts + "; " + r.operations().size() + " operations, shuffles " + shuffles);
    }

    private static void printSummary(Tour.Report r, double seconds, PrintStream out) {
        ComputeFollowsData.Outcome p = r.placement();
        out.println();
        out.println("Compute follows data: x on " + p.xDevice() + ", y on " + p.yPlace() + ".");
        out.println("  x.add(y): " + (p.error() == null ? "ran, but should have thrown ExecutionPlacementError (FAIL)"
                : "ExecutionPlacementError: " + p.error()));
        out.println("  x.add(y.toDevice(x.queue())): ran on " + p.fixedDevice() + (p.ok() ? "" : " (FAIL)"));
        r.samples().stream().filter(e -> e.output() != null).forEach(e -> out.println(e.name() + " picture: " + e.output()));
        long ok = r.samples().stream().filter(Tour.Entry::ok).count();
        out.printf(Locale.ROOT, "%n%d of %d samples ok on %s in %.1f s (each time includes compiling its kernels)%s%n", ok,
                r.samples().size(), r.device(), seconds, r.allOk() ? "" : " — see FAIL above");
    }
}
