package org.jdpx.perf.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.perf.suite.report.Row;

/** Turns a measurement and its baselines into a report row: rate, ratios and fraction of the machine limit. */
public final class Rows {

    private Rows() {
    }

    /**
     * The row of {@code timing} (null when the device was skipped or failed; {@code notes} say why).
     * Ratios are baseline median / jdpx median, so above 1 jdpx is faster. The limit fraction is
     * the rate over {@code bandwidthGBs} for memory-bound workloads, over {@code peakGflopsF32}
     * (or half of it for fp64) for compute-bound ones, and null for latencies.
     */
    public static Row of(String workload, String style, String dtype, long size, String device, Rate rate,
                         Timing timing, Map<String, Double> baselines, List<String> notes,
                         double bandwidthGBs, double peakGflopsF32) {
        Map<String, Double> base = new LinkedHashMap<>(baselines);
        if (timing == null) {
            return new Row(workload, style, size, dtype, device, null, null, null, null, null, rate.unit(),
                    base, Map.of(), null, List.copyOf(notes));
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        base.forEach((name, seconds) -> ratios.put(name, seconds / timing.median()));
        double r = rate.of(size, timing.median());
        Double limit = switch (rate.limit()) {
            case MEMORY -> bandwidthGBs > 0 ? r / bandwidthGBs : null;
            case COPY -> bandwidthGBs > 0 ? 2 * r / bandwidthGBs : null;
            case FLOPS_F32 -> peakGflopsF32 > 0 ? r / peakGflopsF32 : null;
            case FLOPS_F64 -> peakGflopsF32 > 0 ? r / (peakGflopsF32 / 2) : null;
            case NONE -> null;
        };
        return new Row(workload, style, size, dtype, device, timing.median(), timing.min(), timing.max(),
                timing.samples(), r, rate.unit(), base, ratios, limit, List.copyOf(notes));
    }

    /** A row for a workload as registered. */
    static Row of(Workload w, long size, String device, Timing timing, Map<String, Double> baselines,
                  List<String> notes, double bandwidthGBs, double peakGflopsF32) {
        return of(w.name(), w.style(), w.dtype(), size, device, w.rate(), timing, baselines, notes, bandwidthGBs, peakGflopsF32);
    }
}
