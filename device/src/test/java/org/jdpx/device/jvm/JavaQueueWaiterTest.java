package org.jdpx.device.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdpx.device.spi.EventDriver;
import org.junit.jupiter.api.Test;

/**
 * Host tasks their waiter may run ({@code hostTaskRunnableByWaiter}, the java device's kernel
 * launches): awaited before a dispatcher thread took them, they run on the waiting thread; either
 * way once, in queue order, with failures reported on their own event only.
 */
class JavaQueueWaiterTest {

    /** Blocks the queue until the returned latch is released, so that later commands wait. */
    private static CountDownLatch blockQueue(JavaQueue q, List<String> order) {
        CountDownLatch gate = new CountDownLatch(1);
        q.hostTask(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("first");
        }, List.of());
        return gate;
    }

    @Test
    void aTaskBehindPendingWorkRunsAfterItAndOnce() {
        JavaQueue q = new JavaQueue(false);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch gate = blockQueue(q, order);
        AtomicInteger runs = new AtomicInteger();
        EventDriver e = q.hostTaskRunnableByWaiter(() -> {
            runs.incrementAndGet();
            order.add("second");
        }, List.of());
        gate.countDown();
        e.await();
        assertEquals(List.of("first", "second"), order, "after the command before it");
        assertEquals(1, runs.get(), "once");
        AtomicReference<Thread> plain = new AtomicReference<>();
        q.hostTask(() -> plain.set(Thread.currentThread()), List.of()).await();
        assertNotSame(Thread.currentThread(), plain.get(), "a plain host task still runs on a dispatcher");
    }

    @Test
    void readyTasksRaceTheDispatcherButRunOnce() throws InterruptedException {
        JavaQueue q = new JavaQueue(false);
        for (int k = 0; k < 200; k++) {
            AtomicInteger runs = new AtomicInteger();
            AtomicReference<Thread> ran = new AtomicReference<>();
            EventDriver e = q.hostTaskRunnableByWaiter(() -> {
                runs.incrementAndGet();
                ran.set(Thread.currentThread());
            }, List.of());
            e.await();
            q.finish();
            assertEquals(1, runs.get(), "run " + k);
            assertTrue(ran.get() == Thread.currentThread() || ran.get().getName().equals("jdpx-java-queue"),
                    "the waiter or a dispatcher: " + ran.get());
        }
    }

    @Test
    void commandsEnqueuedWhileItRunsComeAfterIt() {
        JavaQueue q = new JavaQueue(false);
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<EventDriver> later = new AtomicReference<>();
        CountDownLatch gate = blockQueue(q, order);
        EventDriver e = q.hostTaskRunnableByWaiter(() -> {
            later.set(q.hostTask(() -> order.add("later"), List.of()));
            order.add("awaited");
        }, List.of());
        gate.countDown();
        e.await();
        later.get().await();
        assertEquals(List.of("first", "awaited", "later"), order);
    }

    @Test
    void aFailureFailsItsEventOnlyAndATimedWaitLeavesTheTaskToTheDispatcher() {
        JavaQueue q = new JavaQueue(false);
        EventDriver e = q.hostTaskRunnableByWaiter(() -> {
            throw new IllegalStateException("boom");
        }, List.of());
        assertEquals("boom", assertThrows(IllegalStateException.class, e::await).getMessage());
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch gate = blockQueue(q, order);
        AtomicReference<Thread> ran = new AtomicReference<>();
        EventDriver timed = q.hostTaskRunnableByWaiter(() -> ran.set(Thread.currentThread()), List.of());
        gate.countDown();
        assertTrue(timed.await(Duration.ofSeconds(30)));
        assertNotSame(Thread.currentThread(), ran.get(), "a waiter that may give up does not run it");
    }
}
