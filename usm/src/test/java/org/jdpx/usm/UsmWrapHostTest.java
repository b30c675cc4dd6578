package org.jdpx.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;

class UsmWrapHostTest {

    @OnEveryDevice
    void wrapsAlignedHostMemoryInPlaceAndNeverFreesIt(Device device) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = arena.allocate(256, 4096);
            seg.setAtIndex(ValueLayout.JAVA_INT, 0, 7);
            UsmMemory m = UsmMemory.wrapHost(device.defaultQueue(), seg, false, null);
            if (refusedByADeviceOfItsOwn(device, m)) return;
            assertEquals(UsmType.HOST, m.kind());
            assertEquals(seg.address(), m.hostSegment().address());
            m.fill(3);
            m.queue().finish();
            assertEquals(3, seg.getAtIndex(ValueLayout.JAVA_INT, 63), "the fill wrote the caller's memory");
            if (device.backend().equals("opencl")) {
                assertNotEquals(0, m.nativeHandle(), "a cl_mem handle");
            } else {
                assertEquals(0, m.nativeHandle());
            }
            m.close();
            assertEquals(3, seg.getAtIndex(ValueLayout.JAVA_INT, 0), "closing the wrapper leaves the memory alone");
        }
    }

    @OnEveryDevice
    void readOnlyMemoryRefusesWritesAndClosedArenasRefuseUse(Device device) {
        Arena arena = Arena.ofShared();
        MemorySegment seg = arena.allocate(64, 4096);
        UsmMemory ro = UsmMemory.wrapHost(device.defaultQueue(), seg, true, null);
        if (refusedByADeviceOfItsOwn(device, ro)) {
            arena.close();
            return;
        }
        assertTrue(ro.isReadOnly());
        assertThrows(UnsupportedOperationException.class, () -> ro.fill(1));
        assertThrows(UnsupportedOperationException.class, () -> ro.copyFromHost(new byte[4]));
        byte[] out = new byte[4];
        ro.copyToHost(out);
        assertArrayEquals(new byte[4], out);
        arena.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ro.copyToHost(out));
        assertTrue(e.getMessage().contains("arena was closed"), e.getMessage());
    }

    @OnEveryDevice
    void emptyOrHeapSegmentsAreRefused(Device device) {
        assertThrows(IllegalArgumentException.class,
                () -> UsmMemory.wrapHost(device.defaultQueue(), MemorySegment.ofArray(new int[4]), false, null));
        assertThrows(IllegalArgumentException.class,
                () -> UsmMemory.wrapHost(device.defaultQueue(), Arena.ofAuto().allocate(0), false, null));
    }

    /**
     * Whether {@code wrapHost} returned null as its contract allows for a device with memory of its
     * own (a discrete GPU: the caller copies instead); CPU devices and the java device must wrap.
     */
    private static boolean refusedByADeviceOfItsOwn(Device device, UsmMemory wrapped) {
        if (wrapped != null) return false;
        assertNotEquals(DeviceType.CPU, device.type(), "a CPU device addresses host memory, so it must wrap it in place");
        return true;
    }
}
