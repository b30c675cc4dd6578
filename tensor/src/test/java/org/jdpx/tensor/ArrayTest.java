package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;

/** Creation, views, assignment, conversion and printing on every device, against plain Java. */
class ArrayTest {

    @OnEveryDevice
    void creationFunctionsMakeWhatNumpyMakes(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        DType f = DTypes.defaultFloat(device);
        UsmNdArray z = Tensor.zeros(new long[] {2, 3}, on);
        assertEquals(f, z.dtype());
        assertArrayEquals(new double[6], z.toDoubleArray());
        assertArrayEquals(new long[] {1, 1, 1, 1}, Tensor.ones(new long[] {4}, on.dtype(DType.INT16)).toLongArray());
        assertArrayEquals(new long[] {7, 7}, Tensor.full(new long[] {2}, 7, on).toLongArray());
        assertEquals(DType.INT64, Tensor.full(new long[] {2}, 7, on).dtype());
        assertEquals(DType.BOOL, Tensor.full(new long[] {2}, true, on).dtype());
        assertArrayEquals(new long[] {2, 5, 8}, Tensor.arange(2, 10, 3, on).toLongArray());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5, true, on).toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1}, Tensor.eye(2, 3, 1, on).toDoubleArray());
        UsmNdArray fo = Tensor.asarray(new int[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, on.order('F'));
        assertArrayEquals(new long[] {1, 2}, fo.strides(), "Fortran order");
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, fo.toIntArray(), "values in C order whatever the layout");
        UsmNdArray like = Tensor.fullLike(fo, 9);
        assertEquals(DType.INT32, like.dtype());
        assertSame(device, like.device());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.asarray(new float[] {1, 2, 3}, new long[] {2, 2}, on));
        assertTrue(e.getMessage().contains("shape (2, 2)"), e.getMessage());
    }

    @OnEveryDevice
    void float64FollowsTheDevicesFp64Aspect(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray d = Tensor.asarray(new double[] {1.5, 2.5}, null, on);
        UsmNdArray q = Tensor.divide(Tensor.asarray(new int[] {1, 2}, null, on), 4);
        if (device.hasAspect(Aspect.FP64)) {
            assertEquals(DType.FLOAT64, d.dtype());
            assertEquals(DType.FLOAT64, q.dtype());
        } else {
            assertEquals(DType.FLOAT32, d.dtype(), "float64 data is mapped to float32 without fp64, as dpnp does");
            assertEquals(DType.FLOAT32, q.dtype());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Tensor.zeros(new long[] {2}, on.dtype(DType.FLOAT64)));
            assertTrue(e.getMessage().contains("does not support float64"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> d.astype(DType.FLOAT64));
        }
        assertArrayEquals(new double[] {1.5, 2.5}, d.toDoubleArray());
        assertArrayEquals(new double[] {0.25, 0.5}, q.toDoubleArray());
    }

    @OnEveryDevice
    void viewsShareMemoryAndAssignmentBroadcasts(Device device) {
        UsmNdArray a = Tensor.asarray(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, new long[] {3, 4}, ArrayOptions.on(device));
        UsmNdArray v = a.get("1:, ::-2");
        assertSame(a.memory(), v.memory());
        assertArrayEquals(new float[] {7, 5, 11, 9}, v.toFloatArray());
        v.assign(Tensor.asarray(new float[] {-1, -2}, null, ArrayOptions.on(device)));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, -2, 6, -1, 8, -2, 10, -1}, a.toFloatArray());
        a.set("0", 100);
        assertArrayEquals(new float[] {100, 100, 100, 100}, a.get("0").toFloatArray());
        assertArrayEquals(new long[] {4, 3}, a.T().shape());
        assertArrayEquals(new float[] {100, 4, 8}, a.T().get("0").toFloatArray());
        assertSame(a.memory(), a.reshape(2, 6).memory(), "contiguous reshape is a view");
        assertFalse(a.T().reshape(12).memory() == a.memory(), "a transposed reshape copies");
        assertArrayEquals(new long[] {3, 1, 4}, a.expandDims(1).shape());
        assertArrayEquals(new long[] {3, 4}, a.expandDims(1).squeeze().shape());
        assertEquals(6f, (float) a.get(2, 0).item() - 2f);
        UsmNdArray c = a.copy();
        a.set("...", 0);
        assertEquals(100f, c.get(0, 0).item(), 0f, "a copy does not see later writes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.assign(Tensor.ones(new long[] {2}, ArrayOptions.on(device))));
        assertTrue(e.getMessage().contains("could not broadcast"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(3));
    }

    @OnEveryDevice
    void astypeAndIntegerWrapAroundFollowNumpy(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray u = Tensor.asarray(new int[] {250, 3}, null, on.dtype(DType.UINT8));
        assertArrayEquals(new long[] {244, 6}, u.add(u).toLongArray(), "uint8 wraps");
        assertArrayEquals(new long[] {-6, 3}, u.astype(DType.INT8).toLongArray());
        UsmNdArray f = Tensor.asarray(new float[] {-1.7f, 2.5f, Float.NaN}, null, on);
        assertArrayEquals(new long[] {-1, 2, 0}, f.astype(DType.INT32).toLongArray(), "truncation; NaN gives 0 here");
        assertArrayEquals(new boolean[] {true, true, true}, f.astype(DType.BOOL).toBooleanArray());
        assertThrows(IllegalArgumentException.class, () -> Tensor.asarray(new int[] {1}, null, on).addi(0.5),
                "same_kind casting refuses float into int in place");
    }

    @OnEveryDevice
    void printsLikeNumpyWithTheDevice(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        String d = device.filterString();
        assertEquals("UsmNdArray([[1., 2., 3.],\n            [4., 5., 6.]], dtype=float32, device=" + d + ")",
                Tensor.asarray(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, on).toString());
        assertEquals("UsmNdArray([ 1, -2, 30], dtype=int32, device=" + d + ")",
                Tensor.asarray(new int[] {1, -2, 30}, null, on).toString());
        assertEquals("UsmNdArray([ True, False], device=" + d + ")",
                Tensor.asarray(new boolean[] {true, false}, null, on).toString());
        assertEquals("UsmNdArray([0.5 , 0.25], dtype=float32, device=" + d + ")",
                Tensor.asarray(new float[] {0.5f, 0.25f}, null, on).toString());
        assertEquals("UsmNdArray(3.5, dtype=float32, device=" + d + ")",
                Tensor.asarray(new float[] {3.5f}, new long[0], on).toString());
        assertTrue(Tensor.arange(0, 2000, 1, on).toString().startsWith("UsmNdArray([   0,    1,    2, ..., 1997, 1998, 1999]"),
                Tensor.arange(0, 2000, 1, on).toString());
    }
}
