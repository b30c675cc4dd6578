package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * einsum's two-operand contractions are tensor's GEMM after a permute and reshape: on every
 * device they give matmul's results bit for bit (a different summation would differ in rounding),
 * for a batched product, a transposed operand whose batch axis joins the rows, and a contraction
 * over two axes at once.
 */
class EinsumGemmTest {

    private static UsmNdArray data(long seed, ArrayOptions on, long... shape) {
        long n = 1;
        for (long s : shape) n *= s;
        double[] v = new double[(int) n];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        return Dpnp.array(v, shape, on);
    }

    @OnEveryDevice
    void contractionsAreTheGemmsResults(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray a = data(1, on, 3, 17, 33);
        UsmNdArray b = data(2, on, 3, 33, 9);
        assertArrayEquals(Dpnp.matmul(a, b).toDoubleArray(), Dpnp.einsum("bij,bjk->bik", a, b).toDoubleArray());
        UsmNdArray c = data(3, on, 9, 33);
        // b is not on c: it joins i in the rows of one (51 x 33) x (33 x 9) product, c read transposed
        assertArrayEquals(Dpnp.matmul(a.reshape(51, 33), c.T()).toDoubleArray(), Dpnp.einsum("bij,kj->bik", a, c).toDoubleArray());
        UsmNdArray d = data(4, on, 17, 33, 5);
        UsmNdArray m = Dpnp.matmul(a.reshape(3, 17 * 33), d.reshape(17 * 33, 5));
        UsmNdArray e = Dpnp.einsum("bij,ijk->bk", a, d);
        assertArrayEquals(m.shape(), e.shape());
        assertArrayEquals(m.toDoubleArray(), e.toDoubleArray());
        assertEquals(a.dtype(), e.dtype());
    }
}
