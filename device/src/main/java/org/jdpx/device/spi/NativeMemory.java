package org.jdpx.device.spi;

import java.lang.foreign.MemorySegment;
import org.jdpx.device.UsmType;

/**
 * A raw block of device memory as a backend hands it out. Not safe against use after
 * {@link #free()}: the usm module wraps every block in a handle that checks its lifetime first.
 */
public interface NativeMemory {

    /** Every allocation is aligned to at least this many bytes (a cache line, and AVX-512 width). */
    long MIN_ALIGNMENT = 64;

    /** The kind this block was allocated as. */
    UsmType kind();

    /** Size in bytes, as requested. */
    long byteSize();

    /**
     * The host's view of a {@code host} or {@code shared} block, valid until the next device
     * command on the block or until it is freed. Backends that emulate shared memory map the
     * block here and unmap it before the next command that touches it.
     *
     * @throws UnsupportedOperationException for {@code device} blocks
     */
    MemorySegment hostView();

    /**
     * The segment kernels on the java device read and write, or {@code null} on backends whose
     * memory the JVM cannot address.
     */
    default MemorySegment jvmSegment() {
        return null;
    }

    /**
     * The backend's own handle of the block, for native interop such as DLPack: an OpenCL
     * {@code cl_mem}, a Level Zero USM pointer; 0 where the backend has none (the java device,
     * whose memory is host memory).
     */
    default long deviceHandle() {
        return 0;
    }

    /** Returns the memory to the backend. Called once, after every command on it has finished. */
    void free();
}
