package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;

/**
 * The Jacobi stencil in kernel style: one work-item per grid point over a 2-D range, two
 * buffers that swap roles every sweep, all sweeps queued without reading back in between.
 */
public final class JacobiKernel implements Sample {
    static final int N = 256, ITERATIONS = 50;

    @Kernel
    public static void sweep(KernelContext ctx, FloatArray in, FloatArray out, int n) {
        int i = ctx.globalId(0), j = ctx.globalId(1);
        if (i == 0 || j == 0 || i == n - 1 || j == n - 1) {
            out.set(i, j, in.get(i, j));
        } else {
            out.set(i, j, 0.25f * (in.get(i - 1, j) + in.get(i + 1, j) + in.get(i, j - 1) + in.get(i, j + 1)));
        }
    }

    /** {@code iterations} sweeps over a row-major {@code n × n} grid on {@code device}. */
    public static float[] jacobi(Device device, float[] grid, int n, int iterations) {
        try (UsmMemory am = UsmMemory.allocateDevice(device, 4L * n * n);
             UsmMemory bm = UsmMemory.allocateDevice(device, 4L * n * n)) {
            am.copyFromHost(grid);
            FloatArray a = FloatArray.on(am, n, n), b = FloatArray.on(bm, n, n);
            for (int it = 0; it < iterations; it++) {
                Kernels.launch(JacobiKernel::sweep, Range.of(n, n), a, b, n);
                FloatArray t = a;
                a = b;
                b = t;
            }
            float[] out = new float[n * n];
            (iterations % 2 == 0 ? am : bm).copyToHost(out); // where the last sweep wrote
            return out;
        }
    }

    @Override public String name() { return "jacobi stencil"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        double[] grid = References.uniform(N * N, 0, 1, 5);
        float[] out = jacobi(device, References.toFloats(grid), N, ITERATIONS);
        return Check.arrays("grid", out, References.jacobi(grid, N, ITERATIONS), 1e-5, device.filterString());
    }
}
