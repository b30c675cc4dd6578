package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;

/**
 * Squared L2 distance of two matrices in kernel style, as numba-dpex shows it: one work-item
 * per element over a 2-D range, each adding its square into {@code c[0]} with an atomic add.
 */
public final class L2Kernel implements Sample {
    static final int ROWS = 256, COLS = 256;

    @Kernel
    public static void l2Distance(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        float sub = a.get(i, j) - b.get(i, j);
        ctx.atomicAdd(c, 0, sub * sub);
    }

    /** {@code Σ (a - b)²} of two row-major {@code rows × cols} matrices, on {@code device}. */
    public static float l2Distance(Device device, float[] a, float[] b, int rows, int cols) {
        try (UsmMemory am = UsmMemory.allocateDevice(device, 4L * a.length);
             UsmMemory bm = UsmMemory.allocateDevice(device, 4L * b.length);
             UsmMemory cm = UsmMemory.allocateDevice(device, 4)) {
            am.copyFromHost(a);
            bm.copyFromHost(b);
            cm.fill(0f);
            Kernels.launch(L2Kernel::l2Distance, Range.of(rows, cols),
                    FloatArray.on(am, rows, cols), FloatArray.on(bm, rows, cols), FloatArray.on(cm));
            float[] c = new float[1];
            cm.copyToHost(c);
            return c[0];
        }
    }

    @Override public String name() { return "l2 distance"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        double[] a = References.uniform(ROWS * COLS, 0, 1, 1), b = References.uniform(ROWS * COLS, 0, 1, 2);
        float d = l2Distance(device, References.toFloats(a), References.toFloats(b), ROWS, COLS);
        // One float accumulator takes all 65536 adds, in no fixed order: each rounds at the size of
        // the running sum. Seen here: 1.5e-5 to 1.8e-5 relative; the worst case n·eps would be 4e-3.
        return Check.scalar("distance²", d, References.l2Distance(a, b), 1e-4, device.filterString(), "float32");
    }
}
