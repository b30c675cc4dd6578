package org.jdpx.distributed;

import java.util.ArrayList;
import java.util.List;

/**
 * The distributed counterpart of the fusion diagnostics, in HPAT's spirit: for each distributed
 * value the layout it got ({@code 1D_Block}, {@code 1D_Cyclic}, {@code 2D_Block}, {@code REP}) and why
 * (asked for at creation, kept by an elementwise operation, produced by a product or reduction,
 * or redistributed because an operation needed it), and for each operation whether
 * it needed a shuffle (data moving between executors) and what moved.
 */
public final class DistributionReport {

    /** One array's layout and the reason for it. */
    public record ArrayEntry(String name, String layout, String why) {
    }

    /** One operation and whether it shuffled. */
    public record OpEntry(String operation, boolean shuffle, String detail) {
    }

    private final List<ArrayEntry> arrays = new ArrayList<>();
    private final List<OpEntry> ops = new ArrayList<>();

    synchronized void array(String name, Layout layout, String why) {
        arrays.add(new ArrayEntry(name, layout.describe(), why));
    }

    synchronized void op(String operation, boolean shuffle, String detail) {
        ops.add(new OpEntry(operation, shuffle, detail));
    }

    /** The arrays recorded so far, oldest first. */
    public synchronized List<ArrayEntry> arrays() {
        return List.copyOf(arrays);
    }

    /** The operations recorded so far, oldest first. */
    public synchronized List<OpEntry> operations() {
        return List.copyOf(ops);
    }

    /** The layout entry of array {@code name} (the latest, if recorded twice). */
    public synchronized ArrayEntry array(String name) {
        for (int i = arrays.size() - 1; i >= 0; i--) if (arrays.get(i).name().equals(name)) return arrays.get(i);
        throw new IllegalArgumentException("distribution report: no array named " + name);
    }

    /** Why array {@code name} got its layout (the latest entry), or null when it is not recorded. */
    synchronized String whyOf(String name) {
        for (int i = arrays.size() - 1; i >= 0; i--) if (arrays.get(i).name().equals(name)) return arrays.get(i).why();
        return null;
    }

    /** The operations that shuffled. */
    public synchronized List<OpEntry> shuffles() {
        return ops.stream().filter(OpEntry::shuffle).toList();
    }

    /** Forgets everything recorded (between phases of a program or a test). */
    public synchronized void clear() {
        arrays.clear();
        ops.clear();
    }

    /** The report as text: one line per array, then one per operation. */
    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("distribution report\n");
        for (ArrayEntry a : arrays) b.append("  array ").append(a.name()).append(": ").append(a.layout()).append(" — ").append(a.why()).append('\n');
        for (OpEntry o : ops) {
            b.append("  op ").append(o.operation()).append(": ").append(o.shuffle() ? "shuffle" : "no shuffle")
                    .append(" — ").append(o.detail()).append('\n');
        }
        return b.toString();
    }
}
