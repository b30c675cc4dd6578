package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The java device's host loops: every task once, and a failure returned only after every thread stopped. */
class HostThreadsTest {

    @Test
    void runsEveryTaskOnce() {
        int n = 1000;
        AtomicLongArray seen = new AtomicLongArray(n);
        HostThreads.run(n, false, "test loop", t -> seen.incrementAndGet((int) t));
        for (int i = 0; i < n; i++) assertEquals(1, seen.get(i), "task " + i);
    }

    /**
     * The caller's own task throws while a helper is in the middle of one: the failure must wait
     * for the helper, or the command it belongs to ends (and its memory may be freed and reused)
     * while the helper still writes. Before the fix the caller threw at once with the helper busy.
     */
    @Test
    void callerFailureWaitsForTheHelpers() {
        Assumptions.assumeTrue(HostThreads.threads() > 1, "needs a helper thread");
        Thread caller = Thread.currentThread();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger helperBusy = new AtomicInteger();
        RuntimeException e = assertThrows(RuntimeException.class, () -> HostThreads.run(200, false, "test loop", t -> {
            if (Thread.currentThread() == caller) {
                // wait until a helper is inside a task, then fail
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (helperBusy.get() == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
                throw new IllegalArgumentException("task " + t + " failed");
            }
            running.incrementAndGet();
            started.incrementAndGet();
            helperBusy.set(1);
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }));
        assertTrue(e.getMessage().contains("failed"), e.getMessage());
        assertEquals(0, running.get(), "a helper still ran a task when the failure was thrown");
        assertTrue(started.get() < 199, "the helpers went on taking tasks after the failure: " + started.get());
    }
}
