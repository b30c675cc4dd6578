package org.jdpx.device.levelzero;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;

/**
 * An in-order queue of a Level Zero device: one immediate command list (commands go to the device
 * as they are appended) on command-queue group 0. Every command signals its own event and waits on
 * the previous command's event and on its dependencies, which keeps the order on every 1.x driver
 * (the {@code IN_ORDER} queue flag only exists since API 1.7). Dependencies from another context or
 * backend are awaited on the host first. Level Zero forbids appending to one list from two threads
 * at once, so the methods are synchronized.
 */
final class LevelZeroQueue implements QueueDriver {

    /** Appends one command that signals {@code signal} after {@code waitCount} events in {@code waits}. */
    @FunctionalInterface
    private interface Command {
        void append(MemorySegment signal, int waitCount, MemorySegment waits);
    }

    private final ZeContext context;
    private final ZeApi api;
    private final MemorySegment list;
    private final boolean profiling;
    private final ZeEventPool events;
    private final ZeClock clock;
    /** Commands not yet seen complete, oldest first; they keep their events and staging alive. */
    private final ArrayDeque<LevelZeroEvent> inFlight = new ArrayDeque<>();
    private boolean released;

    LevelZeroQueue(ZeContext context, MemorySegment device, boolean profiling, ZeEventPool events, ZeClock clock) {
        this.context = context;
        this.api = context.api;
        this.list = api.createImmediateList(context.handle(), device);
        this.profiling = profiling;
        this.events = events;
        this.clock = profiling ? clock : null;
    }

    @Override
    public EventDriver copy(NativeMemory src, long srcOffset, NativeMemory dst, long dstOffset, long bytes,
                            List<EventDriver> deps) {
        MemorySegment s = address(src, srcOffset);
        MemorySegment d = address(dst, dstOffset);
        return submit(deps, null, (sig, n, w) -> api.appendCopy(list, d, s, bytes, sig, n, w));
    }

    @Override
    public EventDriver copyFromHost(MemorySegment src, NativeMemory dst, long dstOffset, List<EventDriver> deps) {
        MemorySegment d = address(dst, dstOffset);
        long bytes = src.byteSize();
        Arena staging = null;
        MemorySegment from = src;
        if (!src.isNative()) {
            // The device cannot read the Java heap, and the copy runs after this call returns.
            staging = Arena.ofShared();
            from = staging.allocate(bytes, NativeMemory.MIN_ALIGNMENT).copyFrom(src);
        }
        MemorySegment s = from;
        return submit(deps, staging, (sig, n, w) -> api.appendCopy(list, d, s, bytes, sig, n, w));
    }

    @Override
    public EventDriver copyToHost(NativeMemory src, long srcOffset, MemorySegment dst, List<EventDriver> deps) {
        MemorySegment s = address(src, srcOffset);
        long bytes = dst.byteSize();
        if (dst.isNative()) {
            return submit(deps, null, (sig, n, w) -> api.appendCopy(list, dst, s, bytes, sig, n, w));
        }
        // A heap destination: copy into native memory, wait, then into the heap, so the returned
        // event is already complete and the data is where the caller asked.
        try (Arena staging = Arena.ofShared()) {
            MemorySegment buf = staging.allocate(bytes, NativeMemory.MIN_ALIGNMENT);
            LevelZeroEvent ev = submit(deps, null, (sig, n, w) -> api.appendCopy(list, buf, s, bytes, sig, n, w));
            ev.await();
            dst.copyFrom(buf);
            return ev;
        }
    }

    @Override
    public EventDriver fill(NativeMemory dst, long offset, long bytes, MemorySegment pattern, List<EventDriver> deps) {
        MemorySegment d = address(dst, offset);
        // The pattern is read by the device, so it lives in native memory until the fill completes.
        Arena staging = Arena.ofShared();
        MemorySegment p = staging.allocate(pattern.byteSize(), 8).copyFrom(pattern);
        return submit(deps, staging, (sig, n, w) -> api.appendFill(list, d, p, p.byteSize(), bytes, sig, n, w));
    }

    @Override
    public EventDriver marker(List<EventDriver> deps) {
        return submit(deps, null, (sig, n, w) -> api.appendBarrier(list, sig, n, w));
    }

    /** Waits on a barrier after everything enqueued ({@code zeCommandListHostSynchronize} is API 1.6+). */
    @Override
    public void finish() {
        LevelZeroEvent last = submit(List.of(), null, (sig, n, w) -> api.appendBarrier(list, sig, n, w));
        last.await();
        synchronized (this) {
            retireCompleted();
        }
    }

    @Override
    public boolean profiling() {
        return profiling;
    }

    /** Waits for every command, then destroys the command list; a second call does nothing. */
    @Override
    public synchronized void release() {
        if (released) {
            return;
        }
        finish();
        released = true;
        api.destroyList(list);
    }

    /** Appends one command after the previous one and {@code deps}; {@code staging} is closed once it completed. */
    private synchronized LevelZeroEvent submit(List<EventDriver> deps, Arena staging, Command command) {
        try {
            if (released) {
                throw new IllegalStateException("this Level Zero queue was released");
            }
            retireCompleted();
            List<EventDriver> held = new ArrayList<>();
            if (!inFlight.isEmpty()) {
                held.add(inFlight.peekLast());
            }
            for (EventDriver d : deps) {
                if (d instanceof LevelZeroEvent e && e.sameContext(context)) {
                    held.add(e);
                } else {
                    d.await();
                }
            }
            LevelZeroEvent ev = new LevelZeroEvent(events.acquire(), context, clock);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment waits = held.isEmpty() ? MemorySegment.NULL : a.allocate(ADDRESS, held.size());
                for (int i = 0; i < held.size(); i++) {
                    waits.setAtIndex(ADDRESS, i, ((LevelZeroEvent) held.get(i)).handle());
                }
                command.append(ev.handle(), held.size(), waits);
            }
            ev.hold(staging, held);
            inFlight.add(ev);
            return ev;
        } catch (RuntimeException | Error e) {
            if (staging != null) {
                staging.close();
            }
            throw e;
        }
    }

    /** Drops completed commands from the head; in order, so the first incomplete one ends the scan. */
    private void retireCompleted() {
        while (!inFlight.isEmpty() && inFlight.peek().isComplete()) {
            inFlight.poll().retire();
        }
    }

    /** The device address {@code offset} bytes into a block of this queue's context. */
    private MemorySegment address(NativeMemory block, long offset) {
        if (!(block instanceof LevelZeroMemory m) || m.context() != context) {
            throw new IllegalArgumentException("memory " + block + " does not belong to this Level Zero context");
        }
        return MemorySegment.ofAddress(m.pointer().address() + offset);
    }
}
