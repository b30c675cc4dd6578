package org.jdpx.usm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jdpx.device.Device;
import org.jdpx.device.Event;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.testing.OnEveryDevice;

/**
 * {@link UsmMemory#closeWhenDone()}: refuses use at once, does not wait for the command still
 * running on the memory, and gives the block back to the pool only once that command has finished
 * (the command here is one the test completes itself, so the order is certain on every device).
 * Also {@link UsmMemory#isAddressShared()} and the allocation numbers scopes rely on.
 */
class UsmCloseWhenDoneTest {

    /** A command that completes when the test says so. */
    private static final class Held implements EventDriver {
        final CompletableFuture<Void> done = new CompletableFuture<>();

        @Override public void await() { done.join(); }
        @Override public Event.Status status() { return done.isDone() ? Event.Status.COMPLETE : Event.Status.RUNNING; }
        @Override public long[] profilingNanos() { return new long[4]; }
    }

    @OnEveryDevice
    void theBlockReturnsOnlyAfterTheLastCommand(Device device) throws Exception {
        UsmPool pool = UsmPool.of(device);
        long bytes = 3 << 20;
        UsmMemory m = UsmMemory.allocate(device.defaultQueue(), UsmType.DEVICE, bytes);
        Held running = new Held();
        NativeMemory[] block = new NativeMemory[1];
        m.withBlock("hold", b -> {
            block[0] = b;
            return running;
        });
        assertTimeoutPreemptively(Duration.ofSeconds(60), m::closeWhenDone, "closeWhenDone must not wait for the command");
        assertTrue(m.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.copyFromHost(new byte[16]));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertFalse(pool.caches(block[0]), "the block went back while its command was still running");
        UsmMemory.allocate(device.defaultQueue(), UsmType.DEVICE, 64).close();
        assertFalse(pool.caches(block[0]), "a request returned a block whose command was still running");
        running.done.complete(null);
        try (UsmMemory next = UsmMemory.allocate(device.defaultQueue(), UsmType.HOST, 64)) {
            assertTrue(pool.caches(block[0]) || !pool.isCaching(),
                    "the next request to the pool did not take back a block whose command had finished");
        }
        m.close(); // harmless afterwards
    }

    @OnEveryDevice
    void trimWaitsForHeldBackBlocks(Device device) throws Exception {
        UsmPool pool = UsmPool.of(device);
        UsmMemory m = UsmMemory.allocate(device.defaultQueue(), UsmType.SHARED, 1 << 20);
        Held running = new Held();
        m.withBlock("hold", b -> running);
        m.closeWhenDone();
        assertTrue(pool.deferredBlocks() >= 1);
        Thread finisher = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.done.complete(null);
        });
        assertTimeoutPreemptively(Duration.ofSeconds(60), pool::trim);
        assertEquals(0, pool.deferredBlocks(), "trim leaves no closed block behind");
        finisher.join();
    }

    @OnEveryDevice
    void withNothingPendingTheBlockReturnsAtOnce(Device device) {
        UsmPool pool = UsmPool.of(device);
        UsmMemory m = UsmMemory.allocate(device.defaultQueue(), UsmType.SHARED, 5 << 20);
        NativeMemory[] block = new NativeMemory[1];
        m.withBlock("look at", b -> {
            block[0] = b;
            return null;
        });
        m.closeWhenDone();
        assertTrue(m.isClosed());
        assertTrue(pool.caches(block[0]) || !pool.isCaching(), "nothing was pending, so the block is back at once");
    }

    @OnEveryDevice
    void addressesHandedOutAreRecorded(Device device) {
        try (UsmMemory a = UsmMemory.allocateShared(device, 64); UsmMemory b = UsmMemory.allocateDevice(device, 64)) {
            assertFalse(a.isAddressShared());
            a.copyFromHost(new byte[64]);
            assertFalse(a.isAddressShared(), "a copy hands out no address");
            a.hostSegment();
            assertTrue(a.isAddressShared());
            b.nativeHandle();
            assertTrue(b.isAddressShared());
            assertTrue(b.allocationNumber() > a.allocationNumber());
            assertTrue(UsmMemory.latestAllocationNumber() >= b.allocationNumber());
        }
    }
}
