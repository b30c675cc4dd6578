package org.jdpx.perf.suite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdpx.device.Device;
import org.jdpx.perf.suite.report.DeviceLimits;
import org.jdpx.perf.suite.report.Machine;
import org.jdpx.perf.suite.report.Report;
import org.jdpx.perf.suite.report.Row;

/**
 * Runs the performance report: the machine's limits, each device's limits ({@link Limits}: a
 * device with memory of its own gets its {@code copy_d2d} measured first, and that row reuses the
 * measurement), the external baselines (NumPy, C, CuPy), then per workload and size the
 * in-process baselines and jdpx on every device. Progress goes to the given consumer; nothing is
 * printed here.
 */
public final class Suite {

    private final RunPlan plan;
    private final Consumer<String> progress;
    private final long started = System.nanoTime();
    /** {@code copy_d2d} timings measured for device limits, reused as that workload's rows. */
    private final Map<Device, Timing> copyProbes = new HashMap<>();

    /** Which devices have memory of their own, so that their {@code copy_d2d} is their bandwidth limit. */
    private final Predicate<Device> ownMemory;

    /** A suite run under {@code plan} that reports progress lines to {@code progress}. */
    public Suite(RunPlan plan, Consumer<String> progress) {
        this(plan, progress, d -> !Limits.isHost(d.info()));
    }

    /** As {@link #Suite(RunPlan, Consumer)}, with the devices to treat as having memory of their own (tests: a CPU device as a GPU). */
    Suite(RunPlan plan, Consumer<String> progress, Predicate<Device> ownMemory) {
        this.plan = plan;
        this.progress = progress;
        this.ownMemory = ownMemory;
    }

    /** Measures {@code workloads} on {@code devices} and returns the report. */
    public Report run(List<Workload> workloads, List<Device> devices) {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        MachineProbe.Cpu cpu = MachineProbe.probe();
        progress.accept("machine: " + cpu.name() + ", " + cpu.cores() + " cores; peak " + cpu.peak().derivation());
        double stream = streamTriad();
        progress.accept(String.format(Locale.ROOT, "machine: Java STREAM triad on %d threads %.1f GB/s", JavaLoops.threads(), stream));
        Map<Device, DeviceLimits> limits = new LinkedHashMap<>();
        for (Device d : devices) {
            limits.put(d, limitsOf(d, stream, cpu.peak()));
        }
        ExternalResults external = new ExternalResults();
        NumpyPeer.run(workloads, plan, external, progress);
        NativePeer.run(workloads, plan, external, progress);
        CupyPeer.run(workloads, plan, external, progress);
        List<String> notes = new ArrayList<>(external.unavailableNotes());
        List<Row> rows = new ArrayList<>();
        int total = workloads.stream().mapToInt(w -> w.sizes(plan.quick()).size()).sum(), done = 0;
        for (Workload w : workloads) {
            for (long size : w.sizes(plan.quick())) {
                progress.accept(String.format(Locale.ROOT, "[%d/%d] %s size %d", ++done, total, w.name(), size));
                List<String> rowNotes = new ArrayList<>();
                Map<String, Double> baselines = peers(w, size, external, rowNotes);
                for (Device d : devices) {
                    rows.add(onDevice(w, size, d, baselines, rowNotes, limits.get(d)));
                }
            }
        }
        Machine machine = new Machine(cpu.name(), cpu.cores(), stream, cpu.peak().gflops(), cpu.peak().derivation(),
                external.machine("cStreamTriadGBs"), external.machine("fmaProbeGflopsF32"), date, plan.quick(), notes);
        return new Report(machine, List.copyOf(limits.values()), rows);
    }

    /** The device's limits; a device with memory of its own has its {@code copy_d2d} measured for them. */
    private DeviceLimits limitsOf(Device d, double stream, Peak hostPeak) {
        DeviceLimits out;
        if (!ownMemory.test(d)) {
            out = Limits.host(d.filterString(), stream, hostPeak);
        } else {
            long n = MemoryWorkloads.COPY_BYTES;
            Double gbs = null;
            String why = null;
            try (Trial t = MemoryWorkloads.copyD2dOn(d, n)) {
                Timing timing = Timer.measure(t, plan.warmups(), plan.reps(), budget());
                copyProbes.put(d, timing);
                gbs = MemoryWorkloads.copyD2d().rate().of(n, timing.median());
            } catch (Exception | LinkageError e) {
                why = message(e);
            }
            out = Limits.ownMemory(d.filterString(), d.info(), gbs, why);
        }
        progress.accept("limits of " + d.filterString() + ": bandwidth "
                + (out.bandwidthGBs() == null ? "unknown" : Format.number(out.bandwidthGBs()) + " GB/s") + " ("
                + out.bandwidthSource() + "); fp32 peak "
                + (out.peakGflopsF32() == null ? "unknown" : Format.number(out.peakGflopsF32()) + " GFLOP/s"));
        return out;
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
            } else if (!external.isUnavailable(name)) {
                // a peer that could not run at all is said once, in the machine's notes
                notes.add(external.whyMissing(name, w.name(), size));
            }
        }
        return out;
    }

    private Row onDevice(Workload w, long size, Device d, Map<String, Double> baselines, List<String> peerNotes,
                         DeviceLimits limits) {
        List<String> notes = new ArrayList<>(peerNotes);
        String skip = w.skipReason(d);
        if (skip != null) {
            notes.addFirst("not run on " + d.filterString() + ": " + skip);
            progress.accept("    " + d.filterString() + " skipped: " + skip);
            return Rows.of(w, size, d.filterString(), null, baselines, notes, limits);
        }
        Timing probed = copyProbes.get(d);
        if (probed != null && w.name().equals(MemoryWorkloads.COPY_D2D) && size == MemoryWorkloads.COPY_BYTES) {
            progress.accept("    jdpx " + d.filterString() + " " + describe(w, size, probed) + " (measured for the limits)");
            return Rows.of(w, size, d.filterString(), probed, baselines, notes, limits);
        }
        try (Trial t = w.body().open(d, size)) {
            Timing timing = Timer.measure(t, plan, w, budget());
            progress.accept("    jdpx " + d.filterString() + " " + describe(w, size, timing));
            return Rows.of(w, size, d.filterString(), timing, baselines, notes, limits);
        } catch (Exception | LinkageError e) {
            notes.addFirst("failed on " + d.filterString() + ": " + message(e));
            progress.accept("    jdpx " + d.filterString() + " failed: " + message(e));
            return Rows.of(w, size, d.filterString(), null, baselines, notes, limits);
        }
    }

    private static String describe(Workload w, long size, Timing t) {
        return String.format(Locale.ROOT, "%s (%d runs, %s..%s) %.3g %s", Format.seconds(t.median()), t.samples(),
                Format.seconds(t.min()), Format.seconds(t.max()), w.rate().of(size, t.median()), w.rate().unit());
    }

    /** The failure and, when it wraps one (an ExceptionInInitializerError does), its innermost cause. */
    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(e) + (root == e ? "" : " (caused by " + firstLine(root) + ")");
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
