package org.jdpx.interop.npy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's {@code .npz} archives: several {@code .npy} members in one zip file, stored
 * ({@code np.savez}) or deflated ({@code np.savez_compressed}), and {@link NpzFile} to read them
 * ({@code np.load} of a {@code .npz}). Members are named {@code <name>.npy}; arrays given by
 * position are {@code arr_0}, {@code arr_1}, ... as in NumPy.
 */
public final class Npz {

    private Npz() {
    }

    /**
     * Writes the arrays uncompressed ({@code np.savez(path, *arrays)}), named {@code arr_0...}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void savez(Path path, UsmNdArray... arrays) throws IOException {
        write(path, positional(arrays), false);
    }

    /**
     * Writes the arrays uncompressed under their names ({@code np.savez(path, **named)}), in the map's order.
     *
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException for an empty name
     */
    public static void savez(Path path, Map<String, UsmNdArray> named) throws IOException {
        write(path, named, false);
    }

    /**
     * Writes named and positional arrays uncompressed, as {@code np.savez(path, *positional, **named)}:
     * the named ones first, then {@code arr_0...}.
     *
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when a name is empty or is also a positional {@code arr_i}
     */
    public static void savez(Path path, Map<String, UsmNdArray> named, UsmNdArray... positional) throws IOException {
        write(path, both(named, positional), false);
    }

    /** Named and positional arrays deflated, as {@code np.savez_compressed(path, *positional, **named)}. */
    public static void savezCompressed(Path path, Map<String, UsmNdArray> named, UsmNdArray... positional) throws IOException {
        write(path, both(named, positional), true);
    }

    /** Writes the arrays deflated ({@code np.savez_compressed(path, *arrays)}); see {@link #savez(Path, UsmNdArray...)}. */
    public static void savezCompressed(Path path, UsmNdArray... arrays) throws IOException {
        write(path, positional(arrays), true);
    }

    /** Writes the arrays deflated under their names ({@code np.savez_compressed(path, **named)}). */
    public static void savezCompressed(Path path, Map<String, UsmNdArray> named) throws IOException {
        write(path, named, true);
    }

    /**
     * Opens a {@code .npz} archive; its arrays load onto the options' device when asked for.
     *
     * @throws IOException when the file cannot be opened or is not a zip archive
     */
    public static NpzFile load(Path path, ArrayOptions options) throws IOException {
        return NpzFile.open(path, options);
    }

    private static Map<String, UsmNdArray> both(Map<String, UsmNdArray> named, UsmNdArray[] positional) {
        Map<String, UsmNdArray> m = new LinkedHashMap<>(named);
        for (Map.Entry<String, UsmNdArray> e : positional(positional).entrySet()) {
            if (m.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw new IllegalArgumentException("cannot use positional arrays and the name " + e.getKey() + " together: "
                        + "positional arrays are named arr_0, arr_1, ...; rename the named one");
            }
        }
        return m;
    }

    private static Map<String, UsmNdArray> positional(UsmNdArray[] arrays) {
        Map<String, UsmNdArray> m = new LinkedHashMap<>();
        for (int i = 0; i < arrays.length; i++) m.put("arr_" + i, arrays[i]);
        return m;
    }

    private static void write(Path path, Map<String, UsmNdArray> named, boolean deflate) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(path), NpyBody.CHUNK))) {
            for (Map.Entry<String, UsmNdArray> e : named.entrySet()) {
                if (e.getKey() == null || e.getKey().isEmpty()) {
                    throw new IllegalArgumentException("a .npz member needs a non-empty name");
                }
                UsmNdArray x = e.getValue();
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (deflate) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // A stored member's size and CRC come before its bytes: one pass to count them.
                    CRC32 crc = new CRC32();
                    CountingStream count = new CountingStream();
                    Npy.write(new CheckedOutputStream(count, crc), x, ByteOrder.LITTLE_ENDIAN, 0);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(count.bytes);
                    entry.setCompressedSize(count.bytes);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                Npy.write(zip, x, ByteOrder.LITTLE_ENDIAN, 0);
                zip.closeEntry();
            }
        }
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
