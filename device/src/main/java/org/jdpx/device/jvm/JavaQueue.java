package org.jdpx.device.jvm;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdpx.device.spi.Cancellation;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;

/**
 * An in-order queue of the java device. Each command is chained after the previous one. A copy,
 * fill or marker runs at once on the caller's thread when the queue is idle and its dependencies
 * are done (no hand-off latency), otherwise on a dispatcher thread when its turn comes. Host tasks
 * (kernels) run on a dispatcher thread, so {@code launchAsync} returns at once however long the
 * kernel runs, and a caller that waits with a timeout can give up on it; the task can poll
 * {@link Cancellation#current()} to stop early when that happens. A host task its caller waits
 * for at once without a timeout ({@link #hostTaskAwaited}: a blocking {@code Kernels.launch}) runs
 * on the caller's thread when the queue is idle.
 */
final class JavaQueue implements QueueDriver {

    private static final ExecutorService DISPATCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdpx-java-queue");
        t.setDaemon(true);
        return t;
    });

    /** A thread that is not the caller, for asking whether a host segment is confined to the caller. */
    private static final Thread NOT_THE_CALLER = Thread.ofPlatform().unstarted(() -> { });

    private final boolean profiling;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    JavaQueue(boolean profiling) {
        this.profiling = profiling;
    }

    /** Enqueues {@code work} after everything before it and after {@code deps}; may run it inline. */
    EventDriver submit(Runnable work, List<EventDriver> deps) {
        return submit(work, deps, true);
    }

    /**
     * Enqueues {@code work} after everything before it and after {@code deps}.
     *
     * @param inline whether a ready command may run on the caller's thread (short commands only:
     *               it runs while this queue's lock is held)
     */
    synchronized EventDriver submit(Runnable work, List<EventDriver> deps, boolean inline) {
        JavaEvent ev = new JavaEvent();
        List<CompletableFuture<Void>> waits = new ArrayList<>(deps.size() + 1);
        List<EventDriver> foreign = new ArrayList<>();
        waits.add(tail);
        for (EventDriver d : deps) {
            if (d instanceof JavaEvent je) {
                waits.add(je.future);
            } else {
                foreign.add(d);
            }
        }
        Runnable body = body(ev, foreign, work);
        boolean ready = inline && foreign.isEmpty() && waits.stream().allMatch(CompletableFuture::isDone);
        if (ready) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            ev.future = f;
            try {
                body.run();
                f.complete(null);
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        } else {
            // A failed predecessor does not stop later commands, as on OpenCL queues.
            CompletableFuture<Void> after = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                    .handle((v, t) -> null);
            ev.future = after.thenRunAsync(body, DISPATCH);
        }
        tail = ev.future.handle((v, t) -> null);
        return ev;
    }

    /** What a command runs: its foreign dependencies awaited, then {@code work}, with the event's times set. */
    private static Runnable body(JavaEvent ev, List<EventDriver> foreign, Runnable work) {
        return () -> {
            ev.submitted = System.nanoTime();
            for (EventDriver f : foreign) {
                f.await();
            }
            ev.running = true;
            ev.started = System.nanoTime();
            try {
                Cancellation.runWith(() -> ev.cancelled, work);
            } finally {
                ev.ended = System.nanoTime();
                ev.running = false;
            }
        };
    }

    /**
     * A host task whose caller waits for it at once with no timeout: when the queue is idle and
     * {@code deps} are java events that completed, it runs on the caller's thread, without this
     * queue's lock held, so other threads may still enqueue (their commands chain after it).
     * Otherwise as {@link #hostTask}.
     */
    @Override
    public EventDriver hostTaskAwaited(Runnable work, List<EventDriver> deps) {
        JavaEvent ev = new JavaEvent();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        synchronized (this) {
            boolean ready = tail.isDone();
            for (EventDriver d : deps) {
                ready &= d instanceof JavaEvent je && je.future.isDone();
            }
            if (!ready) {
                return submit(work, deps, false);
            }
            ev.future = mine;
            tail = mine.handle((v, t) -> null);
        }
        try {
            body(ev, List.of(), work).run();
            mine.complete(null);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
        }
        return ev;
    }

    @Override
    public EventDriver copy(NativeMemory src, long srcOffset, NativeMemory dst, long dstOffset, long bytes,
                            List<EventDriver> deps) {
        return submit(() -> MemorySegment.copy(src.jvmSegment(), srcOffset, dst.jvmSegment(), dstOffset, bytes), deps);
    }

    @Override
    public EventDriver copyFromHost(MemorySegment src, NativeMemory dst, long dstOffset, List<EventDriver> deps) {
        return submitTouching(src, () -> MemorySegment.copy(src, 0, dst.jvmSegment(), dstOffset, src.byteSize()),
                deps);
    }

    @Override
    public EventDriver copyToHost(NativeMemory src, long srcOffset, MemorySegment dst, List<EventDriver> deps) {
        return submitTouching(dst, () -> MemorySegment.copy(src.jvmSegment(), srcOffset, dst, 0, dst.byteSize()),
                deps);
    }

    /**
     * A copy touching {@code host}. A segment confined to the caller's thread can be touched only
     * there, so then the caller waits for the commands before it (with this queue locked, so that
     * none slips in between) and copies itself; other segments are enqueued as usual.
     */
    private EventDriver submitTouching(MemorySegment host, Runnable work, List<EventDriver> deps) {
        if (host.isAccessibleBy(NOT_THE_CALLER)) {
            return submit(work, deps);
        }
        synchronized (this) {
            for (EventDriver d : deps) {
                try {
                    d.await();
                } catch (RuntimeException failed) {
                    // A failed predecessor does not stop later commands, as on OpenCL queues.
                }
            }
            tail.join();
            return submit(work, List.of());
        }
    }

    @Override
    public EventDriver fill(NativeMemory dst, long offset, long bytes, MemorySegment pattern, List<EventDriver> deps) {
        MemorySegment p = MemorySegment.ofArray(pattern.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        return submit(() -> Fill.fill(dst.jvmSegment().asSlice(offset, bytes), p), deps);
    }

    @Override
    public EventDriver hostTask(Runnable work, List<EventDriver> deps) {
        return submit(work, deps, false);
    }

    @Override
    public EventDriver marker(List<EventDriver> deps) {
        return submit(() -> { }, deps);
    }

    @Override
    public void finish() {
        CompletableFuture<Void> t;
        synchronized (this) {
            t = tail;
        }
        t.join();
    }

    @Override
    public boolean profiling() {
        return profiling;
    }

    @Override
    public void release() {
        finish();
    }
}
