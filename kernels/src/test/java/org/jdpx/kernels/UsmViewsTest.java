package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.usm.UsmMemory;
import org.jdpx.usm.UsmPool;

/**
 * Typed views of USM memory ({@code FloatArray.on(memory)} and friends) are for kernels: a launch
 * reads the view's owner's memory on every device, and making and launching them costs the
 * java device no JVM view of the memory, whose close would wait for a handshake with every JVM
 * thread (the kernel-style l2 sample paid that three times per call).
 */
class UsmViewsTest {

    /** The l2 sample's kernel: every item adds its square into {@code c[0]}. */
    @Kernel
    public static void squares(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        float sub = a.get(i, j) - b.get(i, j);
        ctx.atomicAdd(c, 0, sub * sub);
    }

    @OnEveryDevice
    void launchingViewsOfUsmMemoryMakesNoJvmView(Device device) {
        int rows = 64, cols = 48, n = rows * cols;
        float[] a = new float[n], b = new float[n];
        double expected = 0;
        for (int k = 0; k < n; k++) {
            a[k] = (k % 17) * 0.25f;
            b[k] = (k % 5) * 0.5f;
            expected += (double) (a[k] - b[k]) * (a[k] - b[k]);
        }
        long before = UsmPool.of(device).stats().viewArenas();
        float[] c = new float[1];
        for (int rep = 0; rep < 3; rep++) {
            try (UsmMemory am = UsmMemory.allocateDevice(device, 4L * n);
                 UsmMemory bm = UsmMemory.allocateDevice(device, 4L * n);
                 UsmMemory cm = UsmMemory.allocateDevice(device, 4)) {
                am.copyFromHost(a);
                bm.copyFromHost(b);
                cm.fill(0f);
                Kernels.launch(UsmViewsTest::squares, Range.of(rows, cols), FloatArray.on(am, rows, cols),
                        FloatArray.on(bm, rows, cols), FloatArray.on(cm));
                cm.copyToHost(c);
            }
            // every square is a multiple of 1/16 below 32 and the sum stays below 2^24/16: exact in float
            assertEquals(expected, c[0], 0.0, device + " run " + rep);
        }
        assertEquals(0, UsmPool.of(device).stats().viewArenas() - before,
                device + ": views made for kernels must not give the memory a JVM view (a shared arena to close)");
    }

    @OnEveryDevice
    void aHostGetOnAViewOfUsmMemoryFailsOnEveryDevice(Device device) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 64)) {
            m.fill(1f);
            FloatArray v = FloatArray.on(m);
            assertEquals(16, v.length());
            assertThrows(IndexOutOfBoundsException.class, () -> v.get(0), device.toString());
        }
    }

    @OnEveryDevice
    void aViewOfClosedMemoryIsRefused(Device device) {
        UsmMemory m = UsmMemory.allocateDevice(device, 64);
        m.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FloatArray.on(m));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /** A view built over another segment still means its owner's memory, at its own offset and strides. */
    @OnEveryDevice
    void aViewBuiltOverAnotherSegmentReadsItsOwnersMemory(Device device) {
        int n = 40;
        float[] x = new float[n];
        for (int k = 0; k < n; k++) x[k] = k;
        try (UsmMemory xm = UsmMemory.allocateDevice(device, 4L * n);
             UsmMemory zm = UsmMemory.allocateDevice(device, 4);
             UsmMemory cm = UsmMemory.allocateDevice(device, 4)) {
            xm.copyFromHost(x);
            zm.fill(0f);
            cm.fill(0f);
            // rows 1..4 of a 5 x 8 matrix, every other column, over an unrelated heap segment
            FloatArray a = new FloatArray(MemorySegment.ofArray(new float[1]), 8, new long[] {4, 4}, new long[] {8, 2}, xm);
            FloatArray zeros = new FloatArray(MemorySegment.NULL, 0, new long[] {4, 4}, new long[] {0, 0}, zm);
            Kernels.launch(UsmViewsTest::squares, Range.of(4, 4), a, zeros, FloatArray.on(cm));
            float[] c = new float[1];
            cm.copyToHost(c);
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double v = x[8 + i * 8 + j * 2];
                    expected += v * v;
                }
            }
            assertEquals(expected, c[0], 0.0, device.toString());
        }
    }
}
