package org.jdpx.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

class HostMemoryTest {

    @OnEveryDevice
    void everyDtypeAndLayoutRoundTripsWithoutCopyExceptEmpty(Device device) {
        for (DType t : DType.values()) {
            for (Layouts.Case c : Layouts.all()) {
                if (!Layouts.runs(device, t) && !c.view().isCContiguous()) {
                    continue;
                }
                try (Arena arena = Arena.ofShared()) {
                    MemorySegment seg = Layouts.filled(arena, t, c.elements(), t.ordinal() * 31L + c.name().hashCode());
                    Wrapped w = HostMemory.wrap(seg, t, c.view(), device.defaultQueue(), false, null);
                    String what = t + " " + c + " on " + device;
                    assertEquals(c.view().size() > 0, w.zeroCopy(), what);
                    assertArrayEquals(Layouts.gather(seg, t, c.view()),
                            w.array().toHostSegment().toArray(ValueLayout.JAVA_BYTE), what);
                    if (w.zeroCopy()) {
                        assertEquals(UsmType.HOST, w.array().usmType(), what);
                        long first = seg.address() + HostMemory.span(c.view())[0] * t.itemSize();
                        assertEquals(first, HostMemory.asSegment(w.array()).address(), what);
                    }
                }
            }
        }
    }

    @OnEveryDevice
    void writesThroughTheArrayLandInTheCallersMemory(Device device) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = arena.allocate(48 * 4L, 4096);
            Layouts.Case strided = Layouts.all().get(2);
            UsmNdArray a = HostMemory.wrap(seg, DType.FLOAT32, strided.view(), device.defaultQueue(), false, null).array();
            a.assign(2.5f);
            a.sync();
            byte[] got = Layouts.gather(seg, DType.FLOAT32, strided.view());
            float[] f = floats(got);
            for (float x : f) {
                assertEquals(2.5f, x);
            }
            assertEquals(0f, seg.getAtIndex(ValueLayout.JAVA_FLOAT, 0), "elements outside the view stay untouched");
            seg.setAtIndex(ValueLayout.JAVA_FLOAT, 7, 9f); // the view's first element, written by the caller
            assertEquals(9.0, a.get(0L, 0L).item(), 0.0);
        }
    }

    private static float[] floats(byte[] b) {
        float[] f = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).asFloatBuffer().get(f);
        return f;
    }

    @OnEveryDevice
    void heapMemoryAndMisalignedAddressesAreCopiedAndSaySo(Device device) {
        float[] heap = {1, 2, 3, 4};
        Wrapped h = HostMemory.wrap(MemorySegment.ofArray(heap), DType.FLOAT32, device.defaultQueue(), 4);
        assertFalse(h.zeroCopy());
        assertArrayEquals(heap, h.array().toFloatArray());
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = arena.allocate(4 * 65L, 4096).asSlice(4); // 4-byte aligned only
            seg.setAtIndex(ValueLayout.JAVA_FLOAT, 0, 42f);
            Wrapped w = HostMemory.wrap(seg, DType.FLOAT32, device.defaultQueue(), 64);
            assertEquals(device.backend().equals("java"), w.zeroCopy(), "only the java device takes any address");
            assertEquals(42f, w.array().toFloatArray()[0]);
            MemorySegment odd = arena.allocate(16, 4096).asSlice(1, 8);
            assertFalse(HostMemory.wrap(odd, DType.INT32, device.defaultQueue(), 2).zeroCopy(),
                    "an int32 at an odd address is copied everywhere");
        }
    }

    @OnEveryDevice
    void directBuffersShareAndReadOnlyBuffersRefuseWrites(Device device) {
        ByteBuffer buf = Arena.ofAuto().allocate(8 * 8L, 4096).asByteBuffer().order(ByteOrder.nativeOrder());
        for (int i = 0; i < 8; i++) {
            buf.putInt(i * 4, i);
        }
        Wrapped w = HostMemory.wrap(buf, DType.INT32, device.defaultQueue(), 4, 4);
        assertTrue(w.zeroCopy());
        assertEquals(MemorySegment.ofBuffer(buf).address(), HostMemory.asSegment(w.array()).address());
        assertEquals(MemorySegment.ofBuffer(buf).address(), MemorySegment.ofBuffer(HostMemory.asByteBuffer(w.array())).address());
        w.array().get("0").assign(-1);
        w.array().sync();
        assertEquals(-1, buf.getInt(12));

        UsmNdArray ro = HostMemory.wrap(buf.asReadOnlyBuffer(), DType.INT32, device.defaultQueue(), 16).array();
        assertEquals(-1, ro.toIntArray()[0]);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> ro.assign(5));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> ro.addi(1));
        assertEquals(-1, buf.getInt(0), "the refused write changed nothing");
    }

    @OnEveryDevice
    void theArrayKeepsAnAutomaticArenasMemoryAlive(Device device) throws InterruptedException {
        MemorySegment seg = Arena.ofAuto().allocate(64 * 4L, 4096);
        seg.setAtIndex(ValueLayout.JAVA_FLOAT, 5, 3f);
        java.lang.ref.WeakReference<MemorySegment> ref = new java.lang.ref.WeakReference<>(seg);
        UsmNdArray a = HostMemory.wrap(seg, DType.FLOAT32, device.defaultQueue(), 64).array();
        seg = null;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(ref.get() != null, "the array holds the segment, so its automatic arena stays open");
        assertEquals(3f, a.toFloatArray()[5]);
        java.lang.ref.Reference.reachabilityFence(a);
    }

    @OnEveryDevice
    void aClosedArenaMakesTheArrayRefuseUse(Device device) {
        Arena arena = Arena.ofShared();
        MemorySegment seg = arena.allocate(64 * 4L, 4096);
        UsmNdArray a = HostMemory.wrap(seg, DType.FLOAT32, device.defaultQueue(), 64).array();
        assertEquals(0f, a.toFloatArray()[3]);
        arena.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::toFloatArray);
        assertTrue(e.getMessage().contains("arena"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> a.assign(1f));
    }

    @OnEveryDevice
    void deviceMemoryRefusesHostViewsNamingTheDevice(Device device) {
        UsmNdArray d = Tensor.zeros(new long[] {4}, ArrayOptions.on(device).dtype(DType.INT32));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> HostMemory.asSegment(d));
        assertTrue(e.getMessage().contains(device.filterString()), e.getMessage());
        UsmNdArray h = Tensor.zeros(new long[] {4}, ArrayOptions.on(device).dtype(DType.INT32).usmType(UsmType.HOST));
        assertEquals(16, HostMemory.asSegment(h).byteSize());
        assertNotEquals(0, HostMemory.asByteBuffer(h).capacity());
    }

    @OnEveryDevice
    void viewsOutOfASegmentAreRefused(Device device) {
        MemorySegment seg = Arena.ofAuto().allocate(16, 4096);
        assertThrows(IllegalArgumentException.class,
                () -> HostMemory.wrap(seg, DType.INT32, new View(new long[] {5}, new long[] {1}, 0), device.defaultQueue(), false, null));
    }
}
