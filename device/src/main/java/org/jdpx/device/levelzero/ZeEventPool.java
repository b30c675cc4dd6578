package org.jdpx.device.levelzero;

import java.lang.System.Logger.Level;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out Level Zero events of one kind (plain or with kernel timestamps) from a growing chain of
 * native pools of one context. A slot returns here when its {@link LevelZeroEvent} became
 * unreachable (through a {@link java.lang.ref.Cleaner}); the queue keeps an event reachable until
 * its command completed, so no slot is reused while the device may still signal it.
 */
final class ZeEventPool {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device.levelzero");

    /** Events per native pool. */
    static final int CAPACITY = 256;
    /** {@code ZE_EVENT_POOL_FLAG_HOST_VISIBLE}: the host may wait on and query the events. */
    static final int FLAG_HOST_VISIBLE = 1;
    /** {@code ZE_EVENT_POOL_FLAG_KERNEL_TIMESTAMP}: events record device start and end ticks. */
    static final int FLAG_KERNEL_TIMESTAMP = 1 << 2;
    /** {@code ZE_EVENT_SCOPE_FLAG_HOST}: caches flushed so the host sees the command's writes. */
    static final int SCOPE_HOST = 1 << 2;

    private final ZeContext context;
    private final int flags;
    private final List<MemorySegment> pools = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();

    ZeEventPool(ZeContext context, boolean timestamps) {
        this.context = context;
        this.flags = FLAG_HOST_VISIBLE | (timestamps ? FLAG_KERNEL_TIMESTAMP : 0);
    }

    /** A fresh, unsignalled event and its slot number. */
    synchronized Slot acquire() {
        if (free.isEmpty()) {
            int base = pools.size() * CAPACITY;
            pools.add(context.api.createEventPool(context.handle(), flags, CAPACITY));
            for (int i = 0; i < CAPACITY; i++) {
                free.add(base + i);
            }
        }
        int slot = free.poll();
        try {
            MemorySegment event = context.api.createEvent(pools.get(slot / CAPACITY), slot % CAPACITY, SCOPE_HOST);
            return new Slot(this, slot, event);
        } catch (RuntimeException e) {
            free.push(slot);
            throw e;
        }
    }

    /**
     * Destroys the event and frees its slot; runs on the cleaner thread, so it never throws. An
     * event that was appended is first waited for: an event the device may still signal must not
     * be destroyed (possible only when a queue was dropped without release()).
     */
    void release(int slot, MemorySegment event, boolean appended) {
        try {
            if (appended) {
                context.api.hostSynchronize(event);
            }
            destroy(slot, event);
        } catch (RuntimeException e) {
            // The slot stays out of use rather than risk a second event on it.
            LOG.log(Level.WARNING, "could not release Level Zero event slot " + slot + ": " + e.getMessage());
        }
    }

    private synchronized void destroy(int slot, MemorySegment event) {
        context.api.destroyEvent(event);
        free.push(slot);
    }

    /**
     * One event and where it came from; also the cleaner action that gives it back. It must not
     * refer to its {@link LevelZeroEvent}, or the event would never become unreachable.
     */
    static final class Slot implements Runnable {
        private final ZeEventPool pool;
        private final int slot;
        private final MemorySegment event;
        private volatile boolean appended;

        Slot(ZeEventPool pool, int slot, MemorySegment event) {
            this.pool = pool;
            this.slot = slot;
            this.event = event;
        }

        MemorySegment event() {
            return event;
        }

        /** Records that a command signals this event, so release waits for it first. */
        void appended() {
            appended = true;
        }

        @Override
        public void run() {
            pool.release(slot, event, appended);
        }
    }
}
