package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;

/** Matrix-vector product in kernel style: one work-item per row computes that row's dot product. */
public final class GemvKernel implements Sample {
    static final int ROWS = 2048, COLS = 512;

    @Kernel
    public static void gemv(KernelContext ctx, FloatArray m, FloatArray v, FloatArray r, int cols) {
        int i = ctx.globalId(0);
        float sum = 0f;
        for (int j = 0; j < cols; j++) sum += m.get(i, j) * v.get(j);
        r.set(i, sum);
    }

    /** {@code M·v} for a row-major {@code rows × cols} matrix, on {@code device}. */
    public static float[] gemv(Device device, float[] m, float[] v, int rows, int cols) {
        try (UsmMemory mm = UsmMemory.allocateDevice(device, 4L * rows * cols); UsmMemory vm = UsmMemory.allocateDevice(device, 4L * cols);
             UsmMemory rm = UsmMemory.allocateDevice(device, 4L * rows)) {
            mm.copyFromHost(m);
            vm.copyFromHost(v);
            Kernels.launch(GemvKernel::gemv, Range.of(rows), FloatArray.on(mm, rows, cols), FloatArray.on(vm), FloatArray.on(rm), cols);
            float[] r = new float[rows];
            rm.copyToHost(r);
            return r;
        }
    }

    @Override public String name() { return "gemv"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        double[] m = References.uniform(ROWS * COLS, -1, 1, 11), v = References.uniform(COLS, -1, 1, 12);
        float[] r = gemv(device, References.toFloats(m), References.toFloats(v), ROWS, COLS);
        return Check.arrays("r = M·v", r, References.matmul(m, v, ROWS, COLS, 1), 1e-5, device.filterString());
    }
}
