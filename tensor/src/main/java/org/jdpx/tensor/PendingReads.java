package org.jdpx.tensor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdpx.tensor.fusion.Node;
import org.jdpx.usm.UsmMemory;

/**
 * Lazy arrays that still have to read some memory. Before anything writes into that memory
 * (an in-place operation, an item assignment) they are computed, so a lazy result always
 * shows the data as it was when the expression was written, as NumPy's eager results do.
 */
final class PendingReads {
    private static final Map<UsmMemory, List<WeakReference<UsmNdArray>>> READERS = new WeakHashMap<>();

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

    /** Computes every lazy array that reads {@code memory}, except {@code except}. */
    static void settle(UsmMemory memory, UsmNdArray except) {
        List<WeakReference<UsmNdArray>> list;
        synchronized (PendingReads.class) {
            list = READERS.remove(memory);
        }
        if (list == null) return;
        for (WeakReference<UsmNdArray> r : list) {
            UsmNdArray a = r.get();
            if (a != null && a != except) a.eval();
        }
    }
}
