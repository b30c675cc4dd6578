package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Stencil} method called at one point from a {@code @Kernel} method and from a
 * {@code @Parallel} loop through {@code FloatStencil.around}, on every device, against the
 * same code run as plain Java.
 */
class StencilAtPointTest {

    @Stencil
    static float cross(FloatStencil a) { return 0.25f * (a.at(-1, 0) + a.at(1, 0) + a.at(0, -1) + a.at(0, 1)) - a.at(0, 0); }

    @Stencil
    static float diff(FloatStencil a, float h) { return (a.at(1) - a.at(-1)) / h; }

    @Kernel
    static void crossKernel(KernelContext ctx, FloatArray in, FloatArray out, int rows, int cols) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        if (i > 0 && j > 0 && i < rows - 1 && j < cols - 1) out.set(i, j, cross(FloatStencil.around(in, i, j)));
    }

    /** Parallel rows and columns; the loop variables move after the centre was taken, which must not move it. */
    static void crossLoop(FloatArray in, FloatArray out, int rows, int cols) {
        for (@Parallel int i = 1; i < rows - 1; i++) {
            for (@Parallel int j = 1; j < cols - 1; j++) {
                FloatStencil s = FloatStencil.around(in, i, j);
                out.set(i, j, cross(s));
            }
        }
    }

    static void diffLoop(FloatArray in, FloatArray out, float h) {
        for (@Parallel int i = 1; i < in.length() - 1; i++) out.set(i, diff(FloatStencil.around(in, i), h));
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }

    private static float[] run(Device device, float[] data, int rows, int cols, boolean kernel) {
        try (UsmMemory in = UsmMemory.allocateDevice(device, 4L * data.length);
             UsmMemory out = UsmMemory.allocateDevice(device, 4L * data.length)) {
            in.copyFromHost(data);
            out.fill(0f);
            FloatArray a = FloatArray.on(in, rows, cols), b = FloatArray.on(out, rows, cols);
            if (kernel) {
                Kernels.launch(StencilAtPointTest::crossKernel, Range.of(rows, cols), a, b, rows, cols);
            } else {
                Prange.compile(StencilAtPointTest::crossLoop).run(a, b, rows, cols);
            }
            float[] got = new float[data.length];
            out.copyToHost(got);
            return got;
        }
    }

    @OnEveryDevice
    void stencilAtAPointInAKernelAndAParallelLoopMatchesJava(Device device) {
        int rows = 19, cols = 23;
        float[] data = random(rows * cols, 3);
        float[] want = new float[data.length];
        crossLoop(FloatArray.wrap(MemorySegment.ofArray(data), rows, cols), FloatArray.wrap(MemorySegment.ofArray(want), rows, cols),
                rows, cols);
        assertArrayEquals(want, run(device, data, rows, cols, true), 0f, "kernel");
        assertArrayEquals(want, run(device, data, rows, cols, false), 0f, "prange");
        float[] line = random(101, 4), lineWant = new float[101];
        diffLoop(FloatArray.of(line), FloatArray.of(lineWant), 0.5f);
        try (UsmMemory in = UsmMemory.allocateDevice(device, 4L * 101); UsmMemory out = UsmMemory.allocateDevice(device, 4L * 101)) {
            in.copyFromHost(line);
            out.fill(0f);
            Prange.compile(StencilAtPointTest::diffLoop).run(FloatArray.on(in), FloatArray.on(out), 0.5f);
            float[] got = new float[101];
            out.copyToHost(got);
            assertArrayEquals(lineWant, got, 0f, "1-D prange");
        }
    }

    @Test
    void onTheHostTheStencilChecksItsBounds() {
        FloatStencil s = new FloatStencil(new float[6], 2, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> cross(s));
        assertTrue(e.getMessage().contains("leaves the array"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.at(1));
    }
}
