package org.jdpx.tensor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdpx.tensor.fusion.FusionDiagnostics;
import org.jdpx.tensor.fusion.Node;
import org.jdpx.usm.UsmMemory;

/**
 * Lazy arrays that still have to read some memory. Before anything writes into that memory
 * (an in-place operation, an item assignment) they are made independent of it, so a lazy result
 * always shows the data as it was when the expression was written, as NumPy's eager results do:
 * each is computed, or, when together they would write more than the memory holds, the memory is
 * copied once on its queue and their expressions read the copy instead (a loop that writes into
 * an array it read a few lines before, through temporaries nobody holds any more, then pays one
 * copy rather than one kernel per temporary).
 */
final class PendingReads {
    private static final Map<UsmMemory, List<WeakReference<UsmNdArray>>> READERS = new WeakHashMap<>();
    private static final AtomicLong SNAPSHOTS = new AtomicLong();

    private PendingReads() {
    }

    static synchronized void register(UsmNdArray lazy, Node graph) {
        collect(graph, lazy);
    }

    private static void collect(Node n, UsmNdArray lazy) {
        switch (n) {
            case Node.Leaf l -> add(l.memory(), lazy);
            case Node.Combine c -> add(c.partials(), lazy);
            case Node.Cast c -> collect(c.input(), lazy);
            case Node.Op o -> o.inputs().forEach(i -> collect(i, lazy));
            case Node.Call c -> c.inputs().forEach(i -> collect(i, lazy));
            case Node.Scalar s -> { }
        }
    }

    /**
     * Records a reader. Memory that is read in a loop but never written would collect one entry
     * per expression; entries whose array is gone are dropped as the list grows.
     */
    private static void add(UsmMemory memory, UsmNdArray lazy) {
        List<WeakReference<UsmNdArray>> list = READERS.computeIfAbsent(memory, m -> new ArrayList<>());
        if (list.size() >= 64 && Integer.bitCount(list.size()) == 1) {
            list.removeIf(r -> r.get() == null);
        }
        list.add(new WeakReference<>(lazy));
    }

    /**
     * Makes every lazy array that reads {@code memory}, except {@code except}, independent of it
     * before {@code except} (an array on {@code memory}) is written: computes each, or snapshots
     * the memory for all of them.
     */
    static void settle(UsmMemory memory, UsmNdArray except) {
        List<WeakReference<UsmNdArray>> list;
        synchronized (PendingReads.class) {
            list = READERS.remove(memory);
        }
        if (list == null) return;
        List<UsmNdArray> live = new ArrayList<>();
        long bytes = 0;
        boolean sameQueue = except != null && except.queue() == memory.queue();
        for (WeakReference<UsmNdArray> r : list) {
            UsmNdArray a = r.get();
            if (a == null || a == except || a.isReleased() || !a.isLazy() || live.stream().anyMatch(x -> x == a)) continue;
            live.add(a);
            bytes += a.size() * a.dtype().itemSize();
            sameQueue &= a.queue() == memory.queue();
        }
        if (live.size() > 1 && sameQueue && bytes > memory.byteSize()) {
            snapshot(memory, live);
            return;
        }
        for (UsmNdArray a : live) a.eval();
    }

    /** Snapshots taken since the JVM started (tests). */
    static long snapshots() {
        return SNAPSHOTS.get();
    }

    /** Copies {@code memory} on its queue and points {@code readers}' expressions at the copy. */
    private static void snapshot(UsmMemory memory, List<UsmNdArray> readers) {
        SNAPSHOTS.incrementAndGet();
        UsmMemory copy = UsmMemory.allocate(memory.queue(), memory.kind(), memory.byteSize());
        copy.copyFromAsync(memory, 0, 0, memory.byteSize());
        Map<Node, Node> moved = new IdentityHashMap<>();
        for (UsmNdArray a : readers) {
            if (a.rebase(n -> move(n, memory, copy, moved)) != null) {
                synchronized (PendingReads.class) {
                    add(copy, a);
                }
            }
        }
        FusionDiagnostics.record("snapshot: " + readers.size() + " lazy arrays read memory about to be written; "
                + memory.byteSize() + " bytes copied once instead of computing each");
    }

    /** {@code n} reading {@code to} wherever it read {@code from}; shared vertices stay shared. */
    private static Node move(Node n, UsmMemory from, UsmMemory to, Map<Node, Node> moved) {
        Node known = moved.get(n);
        if (known != null) return known;
        Node r = switch (n) {
            case Node.Leaf l -> l.memory() == from ? new Node.Leaf(to, l.view(), l.dtype()) : l;
            case Node.Combine c -> c.partials() == from ? new Node.Combine(c.op(), c.dtype(), to, c.parts(), c.shape()) : c;
            case Node.Cast c -> {
                Node in = move(c.input(), from, to, moved);
                yield in == c.input() ? c : new Node.Cast(c.dtype(), in);
            }
            case Node.Op o -> {
                List<Node> in = moveAll(o.inputs(), from, to, moved);
                yield in == null ? o : new Node.Op(o.op(), o.dtype(), o.shape(), in, o.size());
            }
            case Node.Call c -> {
                List<Node> in = moveAll(c.inputs(), from, to, moved);
                yield in == null ? c : new Node.Call(c.function(), c.shape(), in, c.size());
            }
            case Node.Scalar s -> s;
        };
        moved.put(n, r);
        return r;
    }

    /** The inputs moved, or null when none changed. */
    private static List<Node> moveAll(List<Node> inputs, UsmMemory from, UsmMemory to, Map<Node, Node> moved) {
        List<Node> out = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (Node i : inputs) {
            Node m = move(i, from, to, moved);
            changed |= m != i;
            out.add(m);
        }
        return changed ? List.copyOf(out) : null;
    }
}
