package org.jdpx.device.spi;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.junit.jupiter.api.Test;

/**
 * Huge-page blocks: the allocator itself, and every device's large allocations, which must keep
 * their contents, be aligned to a huge page where the device uses them, and give their memory
 * back exactly when freed.
 */
class HugePagesTest {

    private static final long T = HugePages.thresholdBytes();

    @Test
    void thresholdSettingIsReadAndBadValuesAreNamed() {
        assertEquals(Long.MAX_VALUE, HugePages.readThreshold(null, null), "off unless asked for");
        assertEquals(HugePages.DEFAULT_THRESHOLD, HugePages.readThreshold("on", null));
        assertEquals(1234, HugePages.readThreshold("1234", null));
        assertEquals(99, HugePages.readThreshold("1234", "99"), "the property wins over the variable");
        assertEquals(Long.MAX_VALUE, HugePages.readThreshold("off", null));
        assertEquals(Long.MAX_VALUE, HugePages.readThreshold(null, "-1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HugePages.readThreshold("4MiB", null));
        assertTrue(e.getMessage().contains("JDPX_HUGEPAGES_MIN_BYTES"), e.getMessage());
    }

    @Test
    void blocksAboveTheThresholdAreAlignedZeroedAndGetHugePages() throws IOException {
        assumeTrue(T < Long.MAX_VALUE, "huge pages are off or not on Linux");
        assertTrue(HugePages.allocate(T - 1).isEmpty(), "below the threshold");
        long before = HugePages.liveBytes();
        long bytes = 3 * HugePages.PAGE + 12345;
        HugePages.Block b = HugePages.allocate(Math.max(T, bytes)).orElseThrow();
        try {
            MemorySegment s = b.segment();
            assertEquals(0, s.address() % HugePages.PAGE);
            assertEquals(Math.max(T, bytes), s.byteSize());
            assertEquals(before + s.byteSize(), HugePages.liveBytes());
            for (long i = 0; i < s.byteSize(); i += 4096) {
                assertEquals(0, s.get(ValueLayout.JAVA_BYTE, i), "fresh memory reads as zero at " + i);
            }
            s.fill((byte) 7);
            if (thpEnabled()) {
                assertTrue(anonHugeKiB(s.address()) > 0, "the touched block has no huge pages (smaps)");
            }
        } finally {
            b.release();
            b.release(); // idempotent
        }
        assertEquals(before, HugePages.liveBytes());
    }

    /** Sizes below, at and above the threshold keep what is written on every device. */
    @OnEveryDevice
    void largeBlocksRoundTripOnEveryDevice(Device device) throws InterruptedException {
        long t = T == Long.MAX_VALUE ? HugePages.DEFAULT_THRESHOLD : T;
        QueueDriver q = device.spi().createQueue(false);
        try (Arena arena = Arena.ofConfined()) {
            for (UsmType kind : UsmType.values()) {
                for (long n : new long[] {t - 64, t, t + 12348, 3 * HugePages.PAGE + 4}) {
                    long before = HugePages.liveBytes();
                    NativeMemory m = device.spi().allocate(kind, n);
                    boolean huge = n >= T && hugeDevice(device) && (kind != UsmType.SHARED || isJava(device));
                    if (huge) {
                        assertEquals(before + n, HugePages.liveBytes(), kind + " block of " + n + " not on huge pages");
                    }
                    MemorySegment src = arena.allocate(n, 64);
                    for (long i = 0; i < n / 4; i++) src.setAtIndex(ValueLayout.JAVA_INT, i, (int) (i * 31 + n));
                    q.copyFromHost(src, m, 0, List.of()).await();
                    MemorySegment back = arena.allocate(n, 64);
                    q.copyToHost(m, 0, back, List.of()).await();
                    assertEquals(-1, src.mismatch(back), kind + " block of " + n + " bytes on " + device);
                    if (huge && kind != UsmType.DEVICE) {
                        assertEquals(0, m.hostView().address() % HugePages.PAGE, kind + " " + n + " not on huge pages");
                    }
                    m.free();
                    awaitLiveBytes(before, device + " " + kind + " " + n);
                }
            }
        } finally {
            q.release();
        }
    }

    /**
     * Allocating and freeing 16 MiB blocks 200 times (3.2 GB in all, each one written) ends with
     * no huge-page block left (at once: the java device and PoCL unmap at free) and the process's
     * resident memory grown by far less than that.
     */
    @OnEveryDevice
    void freedBlocksGiveTheirMemoryBack(Device device) throws IOException, InterruptedException {
        long bytes = 16L << 20;
        QueueDriver q = device.spi().createQueue(false);
        long live = HugePages.liveBytes();
        long rss0 = rssBytes();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = arena.allocate(bytes, 64);
            src.fill((byte) 3);
            for (int i = 0; i < 200; i++) {
                NativeMemory m = device.spi().allocate(i % 2 == 0 ? UsmType.DEVICE : UsmType.HOST, bytes);
                q.copyFromHost(src, m, 0, List.of()).await();
                m.free();
            }
        } finally {
            q.release();
        }
        awaitLiveBytes(live, device.toString());
        // Only blocks on huge pages are unmapped at free: other drivers' memory goes back to their
        // allocator (glibc keeps freed 16 MiB chunks once its mmap threshold has grown past them)
        assumeTrue(hugeDevice(device), "the resident bound is about huge-page blocks");
        long grown = rssBytes() - rss0;
        assertTrue(grown < 512L << 20, "resident memory grew by " + grown + " bytes on " + device);
    }

    private static boolean isJava(Device device) {
        return device.backend().equals("java");
    }

    /** The java device and PoCL take huge pages (SVM shared blocks aside); rusticl runs no destructor callbacks. */
    private static boolean hugeDevice(Device device) {
        return isJava(device) || device.type() == org.jdpx.device.DeviceType.CPU
                && device.info().platform().contains("Portable Computing Language");
    }

    /** OpenCL drivers may run buffer destructor callbacks on a thread of their own. */
    private static void awaitLiveBytes(long expected, String what) throws InterruptedException {
        for (int i = 0; i < 500 && HugePages.liveBytes() != expected; i++) Thread.sleep(10);
        assertEquals(expected, HugePages.liveBytes(), "huge-page bytes still mapped after free: " + what);
    }

    private static boolean thpEnabled() throws IOException {
        Path p = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        return Files.exists(p) && !Files.readString(p).contains("[never]");
    }

    /** AnonHugePages of the mapping that holds {@code address}, from /proc/self/smaps. */
    private static long anonHugeKiB(long address) throws IOException {
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] range = line.split(" ")[0].split("-");
                inside = Long.parseUnsignedLong(range[0], 16) <= address && address < Long.parseUnsignedLong(range[1], 16);
            } else if (inside && line.startsWith("AnonHugePages:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
