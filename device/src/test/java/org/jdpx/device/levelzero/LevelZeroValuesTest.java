package org.jdpx.device.levelzero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The pure-Java parts: result names, messages, clock conversion and version decoding. */
class LevelZeroValuesTest {

    @Test
    void resultCodesHaveTheirHeaderNames() {
        assertEquals("ZE_RESULT_SUCCESS", ZeResult.name(0));
        assertEquals("ZE_RESULT_NOT_READY", ZeResult.name(1));
        assertEquals("ZE_RESULT_ERROR_UNINITIALIZED", ZeResult.name(0x78000001));
        assertEquals("ZE_RESULT_ERROR_OUT_OF_DEVICE_MEMORY", ZeResult.name(0x70000003));
        assertEquals("ZE_RESULT_ERROR_DEVICE_LOST", ZeResult.name(0x70000001));
        assertEquals("ZE_RESULT_ERROR_UNKNOWN", ZeResult.name(0x7ffffffe));
        assertEquals("ZE_RESULT_<unknown> (0x12345)", ZeResult.describe(0x12345));
        assertEquals("ZE_RESULT_ERROR_UNINITIALIZED (0x78000001)", ZeResult.describe(0x78000001));
    }

    @Test
    void failuresNameTheFunctionAndTheResult() {
        LevelZeroException e = new LevelZeroException("zeMemAllocDevice", 0x70000003);
        assertEquals("zeMemAllocDevice failed: ZE_RESULT_ERROR_OUT_OF_DEVICE_MEMORY (0x70000003)", e.getMessage());
        assertEquals(true, ZeResult.isOutOfMemory(e.result()));
        assertEquals("Level Zero loader libze_loader.so.1 found, but zeInit returned "
                + "ZE_RESULT_ERROR_UNINITIALIZED (0x78000001): no Level Zero driver is installed "
                + "(on Intel GPUs: install intel-level-zero-gpu)",
                LevelZeroBackend.initFailure("libze_loader.so.1", 0x78000001));
    }

    @Test
    void kernelTimestampsBecomeNanosecondsAcrossAWrap() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ts = a.allocate(ZeStructs.KERNEL_TIMESTAMP_RESULT);
            ts.set(ValueLayout.JAVA_LONG, 0, 100);   // global start
            ts.set(ValueLayout.JAVA_LONG, 8, 150);   // global end
            assertArrayEquals(new long[] {5200, 5200, 5200, 7800}, new ZeClock(52, 32).toNanos(ts));

            // A 32-bit counter that wrapped between start and end: 0xffff_fff0 -> 0x10 is 32 ticks.
            ts.set(ValueLayout.JAVA_LONG, 0, 0xffff_fff0L);
            ts.set(ValueLayout.JAVA_LONG, 8, 0x10L);
            long[] ns = new ZeClock(2, 32).toNanos(ts);
            assertEquals(64, ns[3] - ns[2]);
        }
    }

    @Test
    void driverVersionAndVendorReadLikeSyclLs() {
        assertEquals("1.3.26241", ZeDeviceInfo.driverVersion(1 << 24 | 3 << 16 | 26241));
        assertEquals("Intel(R) Corporation", ZeDeviceInfo.vendor(0x8086));
        assertEquals("PCI vendor 0x1234", ZeDeviceInfo.vendor(0x1234));
    }
}
