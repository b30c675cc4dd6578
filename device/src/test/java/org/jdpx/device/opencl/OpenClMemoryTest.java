package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** USM allocations, host copies, fills, device copies and host views on every OpenCL device. */
class OpenClMemoryTest {

    static Stream<Device> devices() {
        return OclTesting.devices().stream();
    }

    static Stream<Arguments> devicesAndCopyModes() {
        return devices().flatMap(d -> Stream.of(Arguments.of(d, true), Arguments.of(d, false)));
    }

    @ParameterizedTest(name = "{0} map={1}")
    @MethodSource("devicesAndCopyModes")
    void everyKindRoundTripsSmallSizes(Device device, boolean mapCopies) {
        OpenClQueue q = (OpenClQueue) device.spi().createQueue(false);
        q.useMappedHostCopies(mapCopies);
        try (Arena arena = Arena.ofConfined()) {
            int seed = 1;
            for (UsmType kind : UsmType.values()) {
                for (long n : new long[] {0, 1, 17, 1 << 20}) {
                    roundTrip(device, q, arena, kind, n, seed++);
                }
            }
        } finally {
            q.release();
        }
    }

    @ParameterizedTest(name = "{0} map={1}")
    @MethodSource("devicesAndCopyModes")
    void heapSegmentsRoundTrip(Device device, boolean mapCopies) {
        OpenClQueue q = (OpenClQueue) device.spi().createQueue(false);
        q.useMappedHostCopies(mapCopies);
        NativeMemory m = device.spi().allocate(UsmType.DEVICE, 4000);
        try {
            float[] src = new float[1000];
            for (int i = 0; i < src.length; i++) {
                src[i] = i * 0.5f - 7;
            }
            q.copyFromHost(MemorySegment.ofArray(src), m, 0, List.of()).await();
            double[] back = new double[250]; // 2000 bytes: the second half of the floats
            q.copyToHost(m, 2000, MemorySegment.ofArray(back), List.of()).await();
            MemorySegment b = MemorySegment.ofArray(back);
            for (int i = 0; i < 500; i++) {
                assertEquals(src[500 + i], b.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i), "float " + (500 + i));
            }
            // A slice of a heap array: offset into the array is honoured.
            byte[] bytes = new byte[100];
            q.copyToHost(m, 0, MemorySegment.ofArray(bytes).asSlice(10, 8), List.of()).await();
            assertEquals(0, bytes[9]);
            assertEquals(src[0], MemorySegment.ofArray(bytes).get(ValueLayout.JAVA_FLOAT_UNALIGNED, 10));
            assertEquals(src[1], MemorySegment.ofArray(bytes).get(ValueLayout.JAVA_FLOAT_UNALIGNED, 14));
            assertEquals(0, bytes[18]);
        } finally {
            m.free();
            q.release();
        }
    }

    /** 256 MiB of every kind on PoCL, through the default host-copy path. */
    @ParameterizedTest
    @MethodSource("kinds")
    void largeBlocksRoundTripOnPocl(UsmType kind) {
        Device pocl = OclTesting.pocl();
        QueueDriver q = pocl.spi().createQueue(false);
        try (Arena arena = Arena.ofConfined()) {
            long n = 256L << 20;
            MemorySegment src = OclTesting.longPattern(arena, n, kind.ordinal() + 11);
            MemorySegment back = arena.allocate(n, 64);
            NativeMemory m = pocl.spi().allocate(kind, n);
            try {
                q.copyFromHost(src, m, 0, List.of());
                q.copyToHost(m, 0, back, List.of()).await();
                assertEquals(-1, src.mismatch(back), kind + " 256 MiB");
            } finally {
                m.free();
            }
        } finally {
            q.release();
        }
    }

    static Stream<UsmType> kinds() {
        return Stream.of(UsmType.values());
    }

    private static void roundTrip(Device device, QueueDriver q, Arena arena, UsmType kind, long n, int seed) {
        NativeMemory m = device.spi().allocate(kind, n);
        try {
            assertEquals(n, m.byteSize());
            assertEquals(kind, m.kind());
            MemorySegment src = OclTesting.pattern(arena, n, seed);
            MemorySegment back = arena.allocate(n + 1, 64).asSlice(0, n);
            EventDriver w = q.copyFromHost(src, m, 0, List.of());
            q.copyToHost(m, 0, back, List.of(w)).await();
            assertEquals(-1, src.mismatch(back), kind + " " + n + " bytes on " + device);
        } finally {
            m.free();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void fillsWithEveryPatternSizeAtOffsets(Device device) {
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory m = device.spi().allocate(UsmType.DEVICE, 4096);
        try (Arena arena = Arena.ofConfined()) {
            for (int p : new int[] {1, 2, 4, 8, 16}) {
                MemorySegment zero = arena.allocate(4096);
                q.copyFromHost(zero, m, 0, List.of());
                MemorySegment pattern = OclTesting.pattern(arena, p, p * 7 + 1);
                long offset = 16L * p;
                long bytes = 64L * p;
                q.fill(m, offset, bytes, pattern, List.of());
                MemorySegment back = arena.allocate(4096);
                q.copyToHost(m, 0, back, List.of()).await();
                for (long i = 0; i < 4096; i++) {
                    byte expect = i >= offset && i < offset + bytes ? pattern.get(ValueLayout.JAVA_BYTE, (i - offset) % p)
                            : 0;
                    assertEquals(expect, back.get(ValueLayout.JAVA_BYTE, i), "pattern " + p + " byte " + i);
                }
            }
            q.fill(m, 0, 0, arena.allocate(4), List.of()).await(); // zero bytes: a no-op that completes
        } finally {
            m.free();
            q.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void copiesBetweenBlocksWithOffsets(Device device) {
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, 1000);
        NativeMemory b = device.spi().allocate(UsmType.SHARED, 1000);
        NativeMemory c = device.spi().allocate(UsmType.HOST, 1000);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = OclTesting.pattern(arena, 1000, 3);
            q.copyFromHost(src, a, 0, List.of());
            q.fill(b, 0, 1000, arena.allocate(1), List.of());
            q.copy(a, 100, b, 300, 500, List.of());
            q.copy(b, 0, c, 0, 1000, List.of());
            q.copy(a, 0, c, 0, 0, List.of());
            MemorySegment back = arena.allocate(1000);
            q.copyToHost(c, 0, back, List.of()).await();
            OclTesting.assertCopiedIntoZeros(back, src, 300, 800, 200);
        } finally {
            a.free();
            b.free();
            c.free();
            q.release();
        }
    }

    /** Writes through a host view, then a device command must see the data (unmap-before-command). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("devicesAndViewKinds")
    void hostViewsAreSeenByDeviceCommands(Device device, UsmType kind) {
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory m = device.spi().allocate(kind, 4096);
        NativeMemory other = device.spi().allocate(UsmType.DEVICE, 4096);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment view = m.hostView();
            assertEquals(4096, view.byteSize());
            for (int i = 0; i < 1024; i++) {
                view.setAtIndex(ValueLayout.JAVA_INT, i, i * 3 + 1);
            }
            q.copy(m, 0, other, 0, 4096, List.of()).await();
            MemorySegment back = arena.allocate(4096);
            q.copyToHost(other, 0, back, List.of()).await();
            for (int i = 0; i < 1024; i++) {
                assertEquals(i * 3 + 1, back.getAtIndex(ValueLayout.JAVA_INT, i), "int " + i);
            }
            // The device writes the block; a fresh view shows it.
            q.fill(m, 0, 4096, arena.allocateFrom(ValueLayout.JAVA_INT, 0x01020304), List.of()).await();
            MemorySegment view2 = m.hostView();
            assertEquals(0x01020304, view2.getAtIndex(ValueLayout.JAVA_INT, 1023));
            boolean svm = ((OpenClMemory) m).svm != null;
            if (!svm) {
                // The first view was unmapped by the copy: using it is an exception, not a crash.
                assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_INT, 0));
            }
            m.free();
            assertThrows(IllegalStateException.class, () -> view2.get(ValueLayout.JAVA_INT, 0));
        } finally {
            other.free();
            q.release();
        }
    }

    static Stream<Arguments> devicesAndViewKinds() {
        return devices().flatMap(d -> Stream.of(Arguments.of(d, UsmType.HOST), Arguments.of(d, UsmType.SHARED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void deviceMemoryHasNoHostViewAndEmptyBlocksHaveAnEmptyOne(Device device) {
        NativeMemory d = device.spi().allocate(UsmType.DEVICE, 64);
        NativeMemory empty = device.spi().allocate(UsmType.SHARED, 0);
        try {
            assertThrows(UnsupportedOperationException.class, d::hostView);
            assertEquals(0, empty.hostView().byteSize());
        } finally {
            d.free();
            empty.free();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void tooLargeRequestsAreRefusedAndTheDeviceKeepsWorking(Device device) {
        long global = device.info().globalMemBytes();
        long before = device.spi().availableMemoryBytes();
        for (UsmType kind : UsmType.values()) {
            DeviceOutOfMemoryException e = assertThrows(DeviceOutOfMemoryException.class,
                    () -> device.spi().allocate(kind, global + (1L << 30)));
            assertEquals(global + (1L << 30), e.requestedBytes());
            assertEquals(before, e.availableBytes());
            assertTrue(e.getMessage().contains("requested " + (global + (1L << 30)) + " bytes"), e.getMessage());
        }
        assertEquals(before, device.spi().availableMemoryBytes(), "a refused request leaves nothing counted");
        // The device still works.
        NativeMemory m = device.spi().allocate(UsmType.DEVICE, 1 << 20);
        assertEquals(before - (1 << 20), device.spi().availableMemoryBytes());
        QueueDriver q = device.spi().createQueue(false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = OclTesting.pattern(arena, 1 << 20, 9);
            MemorySegment back = arena.allocate(1 << 20);
            q.copyFromHost(src, m, 0, List.of());
            q.copyToHost(m, 0, back, List.of()).await();
            assertEquals(-1, src.mismatch(back));
        } finally {
            m.free();
            q.release();
        }
        assertEquals(before, device.spi().availableMemoryBytes());
    }
}
