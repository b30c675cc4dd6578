package org.jdpx.dpnp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.jdpx.interop.npy.MappedNpy;
import org.jdpx.interop.npy.Npy;
import org.jdpx.interop.npy.Npz;
import org.jdpx.interop.npy.NpzFile;
import org.jdpx.interop.npy.RawBinary;
import org.jdpx.interop.npy.TextFiles;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's file functions over {@link org.jdpx.interop.npy} ({@code .npz} archives, memory-mapped
 * {@code .npy}, raw binary, text), inherited by {@link Dpnp}: call them as {@code Dpnp.savez(...)}.
 * Arrays are read to the host in 1 MiB pieces on their device's queue; loaded arrays go to the
 * options' device. I/O errors come as {@link UncheckedIOException}. A separate file only to keep
 * {@code Dpnp} short.
 */
public abstract sealed class NumpyFileFunctions extends InteropFunctions permits DtypeFunctions {

    NumpyFileFunctions() {
    }

    /** NumPy {@code np.savez(path, *arrays)}: an uncompressed {@code .npz}, members {@code arr_0, arr_1, ...}. */
    public static void savez(Path path, UsmNdArray... arrays) {
        io(() -> Npz.savez(path, arrays));
    }

    /** NumPy {@code np.savez(path, *positional, **named)}: named members first, then {@code arr_0...}. */
    public static void savez(Path path, Map<String, UsmNdArray> named, UsmNdArray... positional) {
        io(() -> Npz.savez(path, named, positional));
    }

    /** NumPy {@code np.savez_compressed(path, *arrays)}: as {@link #savez(Path, UsmNdArray...)}, deflated. */
    public static void savezCompressed(Path path, UsmNdArray... arrays) {
        io(() -> Npz.savezCompressed(path, arrays));
    }

    /** NumPy {@code np.savez_compressed(path, *positional, **named)}, deflated. */
    public static void savezCompressed(Path path, Map<String, UsmNdArray> named, UsmNdArray... positional) {
        io(() -> Npz.savezCompressed(path, named, positional));
    }

    /**
     * NumPy {@code np.load} of a {@code .npz}: the open archive, a closeable map from member names
     * to arrays loaded onto the options' device when asked for.
     */
    public static NpzFile loadNpz(Path path, ArrayOptions o) {
        try {
            return Npz.load(path, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * NumPy {@code np.load(path, mmap_mode='r')}: the {@code .npy} file mapped read-only; slices
     * read only their pages ({@link MappedNpy#get(String, ArrayOptions)}).
     *
     * @throws UnsupportedOperationException for a mode other than "r" (jdpx never writes through a map)
     */
    public static MappedNpy load(Path path, String mmapMode) {
        if (!"r".equals(mmapMode)) {
            throw new UnsupportedOperationException("mmap_mode '" + mmapMode + "' is not supported; jdpx maps .npy files "
                    + "read-only (mmap_mode='r'): write a changed slice back with Dpnp.save");
        }
        try {
            return Npy.map(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NumPy {@code np.fromfile(path, dtype, count, offset=offset)}: raw native-order elements as a 1-D array; count -1 reads all. */
    public static UsmNdArray fromfile(Path path, DType dtype, long count, long offset, ArrayOptions o) {
        try {
            return RawBinary.fromfile(path, dtype, count, offset, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NumPy {@code np.frombuffer(buffer, dtype, count, offset)}: the buffer's remaining bytes copied into a 1-D array; count -1 takes all. */
    public static UsmNdArray frombuffer(ByteBuffer buffer, DType dtype, long count, long offset, ArrayOptions o) {
        return RawBinary.frombuffer(buffer, dtype, count, offset, o);
    }

    /** NumPy {@code x.tofile(path)}: the elements in C order, native byte order, no header. */
    public static void tofile(UsmNdArray x, Path path) {
        io(() -> RawBinary.tofile(x, path));
    }

    /**
     * NumPy {@code np.loadtxt(path, dtype, comments, delimiter, skiprows=, usecols=)}: a text table
     * as an array on the options' device (2-D, axes of extent 1 squeezed); null dtype is float64,
     * null delimiter any whitespace, null usecols every column, null comments none.
     *
     * @throws IllegalArgumentException naming row and column for a value that does not parse or a ragged table
     */
    public static UsmNdArray loadtxt(Path path, DType dtype, String comments, String delimiter, int skiprows, int[] usecols,
                                     ArrayOptions o) {
        try {
            return TextFiles.loadtxt(path, dtype, delimiter, skiprows, usecols, comments, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NumPy {@code np.loadtxt(path)}: whitespace-separated floats, {@code #} comments, on the default device. */
    public static UsmNdArray loadtxt(Path path) {
        return loadtxt(path, null, "#", null, 0, null, ArrayOptions.defaults());
    }

    /**
     * NumPy {@code np.savetxt(path, x, fmt, delimiter, header=, comments=)}: a 1-D (as one column)
     * or 2-D array as text, {@code fmt} a printf format applied per value as Python's {@code %} does.
     */
    public static void savetxt(Path path, UsmNdArray x, String fmt, String delimiter, String header, String comments) {
        io(() -> TextFiles.savetxt(path, x, fmt, delimiter, header, comments));
    }

    /** NumPy {@code np.savetxt(path, x)}: {@code %.18e}, space-separated, no header. */
    public static void savetxt(Path path, UsmNdArray x) {
        savetxt(path, x, "%.18e", " ", "", "# ");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
