package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.testing.Confinement;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.junit.jupiter.api.Test;

/**
 * The views a kernel method's generated loop reads on the java device: each chunk of work-items
 * runs over views of the device's memory confined to its pool thread ({@link
 * KernelSegments#confined}), as the device's IR kernels do, never the memory's shared segments
 * (once any confined arena had been used, C2 compiled the inlined kernel with the shared
 * segments' liveness test, and the Jacobi kernel sample took 12.3 ms a call instead of 8.4). Flat
 * and column-ordered launches; the values are exact.
 */
class KernelMethodSegmentsTest {

    @Kernel
    static void triad(KernelContext ctx, FloatArray a, FloatArray b, FloatArray out) {
        int i = ctx.globalId(0);
        out.set(i, a.get(i) + 2f * b.get(i));
    }

    /** Rows by global id 0, columns by global id 1: the java device runs its items along columns. */
    @Kernel
    static void rowsPlusColumns(KernelContext ctx, FloatArray a, FloatArray out) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        out.set(i, j, a.get(i, j) + i - j);
    }

    private static void checkConfined(ConcurrentLinkedQueue<MemorySegment> seen, AtomicBoolean usable, String what)
            throws InterruptedException {
        assertFalse(seen.isEmpty(), what + ": chunks ran with views of the device's memory");
        assertTrue(usable.get(), what + ": each chunk can use its views");
        assertFalse(Confinement.usableByAnotherThread(seen),
                what + ": the chunks' views must be confined to their thread, not the memory's shared segments");
    }

    @Test
    void kernelMethodsLoopOverViewsConfinedToTheirThread() throws Exception {
        Device java = Devices.find("java:cpu:0").orElseThrow();
        int n = 1 << 18, rows = 256, cols = 1024; // beyond what runs on the caller: the pool's threads share the items
        NativeMemory am = java.spi().allocate(UsmType.DEVICE, 4L * n);
        NativeMemory bm = java.spi().allocate(UsmType.DEVICE, 4L * n);
        NativeMemory om = java.spi().allocate(UsmType.DEVICE, 4L * n);
        ConcurrentLinkedQueue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean usable = new AtomicBoolean(true);
        JvmKernelRunner.taskArgs = args -> {
            for (Object o : args) {
                if (o instanceof ArrayView v) {
                    if (!v.segment().isAccessibleBy(Thread.currentThread())) usable.set(false);
                    seen.add(v.segment());
                }
            }
        };
        try {
            MemorySegment a = am.jvmSegment(), b = bm.jvmSegment(), o = om.jvmSegment();
            for (int i = 0; i < n; i++) {
                a.setAtIndex(ValueLayout.JAVA_FLOAT, i, i % 1000);
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, i % 7);
            }
            JvmKernelRunner.run(KernelCompiler.compile(KernelMethodSegmentsTest.class, "triad"), new int[] {n}, null,
                    FloatArray.wrap(a), FloatArray.wrap(b), FloatArray.wrap(o));
            for (int i = 0; i < n; i++) {
                assertEquals(i % 1000 + 2f * (i % 7), o.getAtIndex(ValueLayout.JAVA_FLOAT, i), 0f, "triad element " + i);
            }
            checkConfined(seen, usable, "flat launch");

            seen.clear();
            JvmKernelRunner.run(KernelCompiler.compile(KernelMethodSegmentsTest.class, "rowsPlusColumns"), new int[] {rows, cols},
                    null, FloatArray.wrap(a, rows, cols), FloatArray.wrap(o, rows, cols));
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals((i * cols + j) % 1000 + i - j, o.getAtIndex(ValueLayout.JAVA_FLOAT, (long) i * cols + j), 0f,
                            "element (" + i + ", " + j + ")");
                }
            }
            checkConfined(seen, usable, "column-ordered launch");
        } finally {
            JvmKernelRunner.taskArgs = null;
            am.free();
            bm.free();
            om.free();
        }
    }
}
