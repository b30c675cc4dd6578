package org.jdpx.perf.suite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jdpx.device.Device;
import org.jdpx.perf.suite.report.Machine;
import org.jdpx.perf.suite.report.Report;
import org.jdpx.perf.suite.report.Row;

/**
 * Runs the performance report: the machine's limits, the external baselines (NumPy, C), then per
 * workload and size the in-process baselines and jdpx on every device. Progress goes to the given
 * consumer; nothing is printed here.
 */
public final class Suite {

    private final RunPlan plan;
    private final Consumer<String> progress;
    private final long started = System.nanoTime();

    /** A suite run under {@code plan} that reports progress lines to {@code progress}. */
    public Suite(RunPlan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** Measures {@code workloads} on {@code devices} and returns the report. */
    public Report run(List<Workload> workloads, List<Device> devices) {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        MachineProbe.Cpu cpu = MachineProbe.probe();
        progress.accept("machine: " + cpu.name() + ", " + cpu.cores() + " cores; peak " + cpu.peak().derivation());
        double stream = streamTriad();
        progress.accept(String.format(Locale.ROOT, "machine: Java STREAM triad on %d threads %.1f GB/s", JavaLoops.threads(), stream));
        ExternalResults external = new ExternalResults();
        NumpyPeer.run(workloads, plan, external, progress);
        NativePeer.run(workloads, plan, external, progress);
        List<String> notes = new ArrayList<>(external.unavailableNotes());
        List<Row> rows = new ArrayList<>();
        int total = workloads.stream().mapToInt(w -> w.sizes(plan.quick()).size()).sum(), done = 0;
        for (Workload w : workloads) {
            for (long size : w.sizes(plan.quick())) {
                progress.accept(String.format(Locale.ROOT, "[%d/%d] %s size %d", ++done, total, w.name(), size));
                List<String> rowNotes = new ArrayList<>();
                Map<String, Double> baselines = peers(w, size, external, rowNotes);
                for (Device d : devices) {
                    rows.add(onDevice(w, size, d, baselines, rowNotes, stream, cpu.peak().gflops()));
                }
            }
        }
        Machine machine = new Machine(cpu.name(), cpu.cores(), stream, cpu.peak().gflops(), cpu.peak().derivation(),
                external.machine("cStreamTriadGBs"), external.machine("fmaProbeGflopsF32"), date, plan.quick(), notes);
        return new Report(machine, rows);
    }

    /** The bandwidth limit: best of several triads on all threads once the JIT has compiled the loop, as STREAM reports. */
    private double streamTriad() {
        long n = StreamWorkloads.BIG.getFirst();
        try (Trial t = StreamWorkloads.triadJava(n, true)) {
            return 12.0 * n / Timer.measure(t, 4, plan.quick() ? 8 : 20, plan.quick() ? 1.5 : 4).min() / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("the Java STREAM triad failed: " + e.getMessage(), e);
        }
    }

    private double budget() {
        return plan.budgetAt((System.nanoTime() - started) * 1e-9);
    }

    private Map<String, Double> peers(Workload w, long size, ExternalResults external, List<String> notes) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Peer p : w.peers()) {
            try (Trial t = p.body().open(size)) {
                Timing timing = Timer.measure(t, plan, w, budget());
                out.put(p.name(), timing.median());
                if (t.note() != null) notes.add(p.name() + ": " + t.note());
                progress.accept("    " + p.name() + " " + describe(w, size, timing));
            } catch (Exception | LinkageError e) {
                notes.add(p.name() + ": did not run: " + message(e));
                progress.accept("    " + p.name() + " did not run: " + message(e));
            }
        }
        for (String name : w.externalPeers()) {
            Double median = external.median(name, w.name(), size);
            if (median != null) {
                out.put(name, median);
                progress.accept(String.format(Locale.ROOT, "    %s %s %.3g %s", name, Format.seconds(median),
                        w.rate().of(size, median), w.rate().unit()));
            } else {
                notes.add(external.whyMissing(name, w.name(), size));
            }
        }
        return out;
    }

    private Row onDevice(Workload w, long size, Device d, Map<String, Double> baselines, List<String> peerNotes,
                         double stream, double peak) {
        List<String> notes = new ArrayList<>(peerNotes);
        String skip = w.skipReason(d);
        if (skip != null) {
            notes.addFirst("not run on " + d.filterString() + ": " + skip);
            progress.accept("    " + d.filterString() + " skipped: " + skip);
            return Rows.of(w, size, d.filterString(), null, baselines, notes, stream, peak);
        }
        try (Trial t = w.body().open(d, size)) {
            Timing timing = Timer.measure(t, plan, w, budget());
            progress.accept("    jdpx " + d.filterString() + " " + describe(w, size, timing));
            return Rows.of(w, size, d.filterString(), timing, baselines, notes, stream, peak);
        } catch (Exception | LinkageError e) {
            notes.addFirst("failed on " + d.filterString() + ": " + message(e));
            progress.accept("    jdpx " + d.filterString() + " failed: " + message(e));
            return Rows.of(w, size, d.filterString(), null, baselines, notes, stream, peak);
        }
    }

    private static String describe(Workload w, long size, Timing t) {
        return String.format(Locale.ROOT, "%s (%d runs, %s..%s) %.3g %s", Format.seconds(t.median()), t.samples(),
                Format.seconds(t.min()), Format.seconds(t.max()), w.rate().of(size, t.median()), w.rate().unit());
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
