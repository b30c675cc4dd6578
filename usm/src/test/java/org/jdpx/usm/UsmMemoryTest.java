package org.jdpx.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.SegmentViews;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsmMemoryTest {

    static Stream<Arguments> deviceKindSize() {
        return TestDevices.all().flatMap(d -> Stream.of(UsmType.values()).flatMap(k ->
                Stream.of(0L, 1L, 17L, 1L << 20).map(n -> Arguments.of(d, k, n))));
    }

    private static byte[] randomBytes(long n, long seed) {
        byte[] b = new byte[(int) n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0} {1} {2} bytes")
    @MethodSource("deviceKindSize")
    void roundTripsEveryKindAndSize(Device device, UsmType kind, long n) {
        byte[] data = randomBytes(n, n * 31 + kind.ordinal());
        try (UsmMemory m = UsmMemory.allocate(device.defaultQueue(), kind, n)) {
            assertEquals(n, m.byteSize());
            assertSame(device, m.device());
            assertSame(device.defaultQueue(), m.queue());
            assertEquals(kind, m.kind());
            m.copyFromHost(data);
            assertArrayEquals(data, m.toByteArray());
        }
    }

    static Stream<Arguments> bigDevices() {
        return TestDevices.all().filter(d -> d.filterString().equals("opencl:cpu:0") || d.backend().equals("java"))
                .flatMap(d -> Stream.of(UsmType.values()).map(k -> Arguments.of(d, k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bigDevices")
    void roundTrips256MiB(Device device, UsmType kind) {
        long n = 256L << 20;
        try (Arena arena = Arena.ofConfined(); UsmMemory m = UsmMemory.allocate(device.defaultQueue(), kind, n)) {
            MemorySegment src = arena.allocate(n, 64);
            for (long i = 0; i < n / 8; i++) {
                src.setAtIndex(ValueLayout.JAVA_LONG, i, i * 0x9E3779B97F4A7C15L);
            }
            m.copyFromHost(src);
            MemorySegment back = arena.allocate(n, 64);
            m.copyToHost(back);
            assertEquals(-1L, src.mismatch(back), "first differing byte");
        }
    }

    /**
     * The segment a block hands to JVM code (the java device's kernels read it) may be viewed
     * confined to a kernel's thread: jdpx alone closes its arena, after the block's last command.
     * Before, it lived in a plain shared arena, so kernels kept its liveness check and deoptimised
     * at each launch once any confined arena had been used (triad on java:cpu:0 78-91 ms instead
     * of 17 in the full bench).
     */
    @OnEveryDevice
    void jvmSegmentsMayBeViewedByKernels(Device device) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4096)) {
            MemorySegment s = m.jvmSegment();
            if (s != null) {
                assertTrue(SegmentViews.viewable(s), "a block's JVM segment is viewable: " + s);
            }
        }
    }

    @OnEveryDevice
    void javaArraysAndBuffersRoundTrip(Device device) {
        float[] f = {1.5f, -2f, Float.NaN, Float.MAX_VALUE};
        double[] d = {Math.PI, -0.0, Double.MIN_VALUE};
        int[] i = {1, -1, Integer.MIN_VALUE};
        long[] l = {Long.MAX_VALUE, 7};
        short[] s = {-3, 4};
        try (UsmMemory m = UsmMemory.allocateDevice(device, 64)) {
            m.copyFromHost(f);
            float[] fb = new float[4];
            m.copyToHost(fb);
            assertArrayEquals(f, fb);
            m.copyFromHost(d);
            double[] db = new double[3];
            m.copyToHost(db);
            assertArrayEquals(d, db);
            m.copyFromHost(i);
            int[] ib = new int[3];
            m.copyToHost(ib);
            assertArrayEquals(i, ib);
            m.copyFromHost(l);
            long[] lb = new long[2];
            m.copyToHost(lb);
            assertArrayEquals(l, lb);
            m.copyFromHost(s);
            short[] sb = new short[2];
            m.copyToHost(sb);
            assertArrayEquals(s, sb);
            ByteBuffer direct = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
            direct.putInt(0, 11).putInt(4, 22).putInt(8, 33).putInt(12, 44);
            m.copyFromHost(direct);
            ByteBuffer heap = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            m.copyToHost(heap);
            assertEquals(33, heap.getInt(8));
        }
    }

    @OnEveryDevice
    void fillsWithElementPatternsAtOffsets(Device device) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4096)) {
            m.fill((byte) 0x5A);
            for (byte b : m.toByteArray()) {
                assertEquals(0x5A, b);
            }
            m.fill(0x01020304);
            int[] ints = new int[1024];
            m.copyToHost(ints);
            for (int v : ints) {
                assertEquals(0x01020304, v);
            }
            m.fill(2.5);
            double[] ds = new double[512];
            m.copyToHost(ds);
            for (double v : ds) {
                assertEquals(2.5, v);
            }
            m.fill(-1.25f);
            float[] fs = new float[1024];
            m.copyToHost(fs);
            assertEquals(-1.25f, fs[1023]);
            m.fill(0L);
            MemorySegment pattern16 = MemorySegment.ofArray(new long[] {0x1111111111111111L, 0x2222222222222222L});
            m.fillAsync(pattern16, 1024, 2048).await();
            long[] ls = new long[512];
            m.copyToHost(ls);
            assertEquals(0L, ls[127], "before the filled range");
            assertEquals(0x1111111111111111L, ls[128]);
            assertEquals(0x2222222222222222L, ls[129]);
            assertEquals(0x2222222222222222L, ls[383]);
            assertEquals(0L, ls[384], "after the filled range");
        }
    }

    @OnEveryDevice
    void fillRejectsBadPatterns(Device device) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 64)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fillAsync(MemorySegment.ofArray(new byte[3]), 0, 3));
            assertTrue(e.getMessage().contains("not 3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> m.fillAsync(MemorySegment.ofArray(new int[1]), 2, 4));
            assertTrue(e.getMessage().contains("multiples"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> m.fillAsync(MemorySegment.ofArray(new int[1]), 0, 128));
        }
    }

    @OnEveryDevice
    void copiesBetweenAllocationsOnOneDeviceEvenAcrossQueues(Device device) {
        int[] data = new int[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * i;
        }
        try (Queue q2 = device.createQueue(false);
             UsmMemory a = UsmMemory.allocateDevice(device, 4000);
             UsmMemory b = UsmMemory.allocate(q2, UsmType.SHARED, 4000);
             UsmMemory c = UsmMemory.allocateHost(device, 8000)) {
            a.copyFromHost(data);
            b.copyFrom(a);
            c.copyFromAsync(b, 400, 4000, 3600).await();
            int[] back = new int[2000];
            c.copyToHost(back);
            for (int i = 0; i < 900; i++) {
                assertEquals((i + 100) * (i + 100), back[1000 + i]);
            }
        }
    }

    @OnEveryDevice
    void copiesAcrossDevicesOnlyWhenAsked(Device device) {
        Device other = TestDevices.all().filter(d -> d != device).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "needs a second device");
        long[] data = {1, 2, 3, 4, 5};
        try (UsmMemory a = UsmMemory.allocateDevice(device, 40); UsmMemory b = UsmMemory.allocateDevice(other, 40)) {
            a.copyFromHost(data);
            org.jdpx.device.ExecutionPlacementError e = assertThrows(org.jdpx.device.ExecutionPlacementError.class,
                    () -> b.copyFrom(a));
            assertTrue(e.getMessage().contains(device.filterString()) && e.getMessage().contains(other.filterString())
                    && e.getMessage().contains("copyAcrossDevices"), e.getMessage());
            UsmMemory.copyAcrossDevices(a, b);
            long[] back = new long[5];
            b.copyToHost(back);
            assertArrayEquals(data, back);
        }
    }

    @OnEveryDevice
    void hostViewsOfHostAndSharedMemory(Device device) {
        for (UsmType kind : new UsmType[] {UsmType.HOST, UsmType.SHARED}) {
            try (UsmMemory m = UsmMemory.allocate(device.defaultQueue(), kind, 400);
                 UsmMemory d = UsmMemory.allocateDevice(device, 400)) {
                MemorySegment view = m.hostSegment();
                assertEquals(400, view.byteSize());
                assertEquals(0, view.address() % 64, kind + " memory is aligned to at least 64 bytes");
                for (int i = 0; i < 100; i++) {
                    view.setAtIndex(ValueLayout.JAVA_INT, i, 3 * i);
                }
                d.copyFrom(m);
                d.fill(7);
                m.copyFrom(d);
                MemorySegment after = m.hostSegment();
                assertEquals(7, after.getAtIndex(ValueLayout.JAVA_INT, 99), kind + " view after device writes");
                int[] check = new int[100];
                m.fill(0);
                m.hostSegment().setAtIndex(ValueLayout.JAVA_INT, 5, 55);
                m.copyToHost(check);
                assertEquals(55, check[5], kind + " host write seen by a device copy");
            }
        }
    }

    @OnEveryDevice
    void deviceMemoryRefusesHostViews(Device device) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 64)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, m::hostSegment);
            assertTrue(e.getMessage().contains("copyToHost"), e.getMessage());
        }
    }

    @OnEveryDevice
    void useAfterCloseThrowsAndDoubleCloseIsHarmless(Device device) {
        UsmMemory m = UsmMemory.allocateShared(device, 256);
        MemorySegment view = m.hostSegment();
        view.set(ValueLayout.JAVA_INT, 0, 1);
        m.close();
        m.close();
        assertTrue(m.isClosed());
        assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_INT, 0),
                "an old view must not reach a block the pool may give to someone else");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.copyFromHost(new int[4]));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> m.copyToHost(new int[4]));
        assertThrows(IllegalStateException.class, () -> m.fill(0));
        assertThrows(IllegalStateException.class, m::hostSegment);
        try (UsmMemory other = UsmMemory.allocateShared(device, 256)) {
            assertThrows(IllegalStateException.class, () -> other.copyFrom(m));
            other.hostSegment().set(ValueLayout.JAVA_INT, 0, 9);
        }
    }

    @OnEveryDevice
    void rejectsNegativeSizesAndOutOfRangeCopies(Device device) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UsmMemory.allocateDevice(device, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        try (UsmMemory m = UsmMemory.allocateDevice(device, 16)) {
            IndexOutOfBoundsException x = assertThrows(IndexOutOfBoundsException.class,
                    () -> m.copyFromHost(new int[5]));
            assertTrue(x.getMessage().contains("16 bytes"), x.getMessage());
        }
    }
}
