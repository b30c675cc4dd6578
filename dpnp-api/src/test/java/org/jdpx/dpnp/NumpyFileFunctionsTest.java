package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.interop.npy.MappedNpy;
import org.jdpx.interop.npy.NpzFile;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy's file functions through Dpnp on every device: save/load, savez(_compressed), mmap_mode='r', fromfile/tofile/frombuffer, loadtxt/savetxt. */
class NumpyFileFunctionsTest {

    @OnEveryDevice
    void filesRoundTripThroughDpnp(Device device, @TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray a = Dpnp.array(new int[] {1, -2, 3, 4, 5, 6}, new long[] {2, 3}, on);
        UsmNdArray b = Dpnp.array(new float[] {0.5f, -1.25f}, new long[] {2}, on);

        Dpnp.save(tmp.resolve("a.npy"), a.T());
        assertArrayEquals(new int[] {1, 4, -2, 5, 3, 6}, Dpnp.load(tmp.resolve("a.npy"), on).toIntArray());
        try (MappedNpy m = Dpnp.load(tmp.resolve("a.npy"), "r")) {
            assertArrayEquals(new int[] {5, 6}, m.get("1:, 1", on).toIntArray());
        }

        Dpnp.savez(tmp.resolve("s.npz"), a, b);
        Dpnp.savezCompressed(tmp.resolve("c.npz"), Map.of("b", b), a);
        try (NpzFile s = Dpnp.loadNpz(tmp.resolve("s.npz"), on); NpzFile c = Dpnp.loadNpz(tmp.resolve("c.npz"), on)) {
            assertEquals(List.of("arr_0", "arr_1"), s.files());
            assertEquals(List.of("b", "arr_0"), c.files());
            assertArrayEquals(a.toIntArray(), s.get("arr_0").toIntArray());
            assertArrayEquals(b.toFloatArray(), c.get("b").toFloatArray());
            assertEquals(device, c.get("arr_0").device());
        }

        Dpnp.tofile(a, tmp.resolve("a.bin"));
        assertEquals(24, Files.size(tmp.resolve("a.bin")));
        assertArrayEquals(new int[] {3, 4}, Dpnp.fromfile(tmp.resolve("a.bin"), DType.INT32, 2, 8, on).toIntArray());
        ByteBuffer buf = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(7).putInt(8).putInt(9).flip();
        assertArrayEquals(new int[] {8, 9}, Dpnp.frombuffer(buf, DType.INT32, -1, 4, on).toIntArray());

        Dpnp.savetxt(tmp.resolve("a.txt"), a, "%d", ",", "a", "# ");
        assertEquals("# a\n1,-2,3\n4,5,6\n", Files.readString(tmp.resolve("a.txt")));
        UsmNdArray t = Dpnp.loadtxt(tmp.resolve("a.txt"), DType.INT32, "#", ",", 0, new int[] {2, 0}, on);
        assertArrayEquals(new int[] {3, 1, 6, 4}, t.toIntArray());
        Dpnp.savetxt(tmp.resolve("b.txt"), b);
        assertArrayEquals(new double[] {0.5, -1.25}, Dpnp.loadtxt(tmp.resolve("b.txt")).toDoubleArray(), 0);
    }

    @Test
    void writableMapsAndMissingFilesAreRefused(@TempDir Path tmp) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Dpnp.load(tmp.resolve("a.npy"), "r+"));
        assertTrue(e.getMessage().contains("mmap_mode='r'"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> Dpnp.loadNpz(tmp.resolve("absent.npz"), ArrayOptions.defaults()));
    }
}
