package org.jdpx.device.spi;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.jdpx.device.Event;

/** A backend's record of one enqueued command. */
public interface EventDriver {

    /** Blocks until the command completed; a failed command throws its error here. */
    void await();

    /**
     * Blocks until the command completed or {@code timeout} passed. This default polls
     * {@link #status()} (first spinning briefly, then sleeping up to a millisecond between
     * polls); backends with a native timed wait override it.
     *
     * @return whether the command completed; a failed command throws its error here
     */
    default boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000;
        while (true) {
            Event.Status s = status();
            if (s == Event.Status.COMPLETE || s == Event.Status.ERROR) {
                await();
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(pause, left));
            pause = Math.min(pause * 2, 1_000_000);
        }
    }

    /**
     * Waits for {@code done} at most {@code timeout}: for backends whose events complete a future.
     *
     * @param what the command, for the message when the wait is interrupted
     * @return whether it completed; its failure is rethrown (a checked one wrapped)
     */
    static boolean awaitFuture(Future<?> done, Duration timeout, String what) {
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /**
     * Asks the command to stop early, after its caller stopped waiting for it. Devices that cannot
     * stop a running command (OpenCL, Level Zero) ignore it; the java device stops a kernel
     * between chunks of work-items.
     */
    default void cancel() {
    }

    /**
     * Runs {@code action} once after the command completed (successfully or not), at once when it
     * already has. {@code action} never throws (the caller wraps it). This default waits on a
     * shared daemon thread per pending command, for backends without a native completion
     * notification (Level Zero); OpenCL and the java device override it.
     */
    default void onComplete(Runnable action) {
        Event.Status s = status();
        if (s == Event.Status.COMPLETE || s == Event.Status.ERROR) {
            action.run();
            return;
        }
        CompletionWaiters.POOL.execute(() -> {
            try {
                await();
            } catch (RuntimeException | Error e) {
                // a failed command is complete too; its failure reaches whoever awaits it
            }
            action.run();
        });
    }

    /** Where the command is now. */
    Event.Status status();

    /**
     * Whether the command has completed (successfully or not), asked without pushing anything to
     * the device: an OpenCL queue is not flushed, so a command it has not submitted yet reads as
     * not complete. For callers that only look in passing and will look again later (the USM pool
     * checking closed blocks): a flush per look made PoCL start every small kernel on its own.
     */
    default boolean peekComplete() {
        Event.Status s = status();
        return s == Event.Status.COMPLETE || s == Event.Status.ERROR;
    }

    /**
     * Device-clock timestamps in nanoseconds: queued, submitted, started, ended. Only valid once
     * the command completed on a queue created with profiling.
     */
    long[] profilingNanos();

    /** The threads of {@link #onComplete}'s default. */
    final class CompletionWaiters {
        static final java.util.concurrent.ExecutorService POOL =
                java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "jdpx-event-waiter");
                    t.setDaemon(true);
                    return t;
                });

        private CompletionWaiters() {
        }
    }
}
