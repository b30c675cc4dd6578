package org.jdpx.interop.npy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jdpx.tensor.View;

/**
 * Gathers the elements a view selects from a mapped {@code .npy} file's data into dense C-order
 * pieces in native byte order: unit-stride rows in bulk, other strides element by element.
 * Touches only the bytes it copies, so only their pages are read from the file.
 */
final class Gather {
    private final MemorySegment data;
    private final NpyHeader header;
    private final View view;
    private final int item;

    Gather(MemorySegment data, NpyHeader header, View view) {
        this.data = data;
        this.header = header;
        this.view = view;
        this.item = header.dtype().itemSize();
    }

    /** Hands every selected element, in C order of the view, to {@code sink}. */
    void run(DeviceArrays.Filler sink) {
        if (view.size() == 0) return;
        long[] shape = view.shape();
        long[] strides = view.strides();
        int r = shape.length;
        long len = r == 0 ? 1 : shape[r - 1];
        long step = r == 0 ? 1 : strides[r - 1];
        try (Arena arena = Arena.ofConfined()) {
            Buffer b = new Buffer(arena.allocate(NpyBody.CHUNK, 8), arena.allocate(NpyBody.CHUNK, 8), sink);
            long[] idx = new long[Math.max(0, r - 1)];
            long base = view.offset();
            while (true) {
                if (step == 1) {
                    b.copy(base * item, len * item);
                } else {
                    for (long k = 0; k < len; k++) b.copy((base + k * step) * item, item);
                }
                int a = r - 2;
                for (; a >= 0; a--) {
                    base += strides[a];
                    if (++idx[a] < shape[a]) break;
                    base -= idx[a] * strides[a];
                    idx[a] = 0;
                }
                if (a < 0) break;
            }
            b.flush();
        }
    }

    /** A staging buffer that passes itself on, in native byte order, each time it fills. */
    private final class Buffer {
        private final MemorySegment staging;
        private final MemorySegment scratch;
        private final DeviceArrays.Filler sink;
        private long pos;

        Buffer(MemorySegment staging, MemorySegment scratch, DeviceArrays.Filler sink) {
            this.staging = staging;
            this.scratch = scratch;
            this.sink = sink;
        }

        void copy(long from, long bytes) {
            long done = 0;
            while (done < bytes) {
                long take = Math.min(bytes - done, staging.byteSize() - pos);
                MemorySegment.copy(data, from + done, staging, pos, take);
                pos += take;
                done += take;
                if (pos == staging.byteSize()) flush();
            }
        }

        void flush() {
            if (pos == 0) return;
            sink.accept(NpyBody.toNative(staging.asSlice(0, pos), scratch.asSlice(0, pos), header.dtype(), header.byteOrder()));
            pos = 0;
        }
    }
}
