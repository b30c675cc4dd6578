package org.jdpx.perf.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.perf.suite.report.DeviceLimits;
import org.jdpx.perf.suite.report.Row;

/** Turns a measurement and its baselines into a report row: rate, ratios and fraction of the device's limit. */
public final class Rows {

    private Rows() {
    }

    /**
     * The row of {@code timing} (null when the device was skipped or failed; {@code notes} say why).
     * Ratios are baseline median / jdpx median, so above 1 jdpx is faster. The limit fraction is
     * the rate over the device's bandwidth for memory-bound workloads (host copies: bytes read and
     * written, on host devices only), over its fp32 or fp64 peak for compute-bound ones, and null
     * for latencies or where the limit is unknown (see {@link Limits}).
     */
    public static Row of(String workload, String style, String dtype, long size, String device, Rate rate,
                         Timing timing, Map<String, Double> baselines, List<String> notes, DeviceLimits limits) {
        Map<String, Double> base = new LinkedHashMap<>(baselines);
        if (timing == null) {
            return new Row(workload, style, size, dtype, device, null, null, null, null, null, rate.unit(),
                    base, Map.of(), null, List.copyOf(notes));
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        base.forEach((name, seconds) -> ratios.put(name, seconds / timing.median()));
        double r = rate.of(size, timing.median());
        Double limit = switch (rate.limit()) {
            case MEMORY -> over(r, limits.bandwidthGBs());
            case COPY -> limits.host() ? over(2 * r, limits.bandwidthGBs()) : null;
            case FLOPS_F32 -> over(r, limits.peakGflopsF32());
            case FLOPS_F64 -> over(r, limits.peakGflopsF64());
            case NONE -> null;
        };
        return new Row(workload, style, size, dtype, device, timing.median(), timing.min(), timing.max(),
                timing.samples(), r, rate.unit(), base, ratios, limit, List.copyOf(notes));
    }

    private static Double over(double rate, Double limit) {
        return limit != null && limit > 0 ? rate / limit : null;
    }

    /** A row for a workload as registered. */
    static Row of(Workload w, long size, String device, Timing timing, Map<String, Double> baselines,
                  List<String> notes, DeviceLimits limits) {
        return of(w.name(), w.style(), w.dtype(), size, device, w.rate(), timing, baselines, notes, limits);
    }
}
