package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.corpus.Corpus;
import org.jdpx.kernels.testutil.ArraysOnDevice;

/**
 * Views that start inside their allocation (an element offset) on every device: {@code @Kernel}
 * methods read, write and update atomically through them, the OpenCL C and SPIR-V applying the
 * hidden OFFSET argument, the java device the view itself. IR-built kernels are covered the same way
 * in {@code jvm.JvmIrKernelsTest}.
 */
class ViewOffsetTest {

    @OnEveryDevice
    void saxpyReadsAndWritesThroughOffsetViews(Device device) {
        int n = 300;
        float[] x = new float[n], y = new float[n], y0 = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.5f;
            y[i] = y0[i] = 1000 - i;
        }
        ArraysOnDevice.launchAtOffset(device, KernelCompiler.compile(Corpus.class, "saxpy"), Range.of(n), 7, 2f, x, y);
        for (int i = 0; i < n; i++) assertEquals(2f * x[i] + y0[i], y[i], device + " at " + i);
    }

    @OnEveryDevice
    void atomicsUpdateThroughOffsetViews(Device device) {
        int n = 4096;
        int[] data = new int[n], bins = new int[16], expected = new int[16];
        for (int i = 0; i < n; i++) {
            data[i] = i * 2654435761L > 0 ? (int) (i * 2654435761L) : i;
            expected[(data[i] & 0x7fffffff) % 16]++;
        }
        ArraysOnDevice.launchAtOffset(device, KernelCompiler.compile(Corpus.class, "histogram"), Range.of(n), 5, data, bins);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(bins), device.toString());
    }
}
