package org.jdpx.device.jvm;

import java.time.Duration;
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
    /** Set when the caller stopped waiting; long host tasks poll it through {@code Cancellation}. */
    volatile boolean cancelled;
    CompletableFuture<Void> future;

    @Override
    public void await() {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public boolean await(Duration timeout) {
        return EventDriver.awaitFuture(future, timeout, "a command of the java device");
    }

    /** Runs {@code action} where the command's future completes, or at once when it did. */
    @Override
    public void onComplete(Runnable action) {
        future.whenComplete((v, t) -> action.run());
    }

    @Override
    public void cancel() {
        cancelled = true;
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
