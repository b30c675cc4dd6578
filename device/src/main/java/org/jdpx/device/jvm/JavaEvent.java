package org.jdpx.device.jvm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdpx.device.Event;
import org.jdpx.device.spi.EventDriver;

/** A command of the java device; its clock is {@link System#nanoTime()}. */
final class JavaEvent implements EventDriver {

    final long queued = System.nanoTime();
    volatile long submitted;
    volatile long started;
    volatile long ended;
    volatile boolean running;
    CompletableFuture<Void> future;

    @Override
    public void await() {
        try {
            future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public Event.Status status() {
        if (future.isDone()) {
            return future.isCompletedExceptionally() ? Event.Status.ERROR : Event.Status.COMPLETE;
        }
        if (running) {
            return Event.Status.RUNNING;
        }
        return submitted != 0 ? Event.Status.SUBMITTED : Event.Status.QUEUED;
    }

    @Override
    public long[] profilingNanos() {
        return new long[] {queued, submitted, started, ended};
    }
}
