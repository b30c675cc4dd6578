package org.jdpx.device.jvm;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;

/**
 * An in-order queue of the java device. Each command is chained after the previous one; when the
 * queue is idle and its dependencies are done, the command runs at once on the caller's thread
 * (no hand-off latency), otherwise on a dispatcher thread when its turn comes.
 */
final class JavaQueue implements QueueDriver {

    private static final ExecutorService DISPATCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdpx-java-queue");
        t.setDaemon(true);
        return t;
    });

    private final boolean profiling;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    JavaQueue(boolean profiling) {
        this.profiling = profiling;
    }

    /** Enqueues {@code work} after everything before it and after {@code deps}. */
    synchronized EventDriver submit(Runnable work, List<EventDriver> deps) {
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
        Runnable body = () -> {
            ev.submitted = System.nanoTime();
            for (EventDriver f : foreign) {
                f.await();
            }
            ev.running = true;
            ev.started = System.nanoTime();
            try {
                work.run();
            } finally {
                ev.ended = System.nanoTime();
                ev.running = false;
            }
        };
        boolean ready = foreign.isEmpty() && waits.stream().allMatch(CompletableFuture::isDone);
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

    @Override
    public EventDriver copy(NativeMemory src, long srcOffset, NativeMemory dst, long dstOffset, long bytes,
                            List<EventDriver> deps) {
        return submit(() -> MemorySegment.copy(src.jvmSegment(), srcOffset, dst.jvmSegment(), dstOffset, bytes), deps);
    }

    @Override
    public EventDriver copyFromHost(MemorySegment src, NativeMemory dst, long dstOffset, List<EventDriver> deps) {
        return submit(() -> MemorySegment.copy(src, 0, dst.jvmSegment(), dstOffset, src.byteSize()), deps);
    }

    @Override
    public EventDriver copyToHost(NativeMemory src, long srcOffset, MemorySegment dst, List<EventDriver> deps) {
        return submit(() -> MemorySegment.copy(src.jvmSegment(), srcOffset, dst, 0, dst.byteSize()), deps);
    }

    @Override
    public EventDriver fill(NativeMemory dst, long offset, long bytes, MemorySegment pattern, List<EventDriver> deps) {
        MemorySegment p = MemorySegment.ofArray(pattern.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        return submit(() -> Fill.fill(dst.jvmSegment().asSlice(offset, bytes), p), deps);
    }

    @Override
    public EventDriver hostTask(Runnable work, List<EventDriver> deps) {
        return submit(work, deps);
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
