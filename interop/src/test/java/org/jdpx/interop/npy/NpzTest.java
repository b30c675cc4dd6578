package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npz} archives written stored and deflated and read back through {@link NpzFile} on every device. */
class NpzTest {

    @OnEveryDevice
    void storedAndDeflatedArchivesRoundTrip(Device device, @TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        Map<String, UsmNdArray> layouts = NpyRoundTripTest.layouts(DType.INT16, on);
        UsmNdArray f = layouts.get("F");
        UsmNdArray strided = layouts.get("strided");
        UsmNdArray scalar = layouts.get("0-d");
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = tmp.resolve(compressed ? "c.npz" : "s.npz");
            if (compressed) Npz.savezCompressed(p, Map.of("scalar", scalar), f, strided);
            else Npz.savez(p, Map.of("scalar", scalar), f, strided);
            try (NpzFile z = Npz.load(p, on)) {
                assertEquals(List.of("scalar", "arr_0", "arr_1"), z.files());
                assertEquals(3, z.size());
                assertTrue(z.containsKey("arr_1") && z.containsKey("arr_1.npy") && !z.containsKey("arr_2"));
                assertNull(z.get("arr_2"));
                assertArrayEquals(Golden.bitsOf(f), Golden.bitsOf(z.get("arr_0")));
                assertArrayEquals(Golden.bitsOf(strided), Golden.bitsOf(z.get("arr_1.npy")));
                assertArrayEquals(Golden.bitsOf(scalar), Golden.bitsOf(z.get("scalar")));
                assertEquals(0, z.get("scalar").ndim());
                assertEquals(device, z.get("arr_0").device());
                int[] seen = {0};
                z.forEach((name, x) -> seen[0] += (int) x.size());
                assertEquals(f.size() + strided.size() + 1, seen[0]);
                IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> z.array("nope"));
                assertTrue(missing.getMessage().contains("[scalar, arr_0, arr_1]"), missing.getMessage());
                z.close();
                IllegalStateException closed = assertThrows(IllegalStateException.class, () -> z.get("arr_0"));
                assertTrue(closed.getMessage().contains("was closed"), closed.getMessage());
            }
        }
    }

    @Test
    void positionalNamesCannotAlsoBeGivenByName(@TempDir Path tmp) {
        UsmNdArray x = NpyRoundTripTest.values(DType.INT8, 3, ArrayOptions.on("java:cpu:0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npz.savez(tmp.resolve("a.npz"), Map.of("arr_0", x), x));
        assertTrue(e.getMessage().contains("arr_0"), e.getMessage());
        assertFalse(tmp.resolve("a.npz").toFile().exists(), "nothing is written when the names clash");
    }
}
