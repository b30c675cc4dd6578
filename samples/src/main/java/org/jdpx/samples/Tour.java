package org.jdpx.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdpx.device.Device;

/**
 * Runs samples one after another on one device and collects, for each, where its result lives,
 * whether it matched the plain-Java reference and how long it took (wall clock, including the
 * first compilation of its kernels); then the compute-follows-data demonstration. Printing is
 * the caller's business ({@code jdpx tour}).
 */
public final class Tour {
    private Tour() {
    }

    /** One sample's run. {@code device} is null when it failed before producing a result. */
    public record Entry(String name, String style, String device, String precision, boolean ok, double seconds,
                        String detail, String output) {
    }

    /** The whole tour on {@code device}. */
    public record Report(String device, List<Entry> samples, ComputeFollowsData.Outcome placement) {
        /** Whether every sample and the placement demonstration were right. */
        public boolean allOk() {
            return placement.ok() && samples.stream().allMatch(Entry::ok);
        }
    }

    /**
     * Runs {@code samples} on {@code device}, then the compute-follows-data demonstration;
     * {@code onEach} sees each entry as soon as its sample has finished.
     */
    public static Report run(Device device, List<Sample> samples, Consumer<Entry> onEach) {
        List<Entry> entries = new ArrayList<>();
        for (Sample s : samples) {
            Entry e = runOne(s, device);
            onEach.accept(e);
            entries.add(e);
        }
        return new Report(device.filterString(), List.copyOf(entries), ComputeFollowsData.demonstrate(device));
    }

    /** Runs one sample; an exception becomes a failed entry naming it, so the tour goes on. */
    public static Entry runOne(Sample s, Device device) {
        long t0 = System.nanoTime();
        try {
            Sample.Result r = s.run(device);
            return new Entry(s.name(), s.style().label(), r.device(), r.precision(), r.ok(), seconds(t0), r.detail(),
                    r.output() == null ? null : r.output().toString());
        } catch (RuntimeException | LinkageError e) {
            return new Entry(s.name(), s.style().label(), null, null, false, seconds(t0), describe(e), null);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) sb.append("; caused by ").append(c);
        return sb.toString();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
