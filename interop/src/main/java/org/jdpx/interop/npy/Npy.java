package org.jdpx.interop.npy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's {@code .npy} files for jdpx arrays: {@code np.load}, {@code np.save} and
 * {@code np.load(..., mmap_mode='r')}. Reads every dtype jdpx has in either byte order, C or
 * Fortran order, header versions 1.0–3.0; writes what {@code np.save} writes, byte for byte
 * (little-endian, version 1.0, Fortran order for a Fortran-contiguous array), or big-endian or a
 * later version when asked. Data stream through the host in 1 MiB pieces onto any device: a file
 * is never held in memory twice. {@code Tensor.load}/{@code save} and {@code Dpnp.load}/{@code save}
 * call this class.
 */
public final class Npy {
    private static final System.Logger LOG = System.getLogger(Npy.class.getName());

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file into a new array on the options' device, in the file's layout (a
     * Fortran-order file gives a Fortran-order array, as NumPy's). float64 becomes float32 on a
     * device without fp64 unless the options ask for float64; another dtype in the options
     * converts on the device.
     *
     * @throws IOException when the file cannot be read, is not a {@code .npy} file (a {@code .npz}
     *         is named as such), is cut short, or holds a dtype jdpx lacks; the message says which
     * @throws IllegalArgumentException when the options ask for float64 on a device without fp64
     */
    public static UsmNdArray load(Path path, ArrayOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                throw new IOException(path + " is a .npz archive, not a .npy file; open it with Npz.load(path, options) "
                        + "(Dpnp.loadNpz)");
            }
            return load(in, path.toString(), options);
        }
    }

    /** Reads one {@code .npy} stream (a file, a {@code .npz} member) into a new array; see {@link #load(Path, ArrayOptions)}. */
    public static UsmNdArray load(InputStream in, String source, ArrayOptions options) throws IOException {
        NpyHeader h = NpyHeader.read(in, source);
        LOG.log(System.Logger.Level.DEBUG, () -> "reading " + source + ": " + h);
        try (DeviceArrays.Filler f = DeviceArrays.filler(h.dtype(), h.shape(), h.fortranOrder() ? 'F' : 'C', options)) {
            NpyBody.read(in, h, source, f);
            return f.finish();
        }
    }

    /**
     * Reads a {@code .npy} file onto the host: its header and its elements in C order and native
     * byte order, for code that inspects files without a device.
     *
     * @throws IOException as {@link #load(Path, ArrayOptions)}
     */
    public static NpyData read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            NpyHeader h = NpyHeader.read(in, path.toString());
            MemorySegment data = Arena.ofAuto().allocate(Math.max(1, h.dataBytes()), 8).asSlice(0, h.dataBytes());
            long[] at = {0};
            NpyBody.read(in, h, path.toString(), piece -> {
                MemorySegment.copy(piece, 0, data, at[0], piece.byteSize());
                at[0] += piece.byteSize();
            });
            if (h.fortranOrder() && h.shape().length > 1) {
                return new NpyData(h, HostOrder.fortranToC(data, h.shape(), h.dtype().itemSize()));
            }
            return new NpyData(h, data);
        }
    }

    /**
     * Writes {@code x} as NumPy's {@code np.save} does: little-endian, header version 1.0, Fortran
     * order when {@code x} is Fortran- and not C-contiguous, C order otherwise (a strided view
     * is copied on its device first).
     *
     * @throws IOException when the file cannot be written
     */
    public static void save(Path path, UsmNdArray x) throws IOException {
        save(path, x, ByteOrder.LITTLE_ENDIAN, 0);
    }

    /**
     * Writes {@code x} in byte order {@code order} with header version {@code version} (0: NumPy's
     * choice, 1.0 unless the header needs more; 1, 2 or 3 force one).
     *
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException for a version other than 0–3
     */
    public static void save(Path path, UsmNdArray x, ByteOrder order, int version) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), NpyBody.CHUNK)) {
            write(out, x, order, version);
        }
    }

    /** Writes {@code x} as one {@code .npy} stream (a file, a {@code .npz} member); see {@link #save(Path, UsmNdArray, ByteOrder, int)}. */
    public static void write(OutputStream out, UsmNdArray x, ByteOrder order, int version) throws IOException {
        boolean fortran = DeviceArrays.savesAsFortran(x);
        NpyHeader h = NpyHeader.of(x.dtype(), order, fortran, x.shape(), version);
        out.write(h.encode());
        DeviceArrays.drain(x, fortran, piece -> NpyBody.write(out, piece, x.dtype(), order));
    }

    /**
     * Opens a {@code .npy} file memory-mapped and read-only, as {@code np.load(path, mmap_mode='r')}:
     * nothing but the header is read until a slice is asked for, so files larger than memory work.
     *
     * @throws IOException as {@link #load(Path, ArrayOptions)}, or when the file is shorter than its header says
     */
    public static MappedNpy map(Path path) throws IOException {
        return MappedNpy.open(path);
    }
}
