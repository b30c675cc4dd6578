package org.jdpx.tensor.fusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdpx.device.spi.JfrSupport;

/**
 * What fusion did, in the spirit of Numba's {@code parallel_diagnostics}: each kernel a graph
 * became (with the operations fused into it and what triggered it) and each place where a
 * graph was cut short and why. Always kept for the last {@value #KEEP} events and readable
 * with {@link #report()}; with {@code JDPX_FUSION_DIAGNOSTICS=1} (or
 * {@code -Djdpx.fusion.diagnostics=true}) every event is also logged at INFO on the
 * {@code org.jdpx.tensor.fusion} logger.
 */
public final class FusionDiagnostics {
    private static final System.Logger LOG = System.getLogger("org.jdpx.tensor.fusion");
    private static final int KEEP = 256;
    private static final String CUT = "fusion cut: ";
    private static final Deque<String> EVENTS = new ArrayDeque<>();
    private static final boolean ENABLED = "1".equals(System.getenv("JDPX_FUSION_DIAGNOSTICS"))
            || "true".equalsIgnoreCase(System.getenv("JDPX_FUSION_DIAGNOSTICS"))
            || Boolean.getBoolean("jdpx.fusion.diagnostics");

    private FusionDiagnostics() {
    }

    /** The recorded events, oldest first, one per line. */
    public static synchronized String report() {
        return String.join("\n", EVENTS);
    }

    /** Forgets recorded events (tests and benchmarks call this between phases). */
    public static synchronized void clear() {
        EVENTS.clear();
    }

    /** The recorded events as a list. */
    public static synchronized List<String> events() {
        return new ArrayList<>(EVENTS);
    }

    /**
     * Records one event (fusion decisions made outside this package report here too). Events
     * starting with {@value #CUT} are also JFR {@code jdpx.FusionCut} events where jdk.jfr exists.
     */
    public static synchronized void record(String event) {
        if (event.startsWith(CUT) && JfrSupport.recording()) FusionCutEvent.emit(event.substring(CUT.length()));
        if (EVENTS.size() == KEEP) EVENTS.removeFirst();
        EVENTS.addLast(event);
        if (ENABLED) LOG.log(System.Logger.Level.INFO, event);
    }

    /** A graph as a compact expression: {@code add(a0, multiply(s, a1))}, leaves numbered by memory. */
    static String describe(Node root) {
        Map<Object, Integer> names = new IdentityHashMap<>();
        return describe(root, names);
    }

    private static String describe(Node n, Map<Object, Integer> names) {
        return switch (n) {
            case Node.Leaf l -> "a" + names.computeIfAbsent(l.memory(), m -> names.size());
            case Node.Scalar s -> "scalar";
            case Node.Combine c -> c.op().numpyName() + "-partials(" + c.parts() + ")";
            case Node.Cast c -> "astype(" + describe(c.input(), names) + ", " + c.dtype() + ")";
            case Node.Op o -> o.op().numpyName() + o.inputs().stream().map(i -> describe(i, names))
                    .collect(Collectors.joining(", ", "(", ")"));
            case Node.Call c -> c.function().name() + c.inputs().stream().map(i -> describe(i, names))
                    .collect(Collectors.joining(", ", "(", ")"));
        };
    }

    /** Number of operations (not leaves) in a graph: how many NumPy calls one kernel replaced. */
    static int operations(Node n) {
        return switch (n) {
            case Node.Leaf l -> 0;
            case Node.Scalar s -> 0;
            case Node.Combine c -> 0;
            case Node.Cast c -> 1 + operations(c.input());
            case Node.Op o -> 1 + o.inputs().stream().mapToInt(FusionDiagnostics::operations).sum();
            case Node.Call c -> 1 + c.inputs().stream().mapToInt(FusionDiagnostics::operations).sum();
        };
    }
}
