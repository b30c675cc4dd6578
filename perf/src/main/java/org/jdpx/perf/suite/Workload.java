package org.jdpx.perf.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jdpx.device.Device;
import org.jdpx.perf.suite.aparapi.AparapiJob;
import org.jdpx.perf.suite.aparapi.AparapiPeers;

/**
 * One row family of the performance report: a named computation at one or more sizes, run on every
 * device, with the baselines it is compared with and the amount of work that turns a time into a
 * rate. Build one with {@link #named} and register it in {@link Workloads#all()}.
 */
public final class Workload {

    /** Prepares a trial of the workload on a device at a size. */
    @FunctionalInterface
    public interface DeviceBody {
        /** Allocates on {@code device}, fills, and returns the trial. */
        Trial open(Device device, long size) throws Exception;
    }

    /** Prepares the plain-Java baseline at a size, on one thread or on all. */
    @FunctionalInterface
    public interface JavaBody {
        /** The loop's trial at {@code size}; {@code all} splits it over every core. */
        Trial open(long size, boolean all) throws Exception;
    }

    /** A device the workload does not run on, and why (goes into the row's notes). */
    private record Skip(Predicate<Device> when, String reason) {
    }

    private final String name;
    private final String style;
    private final String dtype;
    private final List<Long> quickSizes;
    private final List<Long> fullSizes;
    private final Rate rate;
    private final int repeat;
    private final boolean warmup;
    private final DeviceBody body;
    private final List<Peer> peers;
    private final List<String> externalPeers;
    private final List<Skip> skips;

    private Workload(Builder b) {
        this.name = Objects.requireNonNull(b.name);
        this.style = b.style;
        this.dtype = b.dtype;
        this.quickSizes = List.copyOf(b.quickSizes);
        this.fullSizes = List.copyOf(b.fullSizes.isEmpty() ? b.quickSizes : b.fullSizes);
        this.rate = Objects.requireNonNull(b.rate, "rate");
        this.repeat = b.repeat;
        this.warmup = b.warmup;
        this.body = Objects.requireNonNull(b.body, "body");
        this.peers = List.copyOf(b.peers);
        this.externalPeers = List.copyOf(b.external);
        this.skips = List.copyOf(b.skips);
    }

    /** Starts a workload called {@code name} (the report's {@code workload} column). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The workload's name. */
    public String name() { return name; }

    /** How jdpx expresses it: {@code kernel}, {@code usm}, {@code tensor}, {@code prange}, ... */
    public String style() { return style; }

    /** Element type of the data, or {@code -} when there is none. */
    public String dtype() { return dtype; }

    /** Sizes (elements, bytes or steps, as the workload defines) for a quick or full run. */
    public List<Long> sizes(boolean quick) { return quick ? quickSizes : fullSizes; }

    /** How a time becomes a rate. */
    public Rate rate() { return rate; }

    /** Repetitions per plan repetition: latency workloads take hundreds of cheap samples. */
    public int repeat() { return repeat; }

    /** Whether untimed runs come first; false when every run is a fresh process anyway. */
    public boolean warmup() { return warmup; }

    /** The jdpx measurement. */
    public DeviceBody body() { return body; }

    /** Baselines measured in this process. */
    public List<Peer> peers() { return peers; }

    /** Baselines measured by external programs ({@code numpy}, {@code cOpenMP}), by name. */
    public List<String> externalPeers() { return externalPeers; }

    /** Why the workload does not run on {@code device}, or null when it does. */
    public String skipReason(Device device) {
        for (Skip s : skips) {
            if (s.when().test(device)) return s.reason();
        }
        return null;
    }

    /** Collects a workload's parts; {@link #build()} checks the required ones. */
    public static final class Builder {
        private final String name;
        private String style = "kernel";
        private String dtype = "-";
        private List<Long> quickSizes = List.of();
        private List<Long> fullSizes = List.of();
        private Rate rate;
        private int repeat = 1;
        private boolean warmup = true;
        private DeviceBody body;
        private final List<Peer> peers = new ArrayList<>();
        private final List<String> external = new ArrayList<>();
        private final List<Skip> skips = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** How jdpx expresses the workload (default {@code kernel}). */
        public Builder style(String s) { style = s; return this; }

        /** Element type (default {@code -}). */
        public Builder dtype(String d) { dtype = d; return this; }

        /** The one size of both quick and full runs. */
        public Builder size(long size) { quickSizes = List.of(size); return this; }

        /** Sizes of the quick run and, separately, of the full run. */
        public Builder sizes(List<Long> quick, List<Long> full) { quickSizes = quick; fullSizes = full; return this; }

        /** How time becomes a rate. */
        public Builder rate(Rate r) { rate = r; return this; }

        /** Samples per plan repetition, for latencies (default 1). */
        public Builder repeat(int r) { repeat = r; return this; }

        /** No untimed runs first: each run is cold by construction (a fresh process). */
        public Builder noWarmup() { warmup = false; return this; }

        /** The jdpx measurement. */
        public Builder body(DeviceBody b) { body = b; return this; }

        /** Adds a baseline measured in this process. */
        public Builder peer(String peerName, Peer.HostBody b) { peers.add(new Peer(peerName, b)); return this; }

        /** Adds {@code java1} and {@code javaAll}: the plain loop on one thread and on every core. */
        public Builder javaLoops(JavaBody b) {
            return peer("java1", n -> b.open(n, false)).peer("javaAll", n -> b.open(n, true));
        }

        /** Adds {@code aparapiJtp} and {@code aparapiOpenCL}: the Aparapi job in its thread pool and on PoCL. */
        public Builder aparapi(AparapiJob.Factory job) {
            return peer("aparapiJtp", AparapiPeers.threadPool(job)).peer("aparapiOpenCL", AparapiPeers.openCl(job));
        }

        /** Adds baselines measured by external programs, by name ({@code numpy}, {@code cOpenMP}). */
        public Builder external(String... names) { external.addAll(List.of(names)); return this; }

        /** Skips devices matching {@code when}, saying {@code reason} in the row. */
        public Builder skipOn(Predicate<Device> when, String reason) { skips.add(new Skip(when, reason)); return this; }

        /** The workload. */
        public Workload build() {
            if (quickSizes.isEmpty()) throw new IllegalStateException("workload " + name + " has no size");
            return new Workload(this);
        }
    }
}
