package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.testing.OnEveryDevice;
import org.junit.jupiter.api.Test;

/** {@link Event#whenComplete} on every device: once, after completion, failures logged. */
class EventCompletionTest {

    private static final long BYTES = 16L << 20;
    /** A guard against a hang only: an action that never runs fails here instead of blocking the build. */
    private static final long HANG_GUARD_S = 60;

    @OnEveryDevice
    void anAlreadyCompleteEventRunsTheActionOnce(Device device) throws Exception {
        Event done = device.defaultQueue().marker().await();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        assertSame(done, done.whenComplete(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }));
        assertTrue(ran.await(HANG_GUARD_S, TimeUnit.SECONDS), "the action never ran on " + device);
        done.await();
        assertEquals(1, runs.get(), "runs of the action on " + device);
    }

    @OnEveryDevice
    void aPendingEventRunsTheActionAfterCompletionWithoutBeingAwaited(Device device) throws Exception {
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, BYTES);
        NativeMemory b = device.spi().allocate(UsmType.DEVICE, BYTES);
        try (Arena arena = Arena.ofConfined(); Queue q = device.createQueue(false)) {
            MemorySegment pattern = arena.allocateFrom(ValueLayout.JAVA_INT, 5);
            q.spi().fill(a, 0, BYTES, pattern, List.of());
            Event copy = q.wrap(q.spi().copy(a, 0, b, 0, BYTES, List.of()));
            List<Event.Status> seen = new CopyOnWriteArrayList<>();
            CountDownLatch ran = new CountDownLatch(1);
            copy.whenComplete(() -> {
                seen.add(copy.status());
                ran.countDown();
            });
            // Nobody awaits `copy`: the backend's own notification must run the action.
            assertTrue(ran.await(HANG_GUARD_S, TimeUnit.SECONDS), "the action never ran on " + device);
            copy.await();
            assertEquals(List.of(Event.Status.COMPLETE), seen, "statuses the action saw on " + device);
        } finally {
            a.free();
            b.free();
        }
    }

    @OnEveryDevice
    void afterAwaitReturnsEveryActionHasRun(Device device) {
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, BYTES);
        try (Arena arena = Arena.ofConfined(); Queue q = device.createQueue(false)) {
            Event fill = q.wrap(q.spi().fill(a, 0, BYTES, arena.allocateFrom(ValueLayout.JAVA_INT, 9), List.of()));
            AtomicInteger runs = new AtomicInteger();
            fill.whenComplete(runs::incrementAndGet).whenComplete(runs::incrementAndGet);
            fill.await();
            assertEquals(2, runs.get(), "actions run when await() returned on " + device);
            fill.await();
            assertEquals(2, runs.get(), "each action runs once on " + device);
        } finally {
            a.free();
        }
    }

    @OnEveryDevice
    void aThrowingActionIsLoggedAndDoesNotReachTheCaller(Device device) throws Exception {
        Logger log = Logger.getLogger(Event.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        CountDownLatch logged = new CountDownLatch(1);
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
                logged.countDown();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        try {
            Event e = device.defaultQueue().marker();
            e.whenComplete(() -> {
                throw new IllegalStateException("boom in the action");
            });
            e.await();
            assertTrue(logged.await(HANG_GUARD_S, TimeUnit.SECONDS), "nothing logged on " + device);
            LogRecord r = records.get(0);
            assertEquals(java.util.logging.Level.WARNING, r.getLevel());
            assertEquals("boom in the action", r.getThrown().getMessage());
            assertTrue(r.getMessage().contains("completion action"), r.getMessage());
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void aJavaDeviceCommandRunsTheActionOnlyWhenItCompletes() throws Exception {
        Device device = Devices.get("java:cpu:0");
        try (Queue q = device.createQueue(false)) {
            CountDownLatch gate = new CountDownLatch(1);
            Event task = q.wrap(q.spi().hostTask(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, List.of()));
            AtomicInteger runs = new AtomicInteger();
            task.whenComplete(runs::incrementAndGet);
            assertEquals(0, runs.get(), "the command is still blocked on its gate");
            gate.countDown();
            task.await();
            assertEquals(1, runs.get());
        }
    }

    @Test
    void awaitReturnsOnlyAfterAnActionABackendThreadIsRunning() throws Exception {
        Device device = Devices.get("java:cpu:0");
        try (Queue q = device.createQueue(false)) {
            CountDownLatch gate = new CountDownLatch(1);
            Event task = q.wrap(q.spi().hostTask(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, List.of()));
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            task.whenComplete(() -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.set(true);
            });
            gate.countDown();
            assertTrue(entered.await(HANG_GUARD_S, TimeUnit.SECONDS), "the action never started");
            java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
            Thread waiter = new Thread(() -> {
                task.await();
                seen.set(finished.get());
            });
            waiter.start();
            // The waiter either returned (the defect) or waits for the action the device's thread runs.
            while (waiter.getState() != Thread.State.BLOCKED && waiter.getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
            release.countDown();
            waiter.join();
            assertTrue(seen.get(), "await() returned while the completion action was still running");
        }
    }

    @Test
    void aNullActionIsRefused() {
        Event e = Devices.get("java:cpu:0").defaultQueue().marker();
        NullPointerException ex = assertThrows(NullPointerException.class, () -> e.whenComplete(null));
        assertTrue(ex.getMessage().contains("whenComplete"), ex.getMessage());
    }
}
