package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;

/**
 * Java arrays to and from devices: an array whose type matches the dtype goes in and comes out
 * as one bulk copy, with no host staging segment filled element by element in between (the cost
 * that made the array samples' uploads take several times their copy); a conversion stages, and
 * still gives NumPy's values.
 */
class HostTransferTest {
    private static final int N = 100_003;

    @OnEveryDevice
    void matchingTypesMoveWithoutStaging(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        float[] f = new float[N];
        int[] i = new int[N];
        long[] l = new long[N];
        for (int k = 0; k < N; k++) {
            f[k] = k * 0.5f - 7;
            i[k] = k * 31 - 5000;
            l[k] = (long) k * 1_000_003L - (1L << 40);
        }
        long before = HostData.stagedBytes();
        UsmNdArray fa = Tensor.asarray(f, null, on), ia = Tensor.asarray(i, null, on), la = Tensor.asarray(l, null, on);
        assertArrayEquals(f, fa.toFloatArray());
        assertArrayEquals(i, ia.toIntArray());
        assertArrayEquals(l, la.toLongArray());
        if (device.hasAspect(Aspect.FP64)) {
            double[] d = new double[N];
            for (int k = 0; k < N; k++) d[k] = Math.sin(k) * 1e6;
            UsmNdArray da = Tensor.asarray(d, null, on);
            assertArrayEquals(d, da.toDoubleArray());
            assertEquals(d[N / 2], da.get(String.valueOf(N / 2)).item());
        }
        long staged = HostData.stagedBytes() - before;
        assertTrue(staged < N, "matching uploads and read-backs staged " + staged + " bytes on " + device.filterString());
    }

    @OnEveryDevice
    void conversionsStageAndKeepNumpysValues(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        double[] d = new double[N];
        for (int k = 0; k < N; k++) d[k] = k / 3.0 - 1000.7;
        long before = HostData.stagedBytes();
        UsmNdArray asFloat = Tensor.asarray(d, null, on.dtype(DType.FLOAT32));
        UsmNdArray asInt = Tensor.asarray(d, null, on.dtype(DType.INT32));
        float[] wantF = new float[N];
        int[] wantI = new int[N];
        double[] wantD = new double[N];
        for (int k = 0; k < N; k++) {
            wantF[k] = (float) d[k];
            wantI[k] = (int) d[k];
            wantD[k] = wantF[k];
        }
        assertArrayEquals(wantF, asFloat.toFloatArray());
        assertArrayEquals(wantI, asInt.toIntArray());
        assertArrayEquals(wantD, asFloat.toDoubleArray());
        assertTrue(HostData.stagedBytes() - before >= 3L * 4 * N, "conversions go through a staging copy");
    }
}
