package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory-mapped {@code .npy} reading: slices of NumPy's files (C, Fortran, big-endian; steps,
 * reversed axes, integer and ellipsis indices) equal the same index of the loaded array on every
 * device, and a 2 GiB sparse file is sliced while the process's resident memory grows by a
 * small fraction of it.
 */
class MappedNpyTest {
    private static final String[] INDICES = {"1:, ::-2", "2", "..., 3", "::2, 1:3", ":, :", "-1, ::-1"};

    @OnEveryDevice
    void slicesEqualTheLoadedArraysSlices(Device device) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        List<String> failures = new ArrayList<>();
        for (String file : new String[] {"i4_c.npy", "i4_f.npy", "i4_be.npy", "i4_be_f.npy", "u2_f_v3.npy", "f4_be_f.npy", "b1_f.npy"}) {
            Path p = Golden.dir().resolve(file);
            UsmNdArray whole = Npy.load(p, on);
            try (MappedNpy m = Npy.map(p)) {
                for (String index : INDICES) {
                    UsmNdArray want;
                    try {
                        want = whole.get(index);
                    } catch (IndexOutOfBoundsException e) {
                        IndexOutOfBoundsException mapped = assertThrows(IndexOutOfBoundsException.class, () -> m.get(index, on));
                        assertEquals(e.getMessage(), mapped.getMessage());
                        continue;
                    }
                    UsmNdArray got = m.get(index, on);
                    if (!java.util.Arrays.equals(got.shape(), want.shape())
                            || !java.util.Arrays.equals(Golden.bitsOf(got), Golden.bitsOf(want))) {
                        failures.add(file + "[" + index + "]");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), device.filterString() + ": slices differ: " + failures);
    }

    @OnEveryDevice
    void aClosedMapIsRefused(Device device) throws Exception {
        MappedNpy m = Npy.map(Golden.dir().resolve("i4_c.npy"));
        m.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.get("0", ArrayOptions.on(device)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /**
     * A 2 GiB float64 .npy of shape (32768, 8192), sparse but for the rows the test writes: two
     * slices come back right, and VmRSS grows by far less than the file (the slices need 640 KiB
     * and 256 KiB; the bound is 256 MiB, an eighth of the file, to leave the JVM room).
     */
    @OnEveryDevice
    void twoGibibyteFileIsSlicedWithoutReadingIt(Device device, @TempDir Path tmp) throws Exception {
        long rows = 32768;
        long cols = 8192;
        Path p = tmp.resolve("big.npy");
        NpyHeader h = NpyHeader.of(DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false, new long[] {rows, cols}, 0);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(h.encode()), 0);
            for (long r : new long[] {1000, 1001, 1002, rows - 1}) {
                ByteBuffer row = ByteBuffer.allocate((int) cols * 8).order(ByteOrder.nativeOrder());
                for (long c = 0; c < cols; c++) row.putDouble(r * 0.5 + c);
                ch.write(row.flip(), h.dataOffset() + r * cols * 8);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(h.dataOffset() + rows * cols * 8);
        }
        assertEquals(2L << 30, Files.size(p) - h.dataOffset());
        long before = rss("VmRSS");
        long peakBefore = rss("VmHWM");
        long mapped;
        ArrayOptions on = ArrayOptions.on(device);
        DType held = DTypes.forDevice(DType.FLOAT64, device, false);
        try (MappedNpy m = Npy.map(p)) {
            UsmNdArray rowsSlice = m.get("1000:1004, 4096:", on);
            UsmNdArray column = m.get("1001::31766, -1", on);
            assertEquals(held, rowsSlice.dtype());
            assertArrayEquals(new long[] {4, 4096}, rowsSlice.shape());
            double[] got = rowsSlice.toDoubleArray();
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4096; c++) {
                    double want = r == 3 ? 0 : (1000 + r) * 0.5 + 4096 + c;
                    assertEquals(want, got[r * 4096 + c], 0, "row " + (1000 + r) + " column " + (4096 + c));
                }
            }
            assertArrayEquals(new double[] {1001 * 0.5 + cols - 1, (rows - 1) * 0.5 + cols - 1}, column.toDoubleArray(), 0);
            assertEquals(0, m.get("20000, 7", on).toDoubleArray()[0], 0, "a hole reads as zeros");
            mapped = rss("VmRSS");
        }
        long grown = mapped - before;
        long peakGrown = rss("VmHWM") - peakBefore;
        System.out.printf("2 GiB mapped .npy on %s: VmRSS %d MiB before, grew %d KiB while mapped and sliced; "
                + "VmHWM (peak) grew %d KiB to %d MiB%n", device.filterString(), before >> 10, grown, peakGrown, rss("VmHWM") >> 10);
        assertTrue(grown < 256 << 10, "VmRSS grew " + grown + " KiB slicing a 2 GiB file");
        assertTrue(peakGrown < 256 << 10, "VmHWM grew " + peakGrown + " KiB slicing a 2 GiB file");
        Files.delete(p);
    }

    /** A field of /proc/self/status in KiB. */
    private static long rss(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("/proc/self/status has no " + field);
    }
}
