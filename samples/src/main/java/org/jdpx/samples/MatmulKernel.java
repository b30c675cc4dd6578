package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.usm.UsmMemory;

/**
 * Matrix product in kernel style, tiled: each 16 × 16 work-group copies one tile of A and one
 * of B into local memory, waits at a barrier, and multiplies them from there, so each value is
 * read from global memory once per tile instead of once per product.
 */
public final class MatmulKernel implements Sample {
    static final int TILE = 16;
    static final int N = 128;

    @Kernel
    public static void matmul(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, int n) {
        float[] ta = ctx.localFloats(TILE * TILE);
        float[] tb = ctx.localFloats(TILE * TILE);
        int li = ctx.localId(0), lj = ctx.localId(1);
        int i = ctx.globalId(0), j = ctx.globalId(1);
        float sum = 0f;
        for (int t = 0; t < n / TILE; t++) {
            ta[li * TILE + lj] = a.get(i, t * TILE + lj);
            tb[li * TILE + lj] = b.get(t * TILE + li, j);
            ctx.localBarrier();
            for (int k = 0; k < TILE; k++) sum += ta[li * TILE + k] * tb[k * TILE + lj];
            ctx.localBarrier();
        }
        c.set(i, j, sum);
    }

    /** {@code A·B} of row-major {@code n × n} matrices ({@code n} a multiple of 16) on {@code device}. */
    public static float[] matmul(Device device, float[] a, float[] b, int n) {
        if (n % TILE != 0) throw new IllegalArgumentException("n = " + n + " must be a multiple of the tile size " + TILE);
        try (UsmMemory am = UsmMemory.allocateDevice(device, 4L * n * n); UsmMemory bm = UsmMemory.allocateDevice(device, 4L * n * n);
             UsmMemory cm = UsmMemory.allocateDevice(device, 4L * n * n)) {
            am.copyFromHost(a);
            bm.copyFromHost(b);
            Kernels.launch(MatmulKernel::matmul, NdRange.of(new long[] {n, n}, new long[] {TILE, TILE}),
                    FloatArray.on(am, n, n), FloatArray.on(bm, n, n), FloatArray.on(cm, n, n), n);
            float[] c = new float[n * n];
            cm.copyToHost(c);
            return c;
        }
    }

    @Override public String name() { return "matmul"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        double[] a = References.uniform(N * N, -1, 1, 9), b = References.uniform(N * N, -1, 1, 10);
        float[] c = matmul(device, References.toFloats(a), References.toFloats(b), N);
        return Check.arrays("C = A·B", c, References.matmul(a, b, N, N, N), 1e-5, device.filterString());
    }
}
