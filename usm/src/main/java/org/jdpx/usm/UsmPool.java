package org.jdpx.usm;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.DeviceType;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;

/**
 * The caching allocator of one device, in front of its backend, like CuPy's memory pool: freed
 * blocks are kept per USM kind and size class and handed to the next request of that class, so
 * the allocate-compute-free rhythm of array code does not pay the driver each time.
 *
 * <p>When the backend runs out of memory the pool frees its cached blocks and tries once more. On a
 * CPU device, whose memory is the host's, a request that misses the cache while more than the
 * reclaim budget (below) sits cached first frees cached blocks, largest class first, down to half
 * the budget: a program that moved on to other sizes then reuses the memory it gave up rather than
 * growing the process. A GPU's pool keeps its blocks, as CuPy's does.
 * {@code JDPX_USM_POOL=0} (or {@code -Djdpx.usmPool=false}) turns caching off for debugging: every
 * free then goes straight back to the backend. Thread-safe.
 *
 * <p><b>Memory nobody closes</b> (arrays dropped by array code) comes back only when the garbage
 * collector finds it unreachable, and a loop that makes small Java objects over large blocks may
 * not fill the heap for hundreds of iterations: every block it asks for is then new memory, whose
 * first touch (page faults, zeroing) costs several times a copy into reused memory. So, as the JDK
 * does for direct buffers, the pool asks for a collection ({@link System#gc()}) when the bytes in
 * use have grown by a budget since their low point after the last such request; the dead blocks
 * then return to the cache and the next requests reuse them. The budget ({@link
 * #reclaimBytes()}) is {@code JDPX_USM_RECLAIM_BYTES} or {@code -Djdpx.usmReclaimBytes} (bytes;
 * {@code 0} or {@code off} turns this off), by default an eighth of the device's memory, at least
 * 64 MiB and at most 512 MiB; it doubles (up to half the device's memory) while collections find
 * little to return, so a program whose memory is all live pays one collection per growing budget.
 * What a collection returned is judged when the budget is next reached, from the bytes released
 * since: the cleaners hand blocks back one by one for a while after a collection.
 */
public final class UsmPool {

    private static final System.Logger LOG = System.getLogger("org.jdpx.usm");
    private static final Map<Device, UsmPool> POOLS = new ConcurrentHashMap<>();
    /** The longest a reclaim waits for the cleaners after its collection (a block usually comes in a few ms). */
    private static final long RECLAIM_WAIT_NANOS = 20_000_000L;

    private final Device device;
    private final boolean caching;
    /** Whether the device's memory is the host's (a CPU device): only then do cached blocks beyond the budget get freed on a miss. */
    private final boolean hostMemory;
    private final long cacheLimit;
    private final Map<Long, ConcurrentLinkedDeque<NativeMemory>>[] free;
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong cached = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder reclaims = new LongAdder();
    private final LongAdder viewArenas = new LongAdder();
    /** The lowest bytes in use since the last reclaim: growth above it is what a collection might return. */
    private final AtomicLong low = new AtomicLong();
    private final Object reclaimLock = new Object();
    private volatile long reclaimBase;
    private volatile long reclaimBudget;
    /** Bytes ever released (closed or cleaned): what comes back after a collection is the difference. */
    private final AtomicLong released = new AtomicLong();
    /** {@link #released} when the last collection was asked for, or -1: what it returned is judged at the next reclaim. */
    private long releasedAtCollection = -1;
    /** Closed blocks whose last command was still running, oldest first ({@link #defer}). */
    private final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
    private final AtomicInteger deferredCount = new AtomicInteger();
    /** Signalled by {@link #release} while a reclaim waits for a block to come back. */
    private final Object arrivals = new Object();
    private volatile boolean awaitingArrival;

    @SuppressWarnings("unchecked")
    private UsmPool(Device device, boolean caching) {
        this.device = device;
        this.caching = caching;
        this.hostMemory = caching && device.type() == DeviceType.CPU;
        this.cacheLimit = Math.max(64L << 20, device.info().globalMemBytes() / 2);
        this.reclaimBase = caching ? reclaimSetting(device.info().globalMemBytes()) : 0;
        this.reclaimBudget = reclaimBase;
        this.free = new Map[UsmType.values().length];
        for (int i = 0; i < free.length; i++) {
            free[i] = new ConcurrentHashMap<>();
        }
    }

    /** The pool of a device, made on first use with the process's setting. */
    public static UsmPool of(Device device) {
        return POOLS.computeIfAbsent(device, d -> new UsmPool(d, cachingEnabled()));
    }

    private static boolean cachingEnabled() {
        String v = System.getProperty("jdpx.usmPool", System.getenv("JDPX_USM_POOL"));
        if (v == null) {
            return true;
        }
        boolean off = switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "0", "false", "off", "no" -> true;
            default -> false;
        };
        if (off) {
            LOG.log(Level.INFO, "USM pool caching is off (JDPX_USM_POOL={0})", v);
        }
        return !off;
    }

    /** The reclaim budget of a device with {@code deviceBytes} of memory: the setting, else the default. */
    static long reclaimSetting(long deviceBytes) {
        String v = System.getProperty("jdpx.usmReclaimBytes", System.getenv("JDPX_USM_RECLAIM_BYTES"));
        long fallback = Math.clamp(deviceBytes / 8, 64L << 20, 512L << 20);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(t));
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "JDPX_USM_RECLAIM_BYTES={0} is not a byte count or off; using {1}", v, fallback);
            return fallback;
        }
    }

    /** Bytes in use may grow by this much before the pool asks for a collection; 0 when it never does. */
    public long reclaimBytes() {
        return reclaimBase;
    }

    /** Sets {@link #reclaimBytes()} for this pool (0 turns reclaiming off), as the setting does at start. */
    public void reclaimBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the reclaim budget must be 0 (off) or more bytes, not " + bytes);
        }
        synchronized (reclaimLock) {
            reclaimBase = caching ? bytes : 0;
            reclaimBudget = reclaimBase;
            releasedAtCollection = -1;
            low.set(inUse.get());
        }
    }

    /** The device this pool allocates on. */
    public Device device() {
        return device;
    }

    /** Whether freed blocks are kept for reuse. */
    public boolean isCaching() {
        return caching;
    }

    /** Current counters. */
    public PoolStats stats() {
        return new PoolStats(inUse.get(), cached.get(), peak.get(), hits.sum(), misses.sum(), reclaims.sum(),
                viewArenas.sum());
    }

    /** Counts an allocation that made an arena for its JVM views ({@link PoolStats#viewArenas()}). */
    void countViewArena() {
        viewArenas.increment();
    }

    /**
     * Frees every cached block back to the backend, after waiting for the commands of closed
     * blocks still held back for them ({@link UsmMemory#closeWhenDone()}); live allocations are
     * untouched.
     */
    public void trim() {
        Deferred d;
        while ((d = deferred.poll()) != null) {
            deferredCount.decrementAndGet();
            try {
                d.lastUse().await();
            } catch (RuntimeException failedCommand) {
                // reported to whoever awaited the command; the block is free either way
            }
            d.lifetime().giveBackQuietly();
        }
        evict(0);
    }

    /**
     * Frees cached blocks, largest class first, until at most {@code keep} bytes stay cached
     * ({@link #trim} keeps none). A miss on a CPU device does this when more than the reclaim
     * budget sits cached: new memory is then taken where the freed blocks were, instead of growing
     * the process further (on the 2-core VM here, first-touch pages beyond what the process had
     * used took a 1024 matmul from 7-9 ms to 17-27 ms per call).
     */
    private void evict(long keep) {
        for (Map<Long, ConcurrentLinkedDeque<NativeMemory>> byClass : free) {
            List<Long> classes = new ArrayList<>(byClass.keySet());
            classes.sort(Comparator.reverseOrder());
            for (long size : classes) {
                ConcurrentLinkedDeque<NativeMemory> q = byClass.get(size);
                NativeMemory m;
                while (cached.get() > keep && (m = q.pollFirst()) != null) {
                    cached.addAndGet(-m.byteSize());
                    m.free();
                }
            }
        }
    }

    /** A closed block waiting for its last command. */
    private record Deferred(Lifetime lifetime, EventDriver lastUse) {
    }

    /** Most closed blocks held back for their commands; more get a completion callback each. */
    private static final int MAX_DEFERRED = 4096;

    /**
     * Holds back a closed block until its last command is done: every request to this pool first
     * returns the blocks at the head of the line whose command has completed, checked without
     * flushing the device's queue ({@link EventDriver#peekComplete}). Answers false when the line
     * is full; the caller then waits for completion another way.
     */
    boolean defer(Lifetime lifetime, EventDriver lastUse) {
        if (deferredCount.incrementAndGet() > MAX_DEFERRED) {
            deferredCount.decrementAndGet();
            return false;
        }
        deferred.add(new Deferred(lifetime, lastUse));
        return true;
    }

    /**
     * Returns deferred blocks from the head of the line while their commands have completed. The
     * line is in closing order, which on one in-order queue is completion order; a block behind
     * an unfinished one waits for a later request.
     */
    private void settleDeferred() {
        Deferred d;
        while ((d = deferred.peek()) != null && d.lastUse().peekComplete()) {
            if (deferred.remove(d)) {
                deferredCount.decrementAndGet();
                d.lifetime().giveBackQuietly();
            }
        }
    }

    /** Closed blocks still waiting for their last command (tests). */
    int deferredBlocks() {
        return deferredCount.get();
    }

    /**
     * A block of at least {@code bytes} bytes, from the cache when one of its class is there.
     *
     * @throws DeviceOutOfMemoryException when the backend cannot give it even after a trim
     */
    NativeMemory acquire(UsmType kind, long bytes) {
        if (!deferred.isEmpty()) {
            settleDeferred();
        }
        long size = caching ? SizeClass.of(bytes) : bytes;
        if (reclaimBase > 0 && inUse.get() + size > low.get() + reclaimBudget) {
            reclaim(kind, size);
        }
        if (caching) {
            ConcurrentLinkedDeque<NativeMemory> q = free[kind.ordinal()].get(size);
            NativeMemory m = q == null ? null : q.pollLast();
            if (m != null) {
                cached.addAndGet(-size);
                hits.increment();
                account(size);
                return m;
            }
        }
        misses.increment();
        if (hostMemory && reclaimBase > 0 && cached.get() > reclaimBase) {
            evict(reclaimBase / 2);
        }
        NativeMemory m;
        try {
            m = device.spi().allocate(kind, size);
        } catch (DeviceOutOfMemoryException first) {
            if (cached.get() == 0) {
                throw first;
            }
            trim();
            m = device.spi().allocate(kind, size);
        }
        account(size);
        return m;
    }

    /**
     * Asks for a collection so that unreachable blocks come back, and waits a little for one of
     * {@code size}'s class: the cleaners return blocks on their own thread after the collection.
     */
    private void reclaim(UsmType kind, long size) {
        synchronized (reclaimLock) {
            long before = inUse.get();
            if (before + size <= low.get() + reclaimBudget) {
                return; // another thread reclaimed meanwhile
            }
            if (releasedAtCollection >= 0) {
                // What the last collection gave back, counted now, waiting a little when a fast loop
                // outran the cleaner. Judged right after it (once its first block came back) it looked
                // like nothing, the budget doubled for good and a bench's 1024 matmul got new memory
                // on every call, 3x slower.
                long enough = releasedAtCollection + reclaimBudget / 4;
                if (released.get() < enough) {
                    awaitUntil(() -> released.get() >= enough);
                }
                long returned = released.get() - releasedAtCollection;
                long grown = returned < reclaimBudget / 4
                        ? Math.min(2 * reclaimBudget, Math.max(reclaimBase, device.info().globalMemBytes() / 2))
                        : reclaimBase;
                long was = reclaimBudget;
                reclaimBudget = grown;
                LOG.log(Level.DEBUG, () -> String.format(Locale.ROOT,
                        "USM pool of %s: %d bytes came back since the last collection; budget %d -> %d bytes",
                        device.filterString(), returned, was, grown));
            }
            reclaims.increment();
            releasedAtCollection = released.get();
            System.gc();
            awaitArrival(kind, size);
            low.set(inUse.get());
        }
    }

    /** The growth of the bytes in use that triggers the next collection now (tests). */
    long reclaimBudget() {
        return reclaimBudget;
    }

    /**
     * Waits until the cleaners return a block of {@code size}'s class, at most {@link
     * #RECLAIM_WAIT_NANOS}: {@link #release} wakes the wait on each arrival, so it ends as soon as
     * one comes rather than on a sleep's boundary.
     */
    private void awaitArrival(UsmType kind, long size) {
        awaitUntil(() -> hasCached(kind, size));
    }

    /** Waits until {@code done} holds, at most {@link #RECLAIM_WAIT_NANOS}, woken by each {@link #release}. */
    private void awaitUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + RECLAIM_WAIT_NANOS;
        synchronized (arrivals) {
            awaitingArrival = true;
            try {
                long left;
                while (!done.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
                    arrivals.wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                awaitingArrival = false;
            }
        }
    }

    /** Whether {@code block} sits in the cache now (tests). */
    boolean caches(NativeMemory block) {
        ConcurrentLinkedDeque<NativeMemory> q = free[block.kind().ordinal()].get(block.byteSize());
        return q != null && q.contains(block);
    }

    private boolean hasCached(UsmType kind, long size) {
        ConcurrentLinkedDeque<NativeMemory> q = free[kind.ordinal()].get(size);
        return q != null && !q.isEmpty();
    }

    /** Takes a block back: cached when caching is on and the cache has room, else freed. */
    void release(NativeMemory m) {
        long size = m.byteSize();
        released.addAndGet(size);
        low.accumulateAndGet(inUse.addAndGet(-size), Math::min);
        if (caching && cached.get() + size <= cacheLimit) {
            cached.addAndGet(size);
            free[m.kind().ordinal()].computeIfAbsent(size, s -> new ConcurrentLinkedDeque<>()).addLast(m);
        } else {
            m.free();
        }
        if (awaitingArrival) {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        }
    }

    private void account(long size) {
        long now = inUse.addAndGet(size);
        peak.accumulateAndGet(now, Math::max);
    }
}
