package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headerless files and buffers ({@code fromfile}, {@code tofile}, {@code frombuffer}) on every device. */
class RawBinaryTest {

    @OnEveryDevice
    void tofileThenFromfileGivesTheElementsBack(Device device, @TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        for (DType t : DType.values()) {
            if ((t == DType.FLOAT64 || t == DType.COMPLEX128) && !device.hasAspect(Aspect.FP64)) continue;
            UsmNdArray strided = NpyRoundTripTest.layouts(t, on).get("strided");
            Path p = tmp.resolve(t + ".bin");
            RawBinary.tofile(strided, p);
            assertEquals(strided.size() * t.itemSize(), Files.size(p), t.toString());
            UsmNdArray back = RawBinary.fromfile(p, t, -1, 0, on);
            assertArrayEquals(Golden.bitsOf(strided), Golden.bitsOf(back), t.toString());
            UsmNdArray middle = RawBinary.fromfile(p, t, 3, 2L * t.itemSize(), on);
            int parts = t.isComplex() ? 2 : 1; // bitsOf gives a complex element as its two parts
            assertArrayEquals(java.util.Arrays.copyOfRange(Golden.bitsOf(strided), 2 * parts, 5 * parts), Golden.bitsOf(middle),
                    t.toString());
        }
    }

    @OnEveryDevice
    void frombufferCopiesTheBytesAfterTheOffset(Device device) {
        ByteBuffer b = ByteBuffer.allocate(4 + 5 * 4).order(ByteOrder.nativeOrder());
        b.putInt(99);
        for (int i = 0; i < 5; i++) b.putInt(i * 1000 - 2000);
        b.flip();
        UsmNdArray x = RawBinary.frombuffer(b, DType.INT32, -1, 4, ArrayOptions.on(device));
        assertArrayEquals(new int[] {-2000, -1000, 0, 1000, 2000}, x.toIntArray());
        assertEquals(device, x.device());
        assertArrayEquals(new int[] {-1000, 0}, RawBinary.frombuffer(b, DType.INT32, 2, 8, ArrayOptions.on(device)).toIntArray());
    }

    @Test
    void sizesThatDoNotFitAreRefused(@TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on("java:cpu:0");
        ByteBuffer seven = ByteBuffer.allocate(7);
        String m = assertThrows(IllegalArgumentException.class, () -> RawBinary.frombuffer(seven, DType.INT16, -1, 0, on)).getMessage();
        assertTrue(m.contains("multiple of element size"), m);
        m = assertThrows(IllegalArgumentException.class, () -> RawBinary.frombuffer(seven, DType.INT16, 4, 0, on)).getMessage();
        assertTrue(m.contains("smaller than requested size"), m);
        Path p = tmp.resolve("x.bin");
        Files.write(p, new byte[10]);
        m = assertThrows(IllegalArgumentException.class, () -> RawBinary.fromfile(p, DType.INT32, 3, 0, on)).getMessage();
        assertTrue(m.contains("12 bytes, 10 remain"), m);
    }
}
