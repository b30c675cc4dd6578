package org.jdpx.perf.suite;

import java.util.HashMap;
import java.util.Map;

/**
 * Baselines measured by programs outside the JVM ({@code numpy}, {@code cOpenMP}): median seconds
 * per workload and size, why a peer is unavailable, and machine figures they measured.
 */
final class ExternalResults {

    private final Map<String, Double> medians = new HashMap<>();
    private final Map<String, String> unavailable = new HashMap<>();
    private final Map<String, Double> machine = new HashMap<>();

    private static String key(String peer, String workload, long size) {
        return peer + "|" + workload + "|" + size;
    }

    void put(String peer, String workload, long size, double medianSeconds) {
        medians.put(key(peer, workload, size), medianSeconds);
    }

    void unavailable(String peer, String reason) {
        unavailable.put(peer, reason);
    }

    void machine(String name, double value) {
        machine.put(name, value);
    }

    /** Whether the peer could not run at all. */
    boolean isUnavailable(String peer) {
        return unavailable.containsKey(peer);
    }

    /** The peer's median for the workload at the size, or null. */
    Double median(String peer, String workload, long size) {
        return medians.get(key(peer, workload, size));
    }

    /** Why a peer has no number for the workload at the size. */
    String whyMissing(String peer, String workload, long size) {
        String reason = unavailable.get(peer);
        return peer + ": " + (reason != null ? reason : "no result for " + workload + " at " + size);
    }

    /** One line per external peer that could not run, saying why. */
    java.util.List<String> unavailableNotes() {
        return unavailable.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
    }

    /** A machine figure ({@code cStreamTriadGBs}, {@code fmaProbeGflopsF32}), or null. */
    Double machine(String name) {
        return machine.get(name);
    }
}
