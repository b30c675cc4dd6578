package org.jdpx.perf.suite.report;

import java.util.List;

/**
 * A whole run: the machine with its limits and one row per workload, size and device.
 *
 * @param machine the machine and its limits
 * @param limits  each device's limits, which its rows' "of limit" divides by
 * @param rows    the measurements
 */
public record Report(Machine machine, List<DeviceLimits> limits, List<Row> rows) {
}
