package org.jdpx.interop.npy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Index;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * A {@code .npy} file mapped read-only into memory, NumPy's {@code np.load(path, mmap_mode='r')}:
 * a slice ({@link #get(String, ArrayOptions)}) reads only the pages under it, so a file larger
 * than memory can be worked through piece by piece. Each slice becomes a new C-order array on
 * the options' device (the file's bytes are gathered through the host, 1 MiB at a time); the file
 * itself is never written. Close it to unmap; slices already made stay valid.
 */
public final class MappedNpy implements AutoCloseable {
    private final Path path;
    private final NpyHeader header;
    private final Arena arena;
    private final MemorySegment data;

    private MappedNpy(Path path, NpyHeader header, Arena arena, MemorySegment data) {
        this.path = path;
        this.header = header;
        this.arena = arena;
        this.data = data;
    }

    static MappedNpy open(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            NpyHeader h = NpyHeader.read(Channels.newInputStream(ch), path.toString());
            long need = h.dataOffset() + h.dataBytes();
            if (ch.size() < need) {
                throw new IOException(path + " is cut short: its header promises " + need + " bytes, the file has " + ch.size());
            }
            Arena arena = Arena.ofShared();
            try {
                MemorySegment data = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), h.dataBytes(), arena);
                return new MappedNpy(path, h, arena, data);
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            }
        }
    }

    /** The file's header. */
    public NpyHeader header() {
        return header;
    }

    /** The extents. */
    public long[] shape() {
        return header.shape();
    }

    /** The element type. */
    public DType dtype() {
        return header.dtype();
    }

    /**
     * The slice NumPy's basic index {@code index} selects ({@code "1000:2000, ::2"}, {@code "5"},
     * {@code "..., 3"}), as a new array on the options' device; only its pages are read.
     *
     * @throws IndexOutOfBoundsException or {@link IllegalArgumentException} for a bad index, as NumPy's wording
     * @throws IllegalStateException after {@link #close()}
     */
    public UsmNdArray get(String index, ArrayOptions options) {
        return get(options, Index.parse(index));
    }

    /** The slice {@code index} selects, as a new array on the options' device; see {@link #get(String, ArrayOptions)}. */
    public UsmNdArray get(ArrayOptions options, Index... index) {
        if (!arena.scope().isAlive()) throw new IllegalStateException(path + " was closed; map it again with Npy.map");
        long[] shape = header.shape();
        View whole = new View(shape, header.fortranOrder() ? Shapes.fStrides(shape) : Shapes.cStrides(shape), 0);
        View v = whole.index(index);
        try (DeviceArrays.Filler f = DeviceArrays.filler(header.dtype(), v.shape(), 'C', options)) {
            new Gather(data, header, v).run(f);
            return f.finish();
        }
    }

    /** The whole array on the options' device (NumPy's {@code np.asarray(mapped)}). */
    public UsmNdArray read(ArrayOptions options) {
        return get(options);
    }

    /** Unmaps the file. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) arena.close();
    }

    @Override
    public String toString() {
        return "MappedNpy[" + path + ", " + header + "]";
    }
}
