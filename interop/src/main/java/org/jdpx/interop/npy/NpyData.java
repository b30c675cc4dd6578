package org.jdpx.interop.npy;

import java.lang.foreign.MemorySegment;
import org.jdpx.tensor.DType;

/**
 * A {@code .npy} file read onto the host: its header and its elements in C order and this
 * machine's byte order, whatever order and byte order the file used.
 *
 * @param header the file's header
 * @param data   {@code header.size()} elements in C order, native byte order
 */
public record NpyData(NpyHeader header, MemorySegment data) {

    /** The element type. */
    public DType dtype() {
        return header.dtype();
    }

    /** The extents. */
    public long[] shape() {
        return header.shape();
    }
}
