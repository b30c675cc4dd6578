package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** loadtxt and savetxt against what NumPy's read from and wrote to {@code numpy/npy/text} (generate_npy.py). */
class TextFilesTest {
    private static final Path TEXT = Golden.dir().resolveSibling("text");

    @OnEveryDevice
    void loadtxtReadsWhatNumpyRead(Device device) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray x = TextFiles.loadtxt(TEXT.resolve("table.txt"), null, ",", 1, new int[] {0, -1}, "#", on);
        NpyData want = Npy.read(TEXT.resolve("loaded.npy"));
        assertArrayEquals(want.shape(), x.shape());
        assertEquals(device.hasAspect(Aspect.FP64) ? DType.FLOAT64 : DType.FLOAT32, x.dtype());
        double[] w = Npy.load(TEXT.resolve("loaded.npy"), on).toDoubleArray();
        assertArrayEquals(w, x.toDoubleArray(), 0);
        UsmNdArray n = TextFiles.loadtxt(TEXT.resolve("table.txt"), DType.INT64, ",", 1, new int[] {1}, "#", on);
        assertEquals(DType.INT64, n.dtype());
        assertArrayEquals(Npy.load(TEXT.resolve("loaded_int.npy"), on).toLongArray(), n.toLongArray());
    }

    @OnEveryDevice
    void savetxtWritesWhatNumpyWrote(Device device, @TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        if (device.hasAspect(Aspect.FP64)) {
            TextFiles.savetxt(tmp.resolve("d.txt"), Npy.load(TEXT.resolve("saved_default.npy"), on), "%.18e", " ", "", "# ");
            assertEquals(Files.readString(TEXT.resolve("saved_default.txt")), Files.readString(tmp.resolve("d.txt")));
        }
        TextFiles.savetxt(tmp.resolve("i.txt"), Npy.load(TEXT.resolve("saved_int.npy"), on), "%d", ",", "x,y\nsecond line", "# ");
        assertEquals(Files.readString(TEXT.resolve("saved_int.txt")), Files.readString(tmp.resolve("i.txt")));
        TextFiles.savetxt(tmp.resolve("c.txt"), Npy.load(TEXT.resolve("saved_column.npy"), on), "%.3f", " ", "", "# ");
        assertEquals(Files.readString(TEXT.resolve("saved_column.txt")), Files.readString(tmp.resolve("c.txt")));
    }

    @Test
    void raggedTablesAndBadValuesNameTheRow(@TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on("java:cpu:0");
        Path p = tmp.resolve("t.txt");
        Files.writeString(p, "1 2 3\n4 5\n");
        String m = assertThrows(IllegalArgumentException.class, () -> TextFiles.loadtxt(p, null, null, 0, null, "#", on)).getMessage();
        assertTrue(m.contains("changed from 3 to 2 at row 2"), m);
        Files.writeString(p, "1 2\n3 x\n");
        m = assertThrows(IllegalArgumentException.class, () -> TextFiles.loadtxt(p, null, null, 0, null, "#", on)).getMessage();
        assertTrue(m.contains("could not convert string 'x' to float64 at row 2, column 2"), m);
        UsmNdArray cube = NpyRoundTripTest.values(DType.INT8, 8, on).reshape(2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> TextFiles.savetxt(p, cube, "%d", " ", "", "# "));
    }
}
