package org.jdpx.kernels.prange;

import java.util.ArrayList;
import java.util.List;

/**
 * The parallel diagnostics of one method, in the spirit of Numba's {@code parallel_diagnostics}:
 * which loops became kernels and over how many dimensions, the values they read, the reductions
 * found, which parallel loops run serially and why, and why a loop was refused — each with its
 * source line. Printed through {@code System.Logger} at INFO when {@code JDPX_PRANGE_DIAGNOSTICS=1}
 * or {@code -Djdpx.prange.diagnostics=true}; returned by {@link Prange#diagnostics}.
 */
final class Report {
    private final String method;
    private final List<String> lines = new ArrayList<>();
    private String source = "?";
    private int loops;

    Report(String method) {
        this.method = method;
    }

    /** True when diagnostics should be logged on every compilation. */
    static boolean enabled() {
        String env = System.getenv("JDPX_PRANGE_DIAGNOSTICS");
        return Boolean.getBoolean("jdpx.prange.diagnostics") || env != null && !env.isEmpty() && !env.equals("0");
    }

    void source(String file) {
        source = file;
    }

    void region(RegionPlan p) {
        int id = loops;
        StringBuilder dims = new StringBuilder();
        for (LoopShape d : p.dims) dims.append(dims.isEmpty() ? "" : ", ").append(d.var());
        lines.add("loop #" + id + " at " + source + ":" + p.line() + " (for " + dims + "): parallel, "
                + p.dims.size() + "-D range" + (p.dims.size() > 1 ? " from " + p.dims.size() + " perfectly nested loops" : ""));
        for (int d = 1; d < p.dims.size(); d++) {
            lines.add("  loop #" + (id + d) + " at " + source + ":" + p.m.line(p.dims.get(d).head()) + " (for "
                    + p.dims.get(d).var() + ") is dimension " + d + " of loop #" + id);
        }
        loops += p.dims.size();
        for (RegionPlan.Serialized s : p.serialized) {
            lines.add("  loop #" + loops++ + " at " + source + ":" + s.line() + " (for " + s.loop().var() + "): serialized: "
                    + s.reason());
        }
        for (RegionPlan.LiveIn l : p.liveIns) {
            lines.add("  reads " + l.name() + " (" + l.type().getSimpleName() + ")");
        }
        for (RegionPlan.Reduction r : p.reductions) {
            lines.add("  reduction " + r.name() + " (" + r.type().getSimpleName() + ", " + r.op().symbol() + "), updated at line "
                    + r.line());
        }
        if (p.reductions.isEmpty() && p.arrays.isEmpty()) lines.add("  no reductions");
    }

    /** The array reductions of {@code p}, with the operators the kernel check found. */
    void arrays(RegionPlan p, List<ReduceOp> ops) {
        for (int a = 0; a < p.arrays.size(); a++) {
            RegionPlan.ArrayReduction r = p.arrays.get(a);
            lines.add("  array reduction " + r.name() + " (" + r.type().getSimpleName() + ", " + ops.get(a).symbol()
                    + " per element, a private copy per work-item), first used at line " + r.line());
        }
    }

    void kernel(RegionPlan p, String name) {
        lines.add("  loop at line " + p.line() + " became kernel " + name);
    }

    void refused(String why) {
        lines.add("refused: " + why);
    }

    String text() {
        StringBuilder sb = new StringBuilder("Parallel diagnostics for " + method + " (" + source + ")\n");
        for (String l : lines) sb.append("  ").append(l).append('\n');
        return sb.toString();
    }
}
