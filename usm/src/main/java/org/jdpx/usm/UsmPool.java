package org.jdpx.usm;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;

/**
 * The caching allocator of one device, in front of its backend, like CuPy's memory pool: freed
 * blocks are kept per USM kind and size class and handed to the next request of that class, so
 * the allocate-compute-free rhythm of array code does not pay the driver each time.
 *
 * <p>When the backend runs out of memory the pool frees its cached blocks and tries once more.
 * {@code JDPX_USM_POOL=0} (or {@code -Djdpx.usmPool=false}) turns caching off for debugging: every
 * free then goes straight back to the backend. Thread-safe.
 */
public final class UsmPool {

    private static final System.Logger LOG = System.getLogger("org.jdpx.usm");
    private static final Map<Device, UsmPool> POOLS = new ConcurrentHashMap<>();

    private final Device device;
    private final boolean caching;
    private final long cacheLimit;
    private final Map<Long, ConcurrentLinkedDeque<NativeMemory>>[] free;
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong cached = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @SuppressWarnings("unchecked")
    private UsmPool(Device device, boolean caching) {
        this.device = device;
        this.caching = caching;
        this.cacheLimit = Math.max(64L << 20, device.info().globalMemBytes() / 2);
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
        return new PoolStats(inUse.get(), cached.get(), peak.get(), hits.sum(), misses.sum());
    }

    /** Frees every cached block back to the backend; live allocations are untouched. */
    public void trim() {
        for (Map<Long, ConcurrentLinkedDeque<NativeMemory>> byClass : free) {
            for (ConcurrentLinkedDeque<NativeMemory> q : byClass.values()) {
                NativeMemory m;
                while ((m = q.pollLast()) != null) {
                    cached.addAndGet(-m.byteSize());
                    m.free();
                }
            }
        }
    }

    /**
     * A block of at least {@code bytes} bytes, from the cache when one of its class is there.
     *
     * @throws DeviceOutOfMemoryException when the backend cannot give it even after a trim
     */
    NativeMemory acquire(UsmType kind, long bytes) {
        long size = caching ? SizeClass.of(bytes) : bytes;
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

    /** Takes a block back: cached when caching is on and the cache has room, else freed. */
    void release(NativeMemory m) {
        long size = m.byteSize();
        inUse.addAndGet(-size);
        if (caching && cached.get() + size <= cacheLimit) {
            cached.addAndGet(size);
            free[m.kind().ordinal()].computeIfAbsent(size, s -> new ConcurrentLinkedDeque<>()).addLast(m);
        } else {
            m.free();
        }
    }

    private void account(long size) {
        long now = inUse.addAndGet(size);
        peak.accumulateAndGet(now, Math::max);
    }
}
