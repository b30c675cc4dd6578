package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.fusion.FusedKernels;

/**
 * Writing into memory that lazy arrays still read: the readers keep the values from before the
 * write, and temporaries of a loop that nobody holds any more cost no kernels of their own (the
 * memory is copied once for all of them instead), checked against plain Java on every device.
 */
class PendingReadsTest {

    /** {@code sweeps} three-point smoothing sweeps over a line whose ends stay fixed, in plain Java. */
    private static float[] smooth(float[] line, int sweeps) {
        float[] a = line.clone(), b = line.clone();
        for (int s = 0; s < sweeps; s++) {
            for (int i = 1; i < a.length - 1; i++) b[i] = (a[i - 1] + a[i + 1] + a[i]) * 0.5f;
            float[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    @OnEveryDevice
    void aSweepThroughTemporariesIsOneKernel(Device device) {
        int n = 4099, sweeps = 12;
        float[] line = new float[n];
        for (int i = 0; i < n; i++) line[i] = (i * 7919 % 1009) / 1009f;
        UsmNdArray start = Tensor.asarray(line, null, ArrayOptions.on(device).dtype(DType.FLOAT32));
        UsmNdArray a = start.copy().eval(), b = start.copy().eval();
        long before = FusedKernels.launches();
        for (int s = 0; s < sweeps; s++) {
            // Three lazy temporaries read a; the next sweep writes into a while they may still be uncollected.
            b.set("1:-1", a.get(":-2").add(a.get("2:")).add(a.get("1:-1")).multiply(0.5f));
            UsmNdArray t = a;
            a = b;
            b = t;
        }
        assertEquals(sweeps, FusedKernels.launches() - before, "kernels for " + sweeps + " sweeps on " + device.filterString());
        float[] got = a.toFloatArray(), want = smooth(line, sweeps);
        for (int i = 0; i < n; i++) assertEquals(want[i], got[i], 1e-6f * Math.abs(want[i]), "element " + i + " on " + device.filterString());
    }

    @OnEveryDevice
    void readersKeepTheValuesFromBeforeTheWrite(Device device) {
        int n = 1000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i * 0.5f - 100;
        UsmNdArray x = Tensor.asarray(v, null, ArrayOptions.on(device).dtype(DType.FLOAT32));
        UsmNdArray twice = x.multiply(2f), plus = x.add(1f), both = twice.add(plus), head = x.get(":10").negative();
        long before = FusedKernels.launches();
        x.assign(7f);
        assertEquals(1, FusedKernels.launches() - before, "the write alone launches a kernel: the readers share one copy");
        float[] t = twice.toFloatArray(), p = plus.toFloatArray(), bo = both.toFloatArray(), h = head.toFloatArray();
        float[] now = x.toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(v[i] * 2f, t[i], "x * 2 at " + i + " on " + device.filterString());
            assertEquals(v[i] + 1f, p[i], "x + 1 at " + i + " on " + device.filterString());
            assertEquals(v[i] * 2f + (v[i] + 1f), bo[i], "x * 2 + (x + 1) at " + i + " on " + device.filterString());
            assertEquals(7f, now[i], "x after the write at " + i + " on " + device.filterString());
        }
        for (int i = 0; i < 10; i++) assertEquals(-v[i], h[i], "-x[:10] at " + i + " on " + device.filterString());
    }
}
