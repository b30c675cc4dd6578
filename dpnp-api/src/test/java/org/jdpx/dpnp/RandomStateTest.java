package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.UsmNdArray;

/**
 * The Philox stream: known answers of Philox4x32-10, the same numbers for a seed on every device
 * (compared with the java device), and the moments of each distribution.
 */
class RandomStateTest {

    @OnEveryDevice
    void philoxKnownAnswers(Device device) {
        RandomState zero = new RandomState(0, ArrayOptions.on(device));
        // Random123's known answer for counter 0, key 0, then counter (1, 0, 0, 0).
        assertArrayEquals(new long[] {0x6627e8d5L, 0xe169c58dL, 0xbc57ac4cL, 0x9b00dbd8L, 0xf8e4cca4L, 0x5cb200dbL,
                0xb1a574ebL, 0x097eff67L}, zero.words(8).toLongArray());
        RandomState seeded = new RandomState(42, ArrayOptions.on(device));
        seeded.words(4);
        // The second call takes counter word 1 = 1.
        assertArrayEquals(new long[] {0x42e0b8b3L, 0x7dbf5de8L, 0x2fe739d4L, 0x6aaf03ebL}, seeded.words(4).toLongArray());
    }

    /** A positioned stream's part of a call equals that slice of the whole call, for every kind of draw and offset. */
    @OnEveryDevice
    void positionedStreamsGiveTheSliceOfTheWholeCall(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        RandomState whole = new RandomState(11, on);
        whole.rand(5); // the second call is the one sliced below
        double[] u = whole.random(new long[] {23}, null).toDoubleArray();
        long[] ints = whole.integers(-3, 50, 23).toLongArray();
        double[] z = whole.normal(2, 3, 23).toDoubleArray();
        assertEquals(4, whole.calls());
        for (int first : new int[] {0, 1, 3, 5, 22}) {
            int n = 23 - first;
            RandomState base = new RandomState(11, on);
            assertArrayEquals(Arrays.copyOfRange(u, first, 23), base.positioned(1, first).random(new long[] {n}, null).toDoubleArray(), "random from " + first);
            assertArrayEquals(Arrays.copyOfRange(ints, first, 23), base.positioned(2, first).integers(-3, 50, n).toLongArray(), "integers from " + first);
            double[] zp = base.positioned(3, first).normal(2, 3, n).toDoubleArray();
            for (int i = 0; i < n; i++) assertEquals(z[first + i], zp[i], 1e-12 * (1 + Math.abs(zp[i])), "normal element " + (first + i));
        }
        UsmNdArray f32 = new RandomState(11, on).positioned(0, 7).random(new long[] {2, 3}, DType.FLOAT32);
        float[] all32 = new RandomState(11, on).random(new long[] {13}, DType.FLOAT32).toFloatArray();
        assertArrayEquals(Arrays.copyOfRange(all32, 7, 13), f32.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> whole.positioned(-1, 0));
        assertThrows(UnsupportedOperationException.class, () -> whole.positioned(0, 2).permutation(5));
    }

    @OnEveryDevice
    void sameNumbersAsTheJavaDevice(Device device) {
        RandomState here = new RandomState(2026, ArrayOptions.on(device).dtype(DType.FLOAT32));
        RandomState ref = new RandomState(2026, ArrayOptions.on(TestDevices.java()).dtype(DType.FLOAT32));
        assertArrayEquals(ref.random(new long[] {1000}, DType.FLOAT32).toFloatArray(), here.random(new long[] {1000}, DType.FLOAT32).toFloatArray());
        assertArrayEquals(ref.integers(-5, 1000, 3, 333).toLongArray(), here.integers(-5, 1000, 3, 333).toLongArray());
        assertArrayEquals(ref.permutation(777).toLongArray(), here.permutation(777).toLongArray());
        float[] nr = ref.normal(1, 2, 500).toFloatArray();
        float[] nh = here.normal(1, 2, 500).toFloatArray();
        for (int i = 0; i < nr.length; i++) assertEquals(nr[i], nh[i], 1e-5 * (1 + Math.abs(nr[i])), "normal element " + i);
        if (DTypes.defaultFloat(device) == DType.FLOAT64) {
            RandomState here64 = new RandomState(99, ArrayOptions.on(device));
            RandomState ref64 = new RandomState(99, ArrayOptions.on(TestDevices.java()));
            assertArrayEquals(ref64.uniform(-3, 5, 400).toDoubleArray(), here64.uniform(-3, 5, 400).toDoubleArray());
            double[] zr = ref64.randn(300).toDoubleArray();
            double[] zh = here64.randn(300).toDoubleArray();
            for (int i = 0; i < zr.length; i++) assertEquals(zr[i], zh[i], 1e-12 * (1 + Math.abs(zr[i])), "randn element " + i);
        }
    }

    @OnEveryDevice
    void momentsMatchTheDistributions(Device device) {
        RandomState r = new RandomState(7, ArrayOptions.on(device));
        int n = 200_000;
        UsmNdArray u = r.rand(n);
        assertEquals(DTypes.defaultFloat(device), u.dtype());
        assertEquals(0.5, Dpnp.mean(u, null, false).item(), 0.005);
        assertEquals(1.0 / 12, Dpnp.var(u, null, false, 0).item(), 0.002);
        assertEquals(0.0, Dpnp.min(u, null, false).item(), 1e-3);
        assertFalse(Dpnp.max(u, null, false).item() >= 1.0);
        UsmNdArray z = r.randn(n);
        assertEquals(0.0, Dpnp.mean(z, null, false).item(), 0.01);
        assertEquals(1.0, Dpnp.std(z, null, false, 0).item(), 0.01);
        UsmNdArray g = r.normal(3, 0.5, n);
        assertEquals(3.0, Dpnp.mean(g, null, false).item(), 0.01);
        assertEquals(0.5, Dpnp.std(g, null, false, 0).item(), 0.01);
        UsmNdArray un = r.uniform(-2, 4, n);
        assertEquals(1.0, Dpnp.mean(un, null, false).item(), 0.03);
        assertEquals(3.0, Dpnp.var(un, null, false, 0).item(), 0.05);
        long[] counts = Dpnp.bincount(r.integers(0, 10, n), null, 0).toLongArray();
        assertEquals(10, counts.length);
        for (long c : counts) assertEquals(n / 10.0, c, n * 0.005);
        long[] p = r.permutation(1000).toLongArray();
        long[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i]);
        assertFalse(Arrays.equals(p, sorted));
    }

    @OnEveryDevice
    void shuffleAndPermutationKeepTheRows(Device device) {
        RandomState r = new RandomState(11, ArrayOptions.on(device));
        UsmNdArray x = Dpnp.arange(0, 20, 1, ArrayOptions.on(device)).reshape(10, 2).copy().eval();
        r.shuffle(x);
        long[] v = x.toLongArray();
        long[] firsts = new long[10];
        for (int i = 0; i < 10; i++) {
            assertEquals(v[2 * i] + 1, v[2 * i + 1], "rows stay whole");
            firsts[i] = v[2 * i];
        }
        Arrays.sort(firsts);
        for (int i = 0; i < 10; i++) assertEquals(2 * i, firsts[i]);
        assertEquals(10, r.permutation(x).shape()[0]);
        assertFalse(Arrays.equals(new RandomState(1).rand(5).toDoubleArray(), new RandomState(2).rand(5).toDoubleArray()));
        assertThrows(IllegalArgumentException.class, () -> r.integers(5, 5, 3));
    }
}
