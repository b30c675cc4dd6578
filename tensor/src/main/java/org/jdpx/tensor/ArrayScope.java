package org.jdpx.tensor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdpx.tensor.fusion.Node;
import org.jdpx.usm.UsmMemory;

/**
 * Releases the arrays a block of code makes when the block ends, instead of when the garbage
 * collector gets to them: Java has no reference counting, so without a scope the memory of an
 * array nobody holds any more waits for a collection. Meant for loops:
 *
 * <pre>{@code
 * for (int it = 0; it < iterations; it++) {
 *     try (ArrayScope scope = ArrayScope.open()) {
 *         b.set("1:-1, 1:-1", a.get(":-2, 1:-1").add(a.get("2:, 1:-1")).multiply(0.5));
 *     }
 * }
 * }</pre>
 *
 * <p>Closing a scope releases every array made inside it on this thread except those passed to
 * {@link #keep}: using a released array throws {@link IllegalStateException}, and memory that such
 * an array allocated goes back to the device's pool as soon as the commands on it finish (the close
 * does not wait for them). Arrays made before the scope, and their memory, are untouched, even
 * where the scope's code wrote into them or computed them. A kept array keeps the memory its value
 * needs, and belongs to the enclosing scope from then on (or to no scope). Released lazy arrays
 * also stop counting as readers of the memory they read, so a later write into that memory no
 * longer copies it to preserve their values (the double-buffered Jacobi sweep above copied its
 * whole grid once per sweep without a scope).
 *
 * <p>Memory whose address went out ({@link UsmMemory#isAddressShared()}: DLPack or Arrow exports,
 * host segments, native handles) is never freed by a scope; it comes back when closed or
 * collected, as before. Scopes nest, belong to the thread that opened them, and must be closed
 * there, innermost first (try-with-resources does both). A scope holds its arrays and their
 * memory weakly: what the program drops inside a long scope can still be collected before it
 * closes. Works the same on every device.
 */
public final class ArrayScope implements AutoCloseable {
    private static final ThreadLocal<ArrayScope> CURRENT = new ThreadLocal<>();

    private final ArrayScope parent;
    private final Thread thread = Thread.currentThread();
    /** Memory with a larger allocation number was made while this scope was open. */
    private final long start = UsmMemory.latestAllocationNumber();
    /** Made on first use, like {@link #owners}: a scope nothing is made in costs two objects. */
    private List<WeakReference<UsmNdArray>> arrays;
    /** Cleared references are dropped from {@link #arrays} when it reaches this size, which then doubles. */
    private int purgeAt = 1024;
    /**
     * Memory made in this scope, each with the array whose value it holds (UsmMemory compares by
     * identity). Both weakly: an entry whose memory was collected is gone, one whose array was
     * collected is freed at close like a released array's.
     */
    private Map<UsmMemory, WeakReference<UsmNdArray>> owners;
    private boolean closed;

    private ArrayScope(ArrayScope parent) {
        this.parent = parent;
    }

    /** Opens a scope on this thread, inside the one already open here (if any). */
    public static ArrayScope open() {
        ArrayScope s = new ArrayScope(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    /**
     * Keeps {@code array} past this scope's close, with the memory its value needs; it then
     * belongs to the enclosing scope, or to no scope when this is the outermost. Returns it.
     *
     * @throws IllegalStateException when the array was already released, or this scope is closed
     * @throws WrongThreadException when called on another thread than the one that opened the scope
     */
    public UsmNdArray keep(UsmNdArray array) {
        checkOpen("keep an array in");
        Node n = array.nodeOrNull();
        if (n == null) {
            throw new IllegalStateException("cannot keep an array that its ArrayScope already released; "
                    + "keep it inside the scope that made it");
        }
        if (array.scope == this) {
            array.scope = parent;
            if (parent != null) parent.add(array);
        }
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        keepMemoryOf(n, seen);
        return array;
    }

    /** Hands the entries of memory that {@code n} reads to the enclosing scope (or drops them). */
    private void keepMemoryOf(Node n, Map<Node, Boolean> seen) {
        if (seen.put(n, Boolean.TRUE) != null) return;
        switch (n) {
            case Node.Leaf l -> moveUp(l.memory());
            case Node.Combine c -> moveUp(c.partials());
            case Node.Cast c -> keepMemoryOf(c.input(), seen);
            case Node.Op o -> o.inputs().forEach(i -> keepMemoryOf(i, seen));
            case Node.Call c -> c.inputs().forEach(i -> keepMemoryOf(i, seen));
            case Node.Scalar s -> { }
        }
    }

    private void moveUp(UsmMemory m) {
        WeakReference<UsmNdArray> owner = owners == null ? null : owners.remove(m);
        if (owner != null && parent != null) parent.own(m, owner);
    }

    private void own(UsmMemory m, WeakReference<UsmNdArray> owner) {
        if (owners == null) owners = new WeakHashMap<>();
        owners.put(m, owner);
    }

    private void add(UsmNdArray a) {
        if (arrays == null) arrays = new ArrayList<>();
        if (arrays.size() >= purgeAt) {
            arrays.removeIf(r -> r.get() == null);
            purgeAt = Math.max(1024, 2 * arrays.size());
        }
        arrays.add(new WeakReference<>(a));
    }

    /**
     * Releases the arrays made in this scope that were not kept and frees the memory they made
     * (asynchronously, once its commands finish). Harmless when called again.
     *
     * @throws IllegalStateException when a scope opened inside this one is still open
     * @throws WrongThreadException when called on another thread than the one that opened the scope
     */
    @Override
    public void close() {
        if (closed) return;
        checkThread("close");
        if (CURRENT.get() != this) {
            throw new IllegalStateException("an ArrayScope opened inside this one is still open; close it first");
        }
        closed = true;
        CURRENT.set(parent);
        if (arrays != null) {
            for (WeakReference<UsmNdArray> r : arrays) {
                UsmNdArray a = r.get();
                if (a != null && a.scope == this) {
                    a.scope = null;
                    a.release();
                }
            }
            arrays = null;
        }
        if (owners != null) {
            for (Map.Entry<UsmMemory, WeakReference<UsmNdArray>> e : owners.entrySet()) {
                UsmMemory m = e.getKey();
                UsmNdArray owner = e.getValue().get();
                if (m == null) continue;
                if (owner == null || owner.isReleased()) {
                    if (!m.isAddressShared()) m.closeWhenDone();
                } else if (parent != null) {
                    parent.own(m, e.getValue());
                }
            }
            owners = null;
        }
    }

    /** Registers an array made on this thread with the innermost open scope. */
    static void made(UsmNdArray a) {
        ArrayScope s = CURRENT.get();
        if (s == null) return;
        a.scope = s;
        s.add(a);
    }

    /**
     * Records that {@code a} holds its value in {@code memory}, which array code allocated for it
     * ({@link UsmNdArray#allocate}, an evaluation): the scope the memory was made in frees it when
     * it releases {@code a}. Memory a program wraps itself ({@link UsmNdArray#wrap}) and memory
     * jdpx keeps for its own use (reduction partials, copies that preserve lazy values) has no
     * owner here and is left to the collector.
     */
    static void adopt(UsmMemory memory, UsmNdArray a) {
        for (ArrayScope s = CURRENT.get(); s != null; s = s.parent) {
            if (memory.allocationNumber() > s.start) {
                s.own(memory, new WeakReference<>(a));
                return;
            }
        }
    }

    private void checkOpen(String what) {
        checkThread(what);
        if (closed) throw new IllegalStateException("cannot " + what + " an ArrayScope that is closed");
    }

    private void checkThread(String what) {
        if (Thread.currentThread() != thread) {
            throw new WrongThreadException("cannot " + what + " an ArrayScope from a thread other than the one "
                    + "that opened it (" + thread.getName() + ")");
        }
    }
}
