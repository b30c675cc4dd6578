package org.jdpx.perf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums a JFR recording's {@code jdpx.KernelLaunch} and {@code jdpx.UsmCopy} events per kernel (or
 * copy direction) and device, heaviest first: how many, the device time in all and per launch
 * (where the queue profiled: {@code JDPX_QUEUE_PROFILING=1}), the launch calls' time on the host
 * and the events' queued-to-end time in all. What a GPU session uses to see where an array
 * program's time goes, e.g.
 * {@code JDPX_QUEUE_PROFILING=1 java -XX:StartFlightRecording=filename=r.jfr ... jdpx bench --only solve_f64_1024},
 * then {@code KernelTimes r.jfr}.
 */
public final class KernelTimes {

    private KernelTimes() {
    }

    /** One row's sums, in nanoseconds. */
    private static final class Row {
        long count;
        long device;
        long deviceCount;
        long call;
        long span;
        long bytes;
    }

    /** Usage: {@code KernelTimes FILE.jfr [ROWS]} (default 25 rows). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) throw new IllegalArgumentException("usage: KernelTimes FILE.jfr [ROWS]");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        System.out.print(summary(RecordingFile.readAllEvents(Path.of(args[0])), limit));
    }

    /** The table for {@code events}, at most {@code limit} rows plus a total. */
    static String summary(List<RecordedEvent> events, int limit) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            String key;
            if (type.equals("jdpx.KernelLaunch")) key = "kernel " + e.getString("kernel") + " on " + e.getString("device");
            else if (type.equals("jdpx.UsmCopy")) key = "copy " + e.getValue("direction") + " on " + e.getValue("device");
            else continue;
            Row r = rows.computeIfAbsent(key, k -> new Row());
            r.count++;
            r.span += e.getDuration().toNanos();
            if (type.equals("jdpx.KernelLaunch")) {
                r.call += e.getDuration("launchCall").toNanos();
                long d = e.getLong("deviceTime");
                if (d != Long.MIN_VALUE) {
                    r.device += d;
                    r.deviceCount++;
                }
            } else {
                r.bytes += e.getLong("bytes");
            }
        }
        List<Map.Entry<String, Row>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, Row> x) -> -Math.max(x.getValue().device, 0))
                .thenComparingLong(x -> -x.getValue().span));
        StringBuilder out = new StringBuilder(String.format("%8s %12s %10s %10s %12s  %s%n", "count", "device ms",
                "device µs", "call µs", "span ms", "kernel or copy"));
        Row total = new Row();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i).getValue();
            total.count += r.count;
            total.device += r.device;
            total.call += r.call;
            total.span += r.span;
            if (i < limit) {
                out.append(String.format("%8d %12s %10s %10.1f %12.3f  %s%s%n", r.count,
                        r.deviceCount > 0 ? String.format("%.3f", r.device / 1e6) : "n/a",
                        r.deviceCount > 0 ? String.format("%.1f", r.device / 1e3 / r.deviceCount) : "n/a",
                        r.call / 1e3 / r.count, r.span / 1e6, sorted.get(i).getKey(),
                        r.bytes > 0 ? String.format(" (%.1f MB)", r.bytes / 1e6) : ""));
            }
        }
        out.append(String.format("%8d %12.3f %10s %10s %12.3f  total of %d rows%n", total.count, total.device / 1e6, "", "",
                total.span / 1e6, sorted.size()));
        return out.toString();
    }
}
