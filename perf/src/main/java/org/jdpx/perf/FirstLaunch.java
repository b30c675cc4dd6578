package org.jdpx.perf;

import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;

/**
 * Times the first launch of a kernel in this process: bytecode compilation, the device build (or
 * the disk cache's binary) and the launch. {@code perf/scripts/first-launch.sh} runs it in fresh
 * processes with an empty and with a warm cache directory. Prints one line: milliseconds.
 */
public final class FirstLaunch {

    private FirstLaunch() {
    }

    /** The kernel whose first call is timed. */
    @Kernel
    public static void axpby(KernelContext ctx, float a, FloatArray x, float b, FloatArray y) {
        int i = ctx.globalId(0);
        y.set(i, a * x.get(i) + b * y.get(i));
    }

    /** Usage: {@code FirstLaunch DEVICE_FILTER}. */
    public static void main(String[] args) {
        Device device = BenchDevices.require(args.length > 0 ? args[0] : "opencl:cpu:0");
        try (UsmMemory x = UsmMemory.allocateDevice(device, 4096); UsmMemory y = UsmMemory.allocateDevice(device, 4096)) {
            x.fill(1f);
            y.fill(2f);
            FloatArray xv = FloatArray.on(x);
            FloatArray yv = FloatArray.on(y);
            long t0 = System.nanoTime();
            Kernels.launch(FirstLaunch::axpby, Range.of(1024), 3f, xv, 0.5f, yv);
            long t1 = System.nanoTime();
            float[] check = new float[1];
            y.copyToHost(check);
            if (check[0] != 4f) {
                throw new AssertionError("wrong result " + check[0]);
            }
            System.out.printf(java.util.Locale.ROOT, "%.2f%n", (t1 - t0) / 1e6);
        }
    }
}
