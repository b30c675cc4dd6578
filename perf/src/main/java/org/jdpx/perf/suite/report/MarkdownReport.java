package org.jdpx.perf.suite.report;

import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdpx.perf.suite.Format;

/** The report as Markdown tables: the machine and its limits, then one line per row. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown text of {@code report}. */
    public static String render(Report report) {
        Machine m = report.machine();
        StringBuilder out = new StringBuilder();
        out.append("| machine | |\n|---|---|\n");
        out.append("| date (UTC) | ").append(m.date()).append(m.quick() ? " (quick run)" : " (full run)").append(" |\n");
        out.append("| CPU | ").append(m.cpu()).append(", ").append(m.cores()).append(" cores |\n");
        out.append(String.format(Locale.ROOT, "| bandwidth limit | Java STREAM triad, all threads, float32 2^25: %.1f GB/s |%n", m.streamTriadGBs()));
        if (m.cStreamTriadGBs() != null) {
            out.append(String.format(Locale.ROOT, "| C STREAM triad | gcc -O3 -march=native OpenMP, float 2^25: %.1f GB/s |%n", m.cStreamTriadGBs()));
        }
        out.append(String.format(Locale.ROOT, "| fp32 peak | %.1f GFLOP/s: %s |%n", m.peakGflopsF32(), m.peakDerivation()));
        if (m.fmaProbeGflopsF32() != null) {
            out.append(String.format(Locale.ROOT, "| C FMA probe | register-only AVX2 FMA loop, all cores: %.1f GFLOP/s |%n", m.fmaProbeGflopsF32()));
        }
        for (String n : m.notes()) out.append("| note | ").append(n).append(" |\n");
        deviceLimits(report, out);
        out.append("\nTimes are medians (fastest..slowest in brackets). Each baseline shows its median and, in bold, ")
                .append("its median divided by jdpx's: **×2** means jdpx took half the baseline's time. ")
                .append("\"of limit\" is the rate over the row's device's limit above: its bandwidth (GB/s rows; ")
                .append("host copies count bytes read and written, on host devices only) or its fp32 or fp64 peak ")
                .append("(GFLOP/s rows); empty where that limit is unknown.\n\n");
        out.append("| workload | style | size | dtype | device | median | rate | of limit | baselines (×jdpx speed-up) | notes |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : report.rows()) {
            out.append("| ").append(r.workload()).append(" | ").append(r.style()).append(" | ").append(r.size())
                    .append(" | ").append(r.dtype()).append(" | ").append(r.device()).append(" | ");
            if (r.medianSeconds() != null) {
                out.append(Format.seconds(r.medianSeconds())).append(" (").append(Format.seconds(r.minSeconds()))
                        .append("..").append(Format.seconds(r.maxSeconds())).append(", n=").append(r.samples()).append(") | ")
                        .append(Format.number(r.rate())).append(' ').append(r.unit()).append(" | ")
                        .append(r.limitFraction() == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * r.limitFraction()));
            } else {
                out.append("– | – | ");
            }
            out.append(" | ").append(baselines(r)).append(" | ").append(String.join("; ", r.notes()).replace("|", "/")).append(" |\n");
        }
        return out.toString();
    }

    /** One line per device: the limits its rows are a fraction of, and where they come from. */
    private static void deviceLimits(Report report, StringBuilder out) {
        if (report.limits() == null || report.limits().isEmpty()) return;
        out.append("\n| device | bandwidth limit | fp32 peak | fp64 peak | peak derivation |\n|---|---|---|---|---|\n");
        for (DeviceLimits l : report.limits()) {
            out.append("| ").append(l.device()).append(" | ")
                    .append(l.bandwidthGBs() == null ? "unknown" : Format.number(l.bandwidthGBs()) + " GB/s")
                    .append(": ").append(l.bandwidthSource()).append(" | ").append(gflops(l.peakGflopsF32()))
                    .append(" | ").append(gflops(l.peakGflopsF64())).append(" | ").append(l.peakDerivation()).append(" |\n");
        }
    }

    private static String gflops(Double v) {
        return v == null ? "unknown" : Format.number(v) + " GFLOP/s";
    }

    private static String baselines(Row r) {
        return r.baselines().entrySet().stream().map(e -> e.getKey() + " " + Format.seconds(e.getValue())
                + (r.ratios().containsKey(e.getKey()) ? String.format(Locale.ROOT, " **×%.2g**", r.ratios().get(e.getKey())) : ""))
                .collect(Collectors.joining(", "));
    }

    /** Baseline names that occur in the report, sorted. */
    static TreeSet<String> baselineNames(Report report) {
        TreeSet<String> names = new TreeSet<>();
        for (Row r : report.rows()) names.addAll(r.ratios().keySet());
        return names;
    }
}
