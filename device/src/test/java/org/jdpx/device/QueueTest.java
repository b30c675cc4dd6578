package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;
import org.jdpx.device.testing.OnEveryDevice;

/** Queues and events on every device, driven through the SPI's copy and fill commands. */
class QueueTest {

    private static final int N = 1 << 20;

    private static MemorySegment intPattern(Arena arena, int v) {
        return arena.allocateFrom(ValueLayout.JAVA_INT, v);
    }

    private static void assertAllInts(MemorySegment host, int expected) {
        for (long i = 0; i < host.byteSize() / 4; i++) {
            int got = host.getAtIndex(ValueLayout.JAVA_INT, i);
            if (got != expected) {
                throw new AssertionError("element " + i + " is " + got + ", expected " + expected);
            }
        }
    }

    @OnEveryDevice
    void defaultQueueIsCachedAndCreatedQueuesAreNew(Device device) {
        assertSame(device.defaultQueue(), device.defaultQueue());
        try (Queue q = device.createQueue(false)) {
            assertNotSame(device.defaultQueue(), q);
            assertSame(device, q.device());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> device.defaultQueue().close());
        assertTrue(e.getMessage().contains("cannot be closed"));
    }

    @OnEveryDevice
    void commandsRunInOrderWithoutHostWaits(Device device) {
        long bytes = 4L * N;
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, bytes);
        NativeMemory b = device.spi().allocate(UsmType.DEVICE, bytes);
        NativeMemory c = device.spi().allocate(UsmType.DEVICE, bytes);
        try (Arena arena = Arena.ofConfined(); Queue q = device.createQueue(false)) {
            QueueDriver s = q.spi();
            s.fill(a, 0, bytes, intPattern(arena, 1), List.of());
            s.copy(a, 0, b, 0, bytes, List.of());
            s.fill(a, 0, bytes, intPattern(arena, 2), List.of());
            s.copy(a, 0, c, 0, bytes, List.of());
            MemorySegment hb = arena.allocate(bytes, 64);
            MemorySegment hc = arena.allocate(bytes, 64);
            s.copyToHost(b, 0, hb, List.of());
            EventDriver last = s.copyToHost(c, 0, hc, List.of());
            last.await();
            assertAllInts(hb, 1);
            assertAllInts(hc, 2);
        } finally {
            a.free();
            b.free();
            c.free();
        }
    }

    @OnEveryDevice
    void eventsCompleteAndProfilingTimesAreOrdered(Device device) {
        long bytes = 4L * N;
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, bytes);
        try (Arena arena = Arena.ofConfined(); Queue q = device.createQueue(true)) {
            assertTrue(q.isProfiling());
            Event fill = q.wrap(q.spi().fill(a, 0, bytes, intPattern(arena, 7), List.of()));
            Event marker = q.marker(fill);
            marker.await();
            assertEquals(Event.Status.COMPLETE, fill.status());
            assertTrue(fill.isDone());
            Event.Profiling p = fill.profiling();
            assertTrue(p.queued() <= p.submitted(), p.toString());
            assertTrue(p.submitted() <= p.started(), p.toString());
            assertTrue(p.started() <= p.ended(), p.toString());
            assertTrue(p.durationNanos() >= 0 && p.durationNanos() < 60_000_000_000L, p.toString());
        } finally {
            a.free();
        }
    }

    @OnEveryDevice
    void profilingNeedsAProfilingQueue(Device device) {
        Event e = device.defaultQueue().marker().await();
        IllegalStateException ex = assertThrows(IllegalStateException.class, e::profiling);
        assertTrue(ex.getMessage().contains("createQueue(true)"), ex.getMessage());
    }

    @OnEveryDevice
    void dependenciesOrderCommandsAcrossQueuesOfOneDevice(Device device) {
        long bytes = 4L * N;
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, bytes);
        NativeMemory b = device.spi().allocate(UsmType.DEVICE, bytes);
        try (Arena arena = Arena.ofConfined(); Queue q1 = device.createQueue(false); Queue q2 = device.createQueue(false)) {
            Event filled = q1.wrap(q1.spi().fill(a, 0, bytes, intPattern(arena, 42), List.of()));
            Event copied = q2.wrap(q2.spi().copy(a, 0, b, 0, bytes, Queue.drivers(filled)));
            MemorySegment host = arena.allocate(bytes, 64);
            q2.spi().copyToHost(b, 0, host, Queue.drivers(copied)).await();
            assertAllInts(host, 42);
        } finally {
            a.free();
            b.free();
        }
    }

    @OnEveryDevice
    void closedQueueRefusesWork(Device device) {
        Queue q = device.createQueue(false);
        q.close();
        q.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, q::finish);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
