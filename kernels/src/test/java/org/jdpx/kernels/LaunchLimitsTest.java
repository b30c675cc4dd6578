package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.usm.UsmMemory;

/**
 * Launch ranges above what an {@code int} work-item id holds: before, OpenCL devices wrapped
 * {@code globalId} to negative values that passed the kernel's {@code i < n} guard (and wrote
 * outside the array), the java device failed with {@code ArithmeticException: integer overflow}.
 * Now every device refuses them up front with the dimension, the size, the limit and the fix.
 */
class LaunchLimitsTest {

    @Kernel
    static void mark(KernelContext ctx, IntArray out, int n) {
        int i = ctx.globalId(0);
        if (i < n) {
            out.set(i, i);
        }
    }

    private static void assertRefused(Device device, WorkRangeMaker range, String... phrases) {
        int n = 16;
        int[] before = new int[n];
        Arrays.fill(before, -1);
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * n)) {
            m.copyFromHost(before);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Kernels.launch(LaunchLimitsTest::mark, range.make(), IntArray.on(m), n), "on " + device);
            for (String p : phrases) {
                assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
            }
            int[] after = new int[n];
            m.copyToHost(after);
            assertArrayEquals(before, after, "nothing ran on " + device);
        }
    }

    /** Makes the range inside the assertion, where the refusal is expected. */
    @FunctionalInterface
    private interface WorkRangeMaker {
        WorkRange make();
    }

    @OnEveryDevice
    void aDimensionAboveTwoToThe31IsRefused(Device device) {
        assertRefused(device, () -> Range.of(1L << 31), "dimension 0", "2147483648 work-items",
                "limit of 2147483647", "Split the work into several launches");
        assertRefused(device, () -> NdRange.of(new long[] {1, 3_000_000_000L}, new long[] {1, 1000}),
                "dimension 1", "3000000000 work-items", "limit of 2147483647");
    }

    @OnEveryDevice
    void aTotalAboveTwoToThe31IsRefused(Device device) {
        assertRefused(device, () -> Range.of(65_536, 65_536), "[65536, 65536] has 4294967296 work-items in all",
                "limit of 2147483647", "Split");
        assertRefused(device, () -> Range.of(4096, 2048, 1024), "8589934592 work-items in all");
    }

    @OnEveryDevice
    void rangesUpToTheLimitStillRun(Device device) {
        int n = 16;
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * n)) {
            Kernels.launch(LaunchLimitsTest::mark, Range.of(n), IntArray.on(m), n);
            int[] got = new int[n];
            m.copyToHost(got);
            for (int i = 0; i < n; i++) {
                assertTrue(got[i] == i, "element " + i + " on " + device + ": " + got[i]);
            }
        }
        assertDoesNotThrow(() -> Range.of(Integer.MAX_VALUE));
        assertDoesNotThrow(() -> Range.of(46_340, 46_340));
    }
}
