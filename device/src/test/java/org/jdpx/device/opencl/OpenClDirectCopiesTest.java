package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.jocl.CL.CL_COMPLETE;
import static org.jocl.CL.clCreateUserEvent;
import static org.jocl.CL.clSetUserEventStatus;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.Event;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;
import org.jocl.cl_event;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Host copies and fills of device memory on CPU devices with fine-grained SVM (PoCL): plain
 * memory copies on the calling thread while the queue is idle, enqueued behind pending work
 * otherwise, with the same bytes either way.
 */
class OpenClDirectCopiesTest {

    private static Device svmCpu() {
        Device d = OclTesting.pocl();
        Assumptions.assumeTrue(d.info().type() == DeviceType.CPU && OclTesting.driver(d).profile.fineGrainSvm(),
                "needs a CPU device with fine-grained SVM buffers, as PoCL has");
        return d;
    }

    @Test
    void deviceMemoryOfACpuDeviceIsAddressedDirectly() {
        Device d = svmCpu();
        NativeMemory m = d.spi().allocate(UsmType.DEVICE, 4096);
        try {
            assertNotNull(((OpenClMemory) m).directView(), "device memory is fine-grained SVM on " + d);
        } finally {
            m.free();
        }
    }

    /** Odd offsets and lengths, every pattern size: the bytes are what the driver's commands would give. */
    @Test
    void anIdleQueueCopiesAndFillsOnTheCaller() {
        Device d = svmCpu();
        QueueDriver q = d.spi().createQueue(false);
        int n = 10_000;
        NativeMemory m = d.spi().allocate(UsmType.DEVICE, n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = OclTesting.pattern(arena, 4001, 7);
            EventDriver in = q.copyFromHost(src, m, 17, List.of());
            assertInstanceOf(HostDoneEvent.class, in, "no driver command for a copy on an idle queue");
            assertEquals(Event.Status.COMPLETE, in.status());
            MemorySegment back = arena.allocate(4001);
            assertInstanceOf(HostDoneEvent.class, q.copyToHost(m, 17, back, List.of()));
            assertEquals(-1, src.mismatch(back));
            for (int p : new int[] {1, 2, 4, 8, 16, 32, 64, 128}) {
                MemorySegment pattern = OclTesting.pattern(arena, p, p);
                long offset = 3L * p, bytes = 37L * p;
                assertInstanceOf(HostDoneEvent.class, q.fill(m, offset, bytes, pattern, List.of()));
                MemorySegment all = arena.allocate(n);
                q.copyToHost(m, 0, all, List.of()).await();
                for (long i = 0; i < bytes; i++) {
                    assertEquals(pattern.get(ValueLayout.JAVA_BYTE, i % p), all.get(ValueLayout.JAVA_BYTE, offset + i),
                            "pattern " + p + " byte " + i);
                }
                if (offset + bytes < 17 + 4001) {
                    assertEquals(src.get(ValueLayout.JAVA_BYTE, offset + bytes - 17), all.get(ValueLayout.JAVA_BYTE, offset + bytes),
                            "the byte after the fill keeps the copy's value (pattern " + p + ")");
                }
            }
        } finally {
            m.free();
            q.release();
        }
    }

    /** Behind a command that waits on a user event, copies and fills are enqueued and keep their order. */
    @Test
    void aBusyQueueEnqueuesAndKeepsTheOrder() throws InterruptedException {
        Device d = svmCpu();
        OpenClDevice drv = OclTesting.driver(d);
        OpenClQueue q = (OpenClQueue) d.spi().createQueue(false);
        int n = 4096;
        NativeMemory m = d.spi().allocate(UsmType.DEVICE, n);
        int[] err = new int[1];
        cl_event gate = clCreateUserEvent(drv.context, err);
        try (Arena arena = Arena.ofConfined()) {
            EventDriver gated = q.marker(List.of(new OpenClEvent(q, gate, "test gate")));
            EventDriver fill = q.fill(m, 0, n, arena.allocateFrom(ValueLayout.JAVA_INT, 1), List.of());
            assertInstanceOf(OpenClEvent.class, fill, "enqueued behind the gated marker");
            MemorySegment src = OclTesting.pattern(arena, n / 2, 3);
            // an enqueued host copy maps the block and waits for the map: open the gate meanwhile
            Thread opener = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                clSetUserEventStatus(gate, CL_COMPLETE);
            });
            EventDriver copy = q.copyFromHost(src, m, 0, List.of());
            assertInstanceOf(OpenClEvent.class, copy, "enqueued behind the fill");
            opener.join();
            gated.await();
            copy.await();
            MemorySegment all = arena.allocate(n);
            q.copyToHost(m, 0, all, List.of()).await();
            assertEquals(-1, src.mismatch(all.asSlice(0, n / 2)), "the copy came after the fill");
            for (int i = n / 8; i < n / 4; i++) assertEquals(1, all.getAtIndex(ValueLayout.JAVA_INT, i), "int " + i);
        } finally {
            m.free();
            q.release();
        }
    }

    /**
     * An SVM block's {@code cl_mem} is made only when a command names it: PoCL walks every live
     * SVM allocation to wrap one, so making it at allocation cost array code that keeps thousands
     * of small blocks alive hundreds of microseconds per block. A buffer copy still sees the bytes.
     */
    @Test
    void anSvmBlockGetsItsBufferOnlyWhenACommandNamesIt() {
        Device d = svmCpu();
        QueueDriver q = d.spi().createQueue(false);
        OpenClMemory a = (OpenClMemory) d.spi().allocate(UsmType.DEVICE, 4096);
        OpenClMemory b = (OpenClMemory) d.spi().allocate(UsmType.DEVICE, 4096);
        try (Arena arena = Arena.ofConfined()) {
            assertFalse(a.hasBuffer() || b.hasBuffer(), "a new SVM block has no cl_mem yet");
            MemorySegment src = OclTesting.pattern(arena, 4096, 3);
            q.copyFromHost(src, a, 0, List.of()).await(); // an idle queue: on the caller
            q.fill(b, 0, 4096, MemorySegment.ofArray(new byte[] {0}), List.of()).await();
            assertFalse(a.hasBuffer() || b.hasBuffer(), "host copies and fills of an idle queue name no cl_mem");
            q.copy(a, 100, b, 200, 1000, List.of()).await(); // clEnqueueCopyBuffer
            assertTrue(a.hasBuffer() && b.hasBuffer(), "a buffer copy names both cl_mems");
            assertTrue(a.deviceHandle() != 0);
            MemorySegment out = arena.allocate(4096);
            q.copyToHost(b, 0, out, List.of()).await();
            OclTesting.assertCopiedIntoZeros(out, src, 200, 1200, 100);
        } finally {
            a.free();
            b.free();
            q.release();
        }
    }

    /** Host memory and devices without fine-grained SVM keep their mapped blocks. */
    @Test
    void onlySvmBlocksHaveADirectView() {
        for (Device d : OclTesting.devices()) {
            OpenClDevice drv = OclTesting.driver(d);
            NativeMemory h = d.spi().allocate(UsmType.HOST, 64);
            NativeMemory dev = d.spi().allocate(UsmType.DEVICE, 64);
            try {
                assertNull(((OpenClMemory) h).directView(), "host memory on " + d);
                boolean svm = d.info().type() == DeviceType.CPU && drv.profile.fineGrainSvm();
                assertEquals(svm, ((OpenClMemory) dev).directView() != null, "device memory on " + d);
            } finally {
                h.free();
                dev.free();
            }
        }
    }
}
