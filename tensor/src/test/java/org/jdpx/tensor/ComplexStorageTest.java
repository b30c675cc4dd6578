package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;

/**
 * Storage of complex64/complex128 and float16 arrays on every device: creation from Java
 * (interleaved pairs, half bits), host reads, fills, copies, views of the parts, printing as
 * NumPy prints, .npy files, complex128 on a device without fp64, and the refusals.
 */
class ComplexStorageTest {

    private static DType c128(Device d) {
        return d.hasAspect(Aspect.FP64) ? DType.COMPLEX128 : DType.COMPLEX64;
    }

    @OnEveryDevice
    void interleavedPairsRoundTrip(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        double[] v = {1, 2, 3, -4, -0.5, 0.25, 0, 7};
        UsmNdArray z = Tensor.asComplexArray(v, new long[] {2, 2}, on);
        assertEquals(c128(device), z.dtype());
        assertArrayEquals(new long[] {2, 2}, z.shape());
        assertArrayEquals(v, z.toComplexDoubleArray());
        UsmNdArray f = Tensor.asComplexArray(new float[] {1, 2, 3, 4}, null, on);
        assertEquals(DType.COMPLEX64, f.dtype());
        assertArrayEquals(new float[] {1, 2, 3, 4}, f.toComplexFloatArray());
        // The transpose and a copy of it read the same pairs in the new order.
        assertArrayEquals(new double[] {1, 2, -0.5, 0.25, 3, -4, 0, 7}, z.T().copy().toComplexDoubleArray());
        assertEquals(new Complex(3, -4), z.get(0, 1).itemComplex());
    }

    @OnEveryDevice
    void fillsAndCasts(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray z = Tensor.full(new long[] {3}, new Complex(1.5, -2), on);
        assertEquals(c128(device), z.dtype());
        assertArrayEquals(new double[] {1.5, -2, 1.5, -2, 1.5, -2}, z.toComplexDoubleArray());
        UsmNdArray zeros = Tensor.zeros(new long[] {2}, on.dtype(DType.COMPLEX64));
        assertArrayEquals(new float[] {0, 0, 0, 0}, zeros.toComplexFloatArray());
        UsmNdArray ints = Tensor.asarray(new int[] {1, -2}, null, on).astype(DType.COMPLEX64);
        assertArrayEquals(new float[] {1, 0, -2, 0}, ints.toComplexFloatArray());
        // NumPy's complex-to-real astype keeps the real part.
        assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f}, z.astype(DType.FLOAT32).toFloatArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.asComplexArray(new float[] {0, 1, 0, 0}, null, on)
                .astype(DType.BOOL).toBooleanArray());
    }

    @OnEveryDevice
    void partsAreWritableViews(Device device) {
        UsmNdArray z = Tensor.asComplexArray(new float[] {1, 2, 3, 4}, null, ArrayOptions.on(device));
        assertArrayEquals(new float[] {1, 3}, z.real().toFloatArray());
        assertArrayEquals(new float[] {2, 4}, z.imag().toFloatArray());
        z.imag().assign(9);
        z.real().set("1", -1);
        assertArrayEquals(new float[] {1, 9, -1, 9}, z.toComplexFloatArray());
        UsmNdArray r = Tensor.asarray(new float[] {5, 6}, null, ArrayOptions.on(device));
        assertArrayEquals(new float[] {0, 0}, r.imag().toFloatArray());
        assertEquals(r, r.real());
    }

    @OnEveryDevice
    void inPlaceComplexUpdateReadsBothPartsBeforeWriting(Device device) {
        UsmNdArray z = Tensor.asComplexArray(new float[] {1, 2, 3, 4}, null, ArrayOptions.on(device));
        z.muli(z); // (1+2j)^2 = -3+4j, (3+4j)^2 = -7+24j
        assertArrayEquals(new float[] {-3, 4, -7, 24}, z.toComplexFloatArray());
        z.muli(new Complex(0, 1));
        assertArrayEquals(new float[] {-4, -3, -24, -7}, z.toComplexFloatArray());
    }

    @OnEveryDevice
    void complexScalarsAreWeak(Device device) {
        UsmNdArray f = Tensor.asarray(new float[] {1, 2}, null, ArrayOptions.on(device));
        UsmNdArray g = f.multiply(new Complex(0, 2));
        assertEquals(DType.COMPLEX64, g.dtype());
        assertArrayEquals(new float[] {0, 2, 0, 4}, g.toComplexFloatArray());
        UsmNdArray i = Tensor.asarray(new int[] {1, 2}, null, ArrayOptions.on(device)).add(new Complex(0, 1));
        assertEquals(c128(device), i.dtype());
    }

    @OnEveryDevice
    void float16Storage(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray h = Tensor.asarray(new float[] {0.1f, 1, 65504, 70000, 1e-7f}, null, on.dtype(DType.FLOAT16));
        assertEquals(DType.FLOAT16, h.dtype());
        // NumPy: float16([0.1, 1, 65504, 70000, 1e-7]).view(uint16)
        assertArrayEquals(new short[] {0x2e66, 0x3c00, 0x7bff, 0x7c00, 0x0002}, h.toFloat16Bits());
        assertArrayEquals(new float[] {0.099975586f, 1, 65504, Float.POSITIVE_INFINITY, 1.1920929e-7f}, h.toFloatArray());
        UsmNdArray back = Tensor.fromFloat16Bits(new short[] {(short) 0xbc00, 0x3555, 0x7e00}, null, on);
        assertArrayEquals(new float[] {-1, 0.33325195f, Float.NaN}, back.astype(DType.FLOAT32).toFloatArray());
        assertEquals("UsmNdArray([0.1, 1. , 2.5], dtype=float16, device=" + device.filterString() + ")",
                Tensor.asarray(new float[] {0.1f, 1, 2.5f}, null, on.dtype(DType.FLOAT16)).toString());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(new long[] {1}, on).toFloat16Bits());
    }

    @OnEveryDevice
    void float16CopiesOfViewsKeepEveryBitNaNPayloadsIncluded(Device device) {
        // NaNs with payloads (0xfce1 signalling, 0x7c01 the smallest): NumPy's copy() is a memcpy.
        short[] bits = {(short) 0xfce1, 0x3c00, 0x7c01, (short) 0xfe00, 0x0001, 0x7e3f};
        UsmNdArray h = Tensor.fromFloat16Bits(bits, new long[] {2, 3}, ArrayOptions.on(device));
        short[] transposed = {bits[0], bits[3], bits[1], bits[4], bits[2], bits[5]};
        assertArrayEquals(transposed, h.T().copy().toFloat16Bits());
        assertArrayEquals(new short[] {bits[2], bits[5]}, h.get(":, ::-1").get(":, 0").copy().toFloat16Bits());
    }

    @OnEveryDevice
    void printsAsNumpy(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        String dev = ", device=" + device.filterString() + ")";
        String suffix = device.hasAspect(Aspect.FP64) ? "" : ", dtype=complex64";
        assertEquals("UsmNdArray([1.+2.j, 3.-4.j]" + suffix + dev, Tensor.asComplexArray(new double[] {1, 2, 3, -4}, null, on).toString());
        assertEquals("UsmNdArray([ 1.5+0.25j, -2. -1.j  ]" + suffix + dev,
                Tensor.asComplexArray(new double[] {1.5, 0.25, -2, -1}, null, on).toString());
        assertEquals("UsmNdArray([1.+2.j, 3.-4.j], dtype=complex64" + dev,
                Tensor.asComplexArray(new float[] {1, 2, 3, -4}, null, on).toString());
        assertEquals("(1.5-2j)", new Complex(1.5, -2).toString());
    }

    @OnEveryDevice
    void refusals(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray z = Tensor.asComplexArray(new float[] {1, 2, 3, 4}, null, on);
        assertTrue(assertThrows(IllegalArgumentException.class, z::toDoubleArray).getMessage().contains("toComplexDoubleArray"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> z.get(0).item()).getMessage().contains("itemComplex"));
        assertThrows(IllegalArgumentException.class, () -> Tensor.full(new long[] {1}, new Complex(1, 1), on.dtype(DType.FLOAT32)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(new long[] {2}, on.dtype(DType.FLOAT32)).assign(new Complex(0, 1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.floorDivide(z, z)).getMessage().contains("NumPy"));
        assertThrows(IllegalArgumentException.class, () -> Tensor.bitwiseAnd(z, z));
        assertThrows(UnsupportedOperationException.class, () -> Tensor.round(z));
        assertThrows(IllegalArgumentException.class, () -> Tensor.max(z.get("0:0"), null, false));
        if (!device.hasAspect(Aspect.FP64)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> z.astype(DType.COMPLEX128)).getMessage().contains("complex64"));
        }
    }

    @OnEveryDevice
    void complexAndHalfExpressionsFuseIntoOneKernel(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray a = Tensor.asComplexArray(new float[] {1, 2, -0.5f, 1}, null, on).eval();
        UsmNdArray b = Tensor.asComplexArray(new float[] {0.5f, -1, 2, 0}, null, on).eval();
        long before = org.jdpx.tensor.fusion.FusedKernels.launches();
        UsmNdArray r = Tensor.exp(a.multiply(b).add(new Complex(1, -1))).eval();
        assertEquals(1, org.jdpx.tensor.fusion.FusedKernels.launches() - before, "one kernel for exp(a*b + (1-1j))");
        // NumPy: np.exp(a*b + (1-1j)) in complex128, here complex64
        double[] want = {17.89235505314706, -27.865691972039404, 0.5403023058681398, 0.8414709848078965};
        assertArrayEquals(want, r.toComplexDoubleArray(), 2e-5 * 8);
        UsmNdArray h = Tensor.asarray(new float[] {1, 3}, null, on.dtype(DType.FLOAT16)).eval();
        UsmNdArray s = Tensor.asarray(new float[] {0x1p-11f, 0x1p-11f}, null, on.dtype(DType.FLOAT16)).eval();
        before = org.jdpx.tensor.fusion.FusedKernels.launches();
        UsmNdArray sum = h.add(s).add(s).eval();
        assertEquals(1, org.jdpx.tensor.fusion.FusedKernels.launches() - before);
        // NumPy rounds each float16 result: 1 + 2^-11 ties to 1, twice; float32 throughout would give 1 + 2^-10.
        assertArrayEquals(new float[] {1, 3}, sum.toFloatArray());
    }
}
