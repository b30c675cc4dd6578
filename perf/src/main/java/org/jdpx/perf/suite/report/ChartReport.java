package org.jdpx.perf.suite.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.perf.suite.Format;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The ratios as a PNG bar chart (XChart): one group of bars per measured row (workload, size,
 * device), one bar per baseline: the baseline's time over jdpx's on a log scale, drawn from ×1, so
 * bars going up are baselines jdpx beats and bars going down are baselines faster than jdpx.
 * (XChart's log axis cannot draw bars, which start at 0; the bars are log10 values on a linear
 * axis whose labels show the ratios.)
 */
public final class ChartReport {

    private ChartReport() {
    }

    /** Writes the chart of {@code report} to {@code file} (PNG). */
    public static void write(Report report, Path file) throws IOException {
        List<Row> measured = report.rows().stream().filter(r -> r.medianSeconds() != null && !r.ratios().isEmpty()).toList();
        if (measured.isEmpty()) throw new IllegalArgumentException("no measured row has a baseline: nothing to chart");
        List<String> labels = new ArrayList<>();
        for (Row r : measured) labels.add(r.workload() + " " + shortSize(r.size()) + " @" + r.device());
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(1200, 60 * labels.size())).height(900)
                .title("jdpx speed-up over each baseline (baseline time / jdpx time; >1: jdpx faster) — "
                        + report.machine().cpu() + ", " + report.machine().date())
                .xAxisTitle("workload, size, jdpx device").yAxisTitle("jdpx speed-up (log scale)").build();
        Styler s = chart.getStyler();
        chart.setCustomYAxisTickLabelsFormatter(v -> "×" + Format.number(Math.pow(10, v)));
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(false);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        for (String name : MarkdownReport.baselineNames(report)) {
            List<Double> values = new ArrayList<>();
            for (Row r : measured) {
                Double ratio = r.ratios().get(name);
                values.add(ratio == null ? null : Math.log10(ratio));
            }
            if (values.stream().allMatch(v -> v == null)) continue;
            chart.addSeries(name, labels, values);
        }
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static String shortSize(long n) {
        if (n >= 1 << 20 && Long.bitCount(n) == 1) return "2^" + Long.numberOfTrailingZeros(n);
        return Long.toString(n);
    }
}
