package org.jdpx.usm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.DeviceType;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;

class UsmPoolTest {

    @OnEveryDevice
    void freedBlocksAreReusedAndCounted(Device device) {
        UsmPool pool = UsmPool.of(device);
        UsmMemory first = UsmMemory.allocateDevice(device, 3000);
        PoolStats held = pool.stats();
        first.close();
        PoolStats freed = pool.stats();
        assertEquals(held.bytesInUse() - 4096, freed.bytesInUse(), "3000 bytes are a 4096-byte class");
        assertTrue(freed.bytesCached() >= 4096);
        try (UsmMemory again = UsmMemory.allocateDevice(device, 4000)) {
            PoolStats reused = pool.stats();
            assertEquals(freed.hits() + 1, reused.hits(), "same size class: served from the cache");
            assertEquals(freed.misses(), reused.misses());
            assertEquals(freed.bytesCached() - 4096, reused.bytesCached());
            assertTrue(reused.peakBytesInUse() >= reused.bytesInUse());
        }
        pool.trim();
        assertEquals(0, pool.stats().bytesCached());
    }

    /**
     * Blocks dropped without close (what array code does) come back for reuse within a loop: the
     * pool asks for a collection once the bytes in use grew by its budget, instead of every
     * request getting new memory until the heap happens to fill.
     */
    @OnEveryDevice
    void droppedBlocksAreReclaimedAndReused(Device device) {
        long bytes = (5L << 20) + 12345; // a size class no other test uses
        withBudget(device, 4 * bytes, pool -> {
            PoolStats before = pool.stats();
            int[] back = new int[2];
            for (int i = 0; i < 24; i++) {
                UsmMemory m = UsmMemory.allocateDevice(device, bytes);
                m.copyFromHost(new int[] {i, -i});
                m.copyToHost(back);
                assertEquals(i, back[0]);
                assertEquals(-i, back[1]);
            }
            PoolStats after = pool.stats();
            long hits = after.hits() - before.hits();
            assertTrue(after.reclaims() > before.reclaims(), "a collection was asked for: " + after);
            assertTrue(hits >= 8, "24 dropped blocks of one class, a budget of 4: " + hits + " reused, " + after);
        });
    }

    /**
     * The cleaners return a collection's dropped blocks one after another; the pool must count
     * all of them before it decides the memory is live and doubles its budget. Judged once the
     * first block was back, a loop dropping a block per call saw its budget double at each
     * collection and took new memory for most calls.
     */
    @OnEveryDevice
    void budgetStaysWhileCollectionsReturnTheDroppedBlocks(Device device) {
        long bytes = (1L << 20) + 4321; // a size class no other test uses
        withBudget(device, 16 * bytes, pool -> {
            PoolStats before = pool.stats();
            for (int i = 0; i < 160; i++) {
                UsmMemory.allocateDevice(device, bytes).copyFromHost(new int[] {i});
            }
            PoolStats after = pool.stats();
            long misses = after.misses() - before.misses();
            assertEquals(16 * bytes, pool.reclaimBudget(), "every collection gave back the blocks dropped before it: " + after);
            assertTrue(after.reclaims() - before.reclaims() >= 5, "a collection per 16 dropped blocks: " + after);
            assertTrue(misses <= 48, "160 dropped blocks, a budget of 16: " + misses + " new blocks, " + after);
        });
    }

    /**
     * On a CPU device (memory is the host's), a miss while more than the reclaim budget sits
     * cached in other classes frees cached blocks down to half the budget before taking new
     * memory, so a program that moved on to other sizes reuses the memory it freed instead of
     * growing. A GPU keeps its cache (checked where one is present).
     */
    @OnEveryDevice
    void aMissFreesCachedBlocksBeyondTheBudget(Device device) {
        boolean host = device.type() == DeviceType.CPU;
        long block = (3L << 20) + 999; // size classes no other test uses
        withBudget(device, 8L << 20, pool -> {
            List<UsmMemory> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(UsmMemory.allocateDevice(device, block));
            }
            held.forEach(UsmMemory::close);
            long cachedBefore = pool.stats().bytesCached();
            assertTrue(cachedBefore > 8L << 20, "four freed blocks are cached: " + pool.stats());
            try (UsmMemory other = UsmMemory.allocateDevice(device, (2L << 20) + 999)) {
                other.copyFromHost(new int[] {7});
                PoolStats after = pool.stats();
                if (host) {
                    assertTrue(after.bytesCached() <= 4L << 20, "cached beyond half the budget is freed on a miss: " + after);
                } else {
                    assertEquals(cachedBefore, after.bytesCached(), "a GPU's pool keeps its cached blocks: " + after);
                }
            }
            PoolStats closed = pool.stats();
            try (UsmMemory again = UsmMemory.allocateDevice(device, (2L << 20) + 999)) {
                PoolStats hit = pool.stats();
                assertEquals(closed.hits() + 1, hit.hits(), "the freed block of that class is reused");
                assertEquals(closed.bytesCached() - SizeClass.of((2L << 20) + 999), hit.bytesCached(), "a hit frees nothing else");
            }
        });
    }

    /** Runs {@code body} on {@code device}'s emptied pool with a reclaim budget of {@code budget} bytes, then restores the setting. */
    private static void withBudget(Device device, long budget, java.util.function.Consumer<UsmPool> body) {
        UsmPool pool = UsmPool.of(device);
        long saved = pool.reclaimBytes();
        pool.trim();
        pool.reclaimBytes(budget);
        try {
            body.accept(pool);
        } finally {
            pool.reclaimBytes(saved);
            System.gc();
        }
    }

    @OnEveryDevice
    void reclaimBudgetIsASettingAndRefusesNegatives(Device device) {
        long gb = 1L << 30;
        assertEquals(256L << 20, UsmPool.reclaimSetting(2 * gb), "an eighth of the device's memory");
        assertEquals(64L << 20, UsmPool.reclaimSetting(gb / 4), "at least 64 MiB");
        assertEquals(512L << 20, UsmPool.reclaimSetting(64 * gb), "at most 512 MiB");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UsmPool.of(device).reclaimBytes(-1));
        assertTrue(e.getMessage().contains("0 (off)"), e.getMessage());
    }

    @OnEveryDevice
    void outOfMemoryNamesBothSizesAndLeavesThePoolUsable(Device device) {
        long tooMuch = device.info().globalMemBytes() * 2 + (1L << 30);
        UsmPool pool = UsmPool.of(device);
        long before = pool.stats().bytesInUse();
        DeviceOutOfMemoryException e = assertThrows(DeviceOutOfMemoryException.class,
                () -> UsmMemory.allocateDevice(device, tooMuch));
        assertEquals(tooMuch, e.requestedBytes() >= tooMuch ? tooMuch : e.requestedBytes());
        assertTrue(e.getMessage().contains("requested") && e.getMessage().contains("available"), e.getMessage());
        assertEquals(before, pool.stats().bytesInUse(), "nothing of the failed request stays allocated");
        try (UsmMemory ok = UsmMemory.allocateDevice(device, 1 << 20)) {
            ok.fill(3);
            int[] back = new int[4];
            ok.copyToHost(back);
            assertEquals(3, back[3]);
        }
    }

    @OnEveryDevice
    void eightThreadsAllocateAndFreeConcurrently(Device device) throws Exception {
        UsmPool pool = UsmPool.of(device);
        long before = pool.stats().bytesInUse();
        ExecutorService ex = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                fs.add(ex.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        UsmType kind = UsmType.values()[(i + seed) % 3];
                        long size = 64L << ((i * 7 + seed) % 8);
                        UsmMemory m = UsmMemory.allocate(device.defaultQueue(), kind, size);
                        m.close();
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            ex.shutdownNow();
        }
        assertEquals(before, pool.stats().bytesInUse());
        assertTrue(pool.stats().hits() > 70_000, "nearly every cycle is a pool hit: " + pool.stats());
    }

    @OnEveryDevice
    void droppedAllocationsAreFreedByTheCleaner(Device device) throws InterruptedException {
        UsmPool pool = UsmPool.of(device);
        long before = pool.stats().bytesInUse();
        for (int i = 0; i < 10; i++) {
            UsmMemory.allocateDevice(device, 1 << 16).fill(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pool.stats().bytesInUse() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(before, pool.stats().bytesInUse());
    }

    @OnEveryDevice
    void zeroBytesIsHarmless(Device device) {
        try (UsmMemory m = UsmMemory.allocateHost(device, 0)) {
            m.copyFromHost(new byte[0]);
            assertEquals(0, m.toByteArray().length);
            assertEquals(0, m.hostSegment().byteSize());
        }
    }
}
