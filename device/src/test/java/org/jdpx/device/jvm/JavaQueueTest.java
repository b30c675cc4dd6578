package org.jdpx.device.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jdpx.device.spi.EventDriver;
import org.junit.jupiter.api.Test;

/**
 * Host tasks whose caller waits for them at once ({@code hostTaskAwaited}, a blocking kernel
 * launch): run on the caller's thread when the queue is idle, in queue order otherwise.
 */
class JavaQueueTest {

    @Test
    void anAwaitedTaskOnAnIdleQueueRunsOnTheCaller() {
        JavaQueue q = new JavaQueue(false);
        AtomicReference<Thread> ran = new AtomicReference<>();
        EventDriver e = q.hostTaskAwaited(() -> ran.set(Thread.currentThread()), List.of());
        e.await();
        assertSame(Thread.currentThread(), ran.get(), "no hand-off to a dispatcher thread");
        AtomicReference<Thread> async = new AtomicReference<>();
        q.hostTask(() -> async.set(Thread.currentThread()), List.of()).await();
        assertNotSame(Thread.currentThread(), async.get(), "a plain host task still goes to a dispatcher");
    }

    @Test
    void anAwaitedTaskBehindPendingWorkRunsAfterIt() throws Exception {
        JavaQueue q = new JavaQueue(false);
        CountDownLatch gate = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        q.hostTask(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("first");
        }, List.of());
        EventDriver second = q.hostTaskAwaited(() -> order.add("second"), List.of());
        gate.countDown();
        second.await();
        assertEquals(List.of("first", "second"), order);
    }

    @Test
    void commandsEnqueuedDuringAnAwaitedTaskRunAfterIt() throws Exception {
        JavaQueue q = new JavaQueue(false);
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<EventDriver> later = new AtomicReference<>();
        q.hostTaskAwaited(() -> {
            Thread t = Thread.ofPlatform().start(() -> later.set(q.marker(List.of())));
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            later.set(q.hostTask(() -> order.add("later"), List.of()));
            order.add("awaited");
        }, List.of()).await();
        later.get().await();
        assertEquals(List.of("awaited", "later"), order, "the queue stays in order");
    }

    @Test
    void aFailingAwaitedTaskFailsItsEventOnly() {
        JavaQueue q = new JavaQueue(false);
        EventDriver e = q.hostTaskAwaited(() -> {
            throw new IllegalStateException("boom");
        }, List.of());
        assertThrows(IllegalStateException.class, e::await);
        AtomicReference<String> next = new AtomicReference<>();
        q.hostTaskAwaited(() -> next.set("ran"), List.of()).await();
        assertEquals("ran", next.get(), "the queue goes on, as on OpenCL queues");
    }
}
