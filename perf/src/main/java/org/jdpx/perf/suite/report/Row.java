package org.jdpx.perf.suite.report;

import java.util.List;
import java.util.Map;

/**
 * One workload at one size on one device. Times are seconds. A device the workload skips, or
 * whose run failed, has null times and says why in {@code notes}; a baseline that could not run is
 * absent from {@code baselines} and named in {@code notes}.
 *
 * @param workload      workload name, e.g. {@code triad}
 * @param style         how jdpx expressed it: {@code kernel}, {@code usm}, ...
 * @param size          elements, bytes or steps, as the workload defines
 * @param dtype         element type
 * @param device        jdpx device filter string
 * @param medianSeconds median of the measured runs
 * @param minSeconds    fastest run
 * @param maxSeconds    slowest run
 * @param samples       measured runs
 * @param rate          work per second in {@code unit}, from the median
 * @param unit          {@code GB/s}, {@code GFLOP/s}, {@code launch/s}, ...
 * @param baselines     each baseline's median seconds at the same size
 * @param ratios        each baseline's median divided by this row's: above 1 jdpx is faster
 * @param limitFraction rate as a fraction of the machine limit (bandwidth or peak flops); null for latencies
 * @param notes         skips, fallbacks, missing baselines
 */
public record Row(String workload, String style, long size, String dtype, String device, Double medianSeconds,
                  Double minSeconds, Double maxSeconds, Integer samples, Double rate, String unit,
                  Map<String, Double> baselines, Map<String, Double> ratios, Double limitFraction, List<String> notes) {
}
