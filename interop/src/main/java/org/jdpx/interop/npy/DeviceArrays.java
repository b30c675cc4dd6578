package org.jdpx.interop.npy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jdpx.device.Queue;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * Element data between the host and arrays on any device, in chunks: a {@link Filler} streams
 * pieces of a file into a new array's memory; {@link #drain} streams an array's elements out.
 * Only float64 to float32 (for a device without fp64) converts on the host; any other dtype the
 * options ask for converts on the device afterwards.
 */
final class DeviceArrays {

    private DeviceArrays() {
    }

    /**
     * A new array of {@code shape} laid out in {@code layout} ('C' or 'F') for data of
     * {@code fileType}, filled piece by piece.
     *
     * @throws IllegalArgumentException when the options ask for float64 on a device without fp64
     */
    static Filler filler(DType fileType, long[] shape, char layout, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType want = o.resolveDtype(q, fileType);
        DType hold = DTypes.forDevice(fileType, q.device(), false);
        return new Filler(UsmNdArray.allocate(shape, hold, q, o.usmType(), layout), fileType, want);
    }

    /** Streams data of the file's dtype (native byte order) into a new array, converting float64 to float32 when the array holds float32. */
    static final class Filler implements NpyBody.Sink, AutoCloseable {
        private final UsmNdArray target;
        private final DType source;
        private final DType want;
        private final Arena arena = Arena.ofConfined();
        private final MemorySegment staging;
        private long offset;

        private Filler(UsmNdArray target, DType source, DType want) {
            this.target = target;
            this.source = source;
            this.want = want;
            this.staging = arena.allocate(NpyBody.CHUNK, 8);
        }

        @Override
        public void accept(MemorySegment piece) {
            long n = piece.byteSize();
            if (target.dtype() == source) {
                MemorySegment.copy(piece, 0, staging, 0, n);
            } else {
                n /= 2;
                for (long i = 0; i < n / 4; i++) {
                    staging.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) piece.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, i * 8));
                }
            }
            target.memory().copyFromHostAsync(staging.asSlice(0, n), offset).await();
            offset += n;
        }

        /** The filled array, converted on its device when the options asked for another dtype. */
        UsmNdArray finish() {
            long expected = target.size() * target.dtype().itemSize();
            if (offset != expected) {
                throw new IllegalStateException("filled " + offset + " of " + expected + " bytes");
            }
            return want == target.dtype() ? target : target.astype(want).eval();
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    /**
     * Whether NumPy would save {@code x} in Fortran order: Fortran-contiguous and not
     * C-contiguous (a transposed matrix, an {@code order='F'} array).
     */
    static boolean savesAsFortran(UsmNdArray x) {
        if (x.isLazy() || x.ndim() < 2) return false;
        long[] s = x.shape();
        long[] st = x.strides();
        return Shapes.isFContiguous(s, st) && !Shapes.isCContiguous(s, st);
    }

    /**
     * Streams {@code x}'s elements to {@code sink} in C order, or in Fortran order when
     * {@code fortran}; a non-contiguous view is first copied on its device.
     */
    static void drain(UsmNdArray x, boolean fortran, NpyBody.Sink sink) throws IOException {
        UsmNdArray c = fortran ? x.T() : x;
        if (c.isLazy() || !c.view().isCContiguous()) c = c.copy().eval();
        c.sync();
        long bytes = c.size() * c.dtype().itemSize();
        long base = c.view().offset() * c.dtype().itemSize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment staging = arena.allocate(NpyBody.CHUNK, 8);
            for (long off = 0; off < bytes; off += NpyBody.CHUNK) {
                MemorySegment piece = staging.asSlice(0, Math.min(NpyBody.CHUNK, bytes - off));
                c.memory().copyToHost(piece, base + off);
                sink.accept(piece);
            }
        }
    }
}
