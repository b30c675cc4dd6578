package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdpx writes and reads back every dtype in every layout (C, Fortran, a strided reversed view,
 * 0-d, empty, 3-D Fortran) in both byte orders and all header versions, on every device: the
 * elements come back bit for bit, Fortran arrays come back Fortran (as NumPy's), and the header
 * says what was written.
 */
class NpyRoundTripTest {

    /** The layouts, each made from a C-order array of 60 values. */
    static Map<String, UsmNdArray> layouts(DType t, ArrayOptions on) {
        UsmNdArray base = values(t, 60, on).reshape(3, 4, 5);
        Map<String, UsmNdArray> m = new LinkedHashMap<>();
        m.put("C", base.reshape(12, 5));
        m.put("F", base.reshape(12, 5).T().copy().eval().T());
        m.put("strided", base.get("::2, ::-1, 1::3"));
        m.put("0-d", base.get("1, 2, 3"));
        m.put("empty", base.get("1:1, :, :"));
        m.put("F3d", base.permute(2, 1, 0).copy().eval().permute(2, 1, 0));
        return m;
    }

    /** {@code n} distinct values of {@code t} (fractions for floats, wrapping negatives for integers). */
    static UsmNdArray values(DType t, int n, ArrayOptions on) {
        if (t.isComplex()) {
            double[] z = new double[2 * n];
            for (int i = 0; i < n; i++) {
                z[2 * i] = (i - 17) * 0.37;
                z[2 * i + 1] = i * 0.11 - 3;
            }
            return Tensor.asComplexArray(z, new long[] {n}, on.dtype(t));
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = t.isFloat() ? (i - 17) * 0.37 : (i * 37 - 900) % 250;
        return Tensor.asarray(v, new long[] {n}, on.dtype(t));
    }

    @OnEveryDevice
    void everyDtypeLayoutAndByteOrderRoundTrips(Device device, @TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (DType t : DType.values()) {
            if ((t == DType.FLOAT64 || t == DType.COMPLEX128) && !device.hasAspect(Aspect.FP64)) continue;
            int k = 0;
            for (Map.Entry<String, UsmNdArray> e : layouts(t, on).entrySet()) {
                for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                    int version = k++ % 4; // every version (0: NumPy's choice) across each dtype's layouts
                    String what = t + " " + e.getKey() + " " + order + " v" + version;
                    UsmNdArray x = e.getValue();
                    Path p = tmp.resolve("a.npy");
                    Npy.save(p, x, order, version);
                    String problem = check(x, Npy.load(p, on), Npy.read(p).header(), order, version);
                    if (problem != null) failures.add(what + ": " + problem);
                    checked++;
                }
            }
        }
        assertEquals((device.hasAspect(Aspect.FP64) ? 14 : 12) * 6 * 2, checked);
        assertTrue(failures.isEmpty(), device.filterString() + ":\n" + String.join("\n", failures));
    }

    private static String check(UsmNdArray x, UsmNdArray y, NpyHeader h, ByteOrder order, int version) {
        boolean fortran = x.ndim() > 1 && x.size() > 1 && !x.isLazy()
                && Shapes.isFContiguous(x.shape(), x.strides()) && !Shapes.isCContiguous(x.shape(), x.strides());
        if (h.fortranOrder() != fortran) return "header fortran_order " + h.fortranOrder();
        if (h.version() != Math.max(1, version)) return "header version " + h.version();
        if (x.dtype().itemSize() > 1 && !h.byteOrder().equals(order)) return "header byte order " + h.byteOrder();
        if (fortran && !Shapes.isFContiguous(y.shape(), y.strides())) return "loaded in C order, the file is Fortran";
        if (y.dtype() != x.dtype() || !java.util.Arrays.equals(y.shape(), x.shape())) {
            return "loaded " + y.dtype() + Shapes.describe(y.shape());
        }
        return java.util.Arrays.equals(Golden.bitsOf(x), Golden.bitsOf(y)) ? null : "elements differ";
    }

    /** Tensor.save/load keep both halves of complex numbers and float16's bits (through the codec here). */
    @OnEveryDevice
    void complexAndFloat16FilesKeepEveryBit(Device device, @TempDir Path tmp) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray z = Tensor.asComplexArray(new float[] {1, 2, 3, 4}, null, on);
        Tensor.save(tmp.resolve("z.npy"), z);
        assertArrayEquals(new float[] {1, 2, 3, 4}, Tensor.load(tmp.resolve("z.npy"), on).toComplexFloatArray());
        UsmNdArray h = Tensor.asarray(new float[] {0.5f, -2}, null, on.dtype(DType.FLOAT16));
        Tensor.save(tmp.resolve("h.npy"), h);
        UsmNdArray hb = Tensor.load(tmp.resolve("h.npy"), on);
        assertEquals(DType.FLOAT16, hb.dtype());
        assertArrayEquals(new float[] {0.5f, -2}, hb.toFloatArray());
    }

    @OnEveryDevice
    void tensorLoadAndSaveReachTheCodec(Device device, @TempDir Path tmp) {
        UsmNdArray a = Tensor.asarray(new int[] {1, -2, 3, 4, 5, 6}, new long[] {2, 3}, ArrayOptions.on(device));
        Tensor.save(tmp.resolve("a.npy"), a.T());
        UsmNdArray b = Tensor.load(tmp.resolve("a.npy"), ArrayOptions.on(device));
        assertEquals(DType.INT32, b.dtype());
        assertArrayEquals(new long[] {3, 2}, b.shape());
        assertArrayEquals(new int[] {1, 4, -2, 5, 3, 6}, b.toIntArray());
    }

    @OnEveryDevice
    void float64FileOnADeviceWithoutFp64BecomesFloat32(Device device, @TempDir Path tmp) throws Exception {
        Path p = Golden.dir().resolve("f8_c.npy");
        UsmNdArray x = Npy.load(p, ArrayOptions.on(device));
        assertEquals(device.hasAspect(Aspect.FP64) ? DType.FLOAT64 : DType.FLOAT32, x.dtype());
        UsmNdArray asInt = Npy.load(Golden.dir().resolve("i2_be_f.npy"), ArrayOptions.on(device).dtype(DType.INT32));
        assertEquals(DType.INT32, asInt.dtype());
        assertArrayEquals(Npy.load(Golden.dir().resolve("i2_c.npy"), ArrayOptions.on(device)).astype(DType.INT32).toIntArray(),
                asInt.toIntArray());
    }
}
