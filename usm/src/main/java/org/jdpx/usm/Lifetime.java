package org.jdpx.usm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.SegmentViews;

/**
 * The part of an allocation that outlives its handle: the block, the last command that used it,
 * and the arena of the host views handed out. Closing (by the user or by the Cleaner when the
 * handle was dropped) waits for that command, invalidates the views and gives the block back to
 * the pool; it never references the handle, so the Cleaner can run.
 */
final class Lifetime implements Runnable {

    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();

    private final long id = SERIAL.incrementAndGet();
    private final UsmPool pool;
    private final NativeMemory block;
    /** The memory a wrapping block stands on, whose owner must stay open; {@code null} for pool blocks. */
    private final MemorySegment owner;
    /** What keeps the owner's memory reachable (a direct buffer, an array); may be {@code null}. */
    @SuppressWarnings("unused")
    private final Object keepAlive;
    private EventDriver lastUse;
    private Arena viewArena;
    private boolean released;

    Lifetime(UsmPool pool, NativeMemory block) {
        this(pool, block, null, null);
    }

    /** A block over {@code owner}'s memory, freed to its backend (not a pool) at close. */
    static Lifetime wrapping(NativeMemory block, MemorySegment owner, Object keepAlive) {
        return new Lifetime(null, block, owner, keepAlive);
    }

    private Lifetime(UsmPool pool, NativeMemory block, MemorySegment owner, Object keepAlive) {
        this.pool = pool;
        this.block = block;
        this.owner = owner;
        this.keepAlive = keepAlive;
    }

    /** Refuses use once the owner of wrapped memory was closed: its memory may be gone. */
    private void checkOwner(String what) {
        if (owner != null && !owner.scope().isAlive()) {
            throw new IllegalStateException("cannot " + what + " USM memory that wraps a MemorySegment whose arena "
                    + "was closed: its memory is gone. Keep the arena open while arrays over it are in use, "
                    + "or copy the data into a jdpx array first");
        }
    }

    /** The number of the latest allocation so far. */
    static long latestNumber() {
        return SERIAL.get();
    }

    /** The allocation's number: later allocations have larger ones. */
    long number() {
        return id;
    }

    synchronized boolean isReleased() {
        return released;
    }

    /** The block, for a command about to be enqueued; callers hold the monitor via {@link #use}. */
    NativeMemory block() {
        return block;
    }

    synchronized EventDriver lastUse() {
        return lastUse;
    }

    /** The last use, for a caller that already holds this lifetime's monitor. */
    EventDriver lastUseLocked() {
        return lastUse;
    }

    /** Runs {@code command} with the block while no close can intervene, and records its event. */
    synchronized EventDriver use(String what, java.util.function.Function<NativeMemory, EventDriver> command) {
        if (released) {
            throw UsmMemory.closedError(what);
        }
        checkOwner(what);
        EventDriver e = command.apply(block);
        lastUse = e;
        return e;
    }

    /**
     * Runs a command on several blocks while none can be closed, recording it as the last use of
     * each. Monitors are taken in creation order, so concurrent commands cannot deadlock.
     */
    static EventDriver useAll(List<Lifetime> lifetimes, String what,
                              java.util.function.Function<List<NativeMemory>, EventDriver> command) {
        // distinct lifetimes by creation order (an insertion sort: a launch has a handful)
        Lifetime[] order = new Lifetime[lifetimes.size()];
        int n = 0;
        next:
        for (Lifetime l : lifetimes) {
            for (int j = 0; j < n; j++) {
                if (order[j] == l) continue next;
            }
            int j = n++;
            for (; j > 0 && order[j - 1].id > l.id; j--) {
                order[j] = order[j - 1];
            }
            order[j] = l;
        }
        return lockFrom(order, n, 0, lifetimes, what, command);
    }

    private static EventDriver lockFrom(Lifetime[] order, int n, int i, List<Lifetime> lifetimes, String what,
                                        java.util.function.Function<List<NativeMemory>, EventDriver> command) {
        if (i == n) {
            NativeMemory[] blocks = new NativeMemory[lifetimes.size()];
            for (int k = 0; k < blocks.length; k++) {
                Lifetime l = lifetimes.get(k);
                if (l.released) {
                    throw UsmMemory.closedError(what);
                }
                l.checkOwner(what);
                blocks[k] = l.block;
            }
            EventDriver e = command.apply(java.util.Arrays.asList(blocks));
            for (int k = 0; k < n; k++) {
                order[k].lastUse = e;
            }
            return e;
        }
        synchronized (order[i]) {
            return lockFrom(order, n, i + 1, lifetimes, what, command);
        }
    }

    /** The backend's handle of the block (see {@link NativeMemory#deviceHandle()}). */
    synchronized long handle(String what) {
        if (released) {
            throw UsmMemory.closedError(what);
        }
        checkOwner(what);
        return block.deviceHandle();
    }

    /** The block's JVM-addressable memory, scoped so it throws after close; {@code null} where there is none. */
    synchronized MemorySegment jvmView(String what, long bytes) {
        if (released) {
            throw UsmMemory.closedError(what);
        }
        checkOwner(what);
        MemorySegment raw = block.jvmSegment();
        if (raw == null) {
            return null;
        }
        return scoped(raw, bytes);
    }

    /** A host view of {@code bytes} bytes that stops working when this allocation is closed. */
    synchronized MemorySegment hostView(String what, long bytes) {
        if (released) {
            throw UsmMemory.closedError(what);
        }
        checkOwner(what);
        if (lastUse != null) {
            lastUse.await();
        }
        return scoped(block.hostView(), bytes);
    }

    /**
     * {@code raw} as a view that stops working at close; a wrapping block's view is a slice of
     * its owner's segment, so it also stops when the owner's arena closes, and stays read-only.
     */
    private MemorySegment scoped(MemorySegment raw, long bytes) {
        if (owner != null && raw.address() == owner.address()) {
            MemorySegment s = owner.asSlice(0, bytes);
            return raw.isReadOnly() ? s.asReadOnly() : s;
        }
        if (viewArena == null) {
            viewArena = Arena.ofShared();
            if (pool != null) pool.countViewArena();
            // Closed only in run(), after the last command on the block: the java device's kernels
            // may take thread-confined views of these segments (KernelSegments).
            SegmentViews.freedOnlyByJdpx(viewArena);
        }
        MemorySegment s = MemorySegment.ofAddress(raw.address()).reinterpret(bytes, viewArena, null);
        return raw.isReadOnly() ? s.asReadOnly() : s;
    }

    /** The last use of a lifetime being closed (null when nothing used it). */
    private record Closing(EventDriver lastUse) {
    }

    /** Marks the lifetime released and takes its last use; null when it already was released. */
    private synchronized Closing beginClose() {
        if (released) {
            return null;
        }
        released = true;
        Closing c = new Closing(lastUse);
        lastUse = null;
        return c;
    }

    /** Closes once: waits for the last command, invalidates views, returns the block. */
    @Override
    public void run() {
        Closing closing = beginClose();
        if (closing == null) {
            return;
        }
        EventDriver wait = closing.lastUse();
        try {
            if (wait != null) {
                wait.await();
            }
        } catch (RuntimeException failedCommand) {
            // The command's failure was reported to whoever awaited it; the memory is still freed.
        } finally {
            giveBack();
        }
    }

    /**
     * Closes once without waiting: later uses throw at once; the views are invalidated and the
     * block returned now when its last command has completed, else by the pool once it finds that
     * command done ({@link UsmPool#defer}), or, past what the pool holds back, from a completion
     * callback.
     */
    void releaseWhenDone() {
        Closing closing = beginClose();
        if (closing == null) {
            return;
        }
        EventDriver wait = closing.lastUse();
        if (wait == null || wait.peekComplete()) {
            giveBack();
            return;
        }
        // A callback per block costs a driver call and a hand-off to another thread, and on 2 cores
        // that thread takes time from the device: the logistic regression sample on PoCL took 3.7-4.2
        // ms a call with one per block, against 2.9-3.3 without freeing at all.
        if (pool != null && pool.defer(this, wait)) {
            return;
        }
        wait.onComplete(this::giveBackQuietly);
    }

    /** {@link #giveBack()} from a callback, which must not throw. */
    void giveBackQuietly() {
        try {
            giveBack();
        } catch (RuntimeException | Error e) {
            System.getLogger("org.jdpx.usm").log(System.Logger.Level.WARNING,
                    "could not return a closed block to its pool", e);
        }
    }

    private void giveBack() {
        Arena views;
        synchronized (this) {
            views = viewArena;
        }
        if (views != null) {
            views.close();
        }
        if (pool != null) {
            pool.release(block);
        } else {
            block.free();
        }
    }
}
