package org.jdpx.device.spi;

import java.lang.foreign.MemorySegment;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.UsmType;

/**
 * One device as a backend drives it. Thread-safe: queues and allocations are created from any thread.
 */
public interface DeviceDriver {

    /** What the device reports about itself; the same object on every call. */
    DeviceInfo info();

    /**
     * Creates an in-order queue.
     *
     * @param profiling whether its events carry device timestamps
     */
    QueueDriver createQueue(boolean profiling);

    /**
     * Allocates raw memory of one USM kind, aligned to at least {@link NativeMemory#MIN_ALIGNMENT}
     * bytes. No pooling happens here; the usm module's pool sits in front.
     *
     * @param bytes size in bytes, zero allowed
     * @throws org.jdpx.device.DeviceOutOfMemoryException when the device cannot give the memory
     */
    NativeMemory allocate(UsmType kind, long bytes);

    /**
     * Host memory owned by someone else as a {@code host} block of this device, without copying,
     * or {@code null} when the device cannot address that memory in place (then the caller
     * copies). The block never frees the memory: {@link NativeMemory#free()} only drops the
     * device's handle, and the caller keeps the owner alive until then. The default declines.
     *
     * @param segment  native memory, not empty
     * @param readOnly whether device commands may only read it
     */
    default NativeMemory wrapHost(MemorySegment segment, boolean readOnly) {
        return null;
    }

    /**
     * How this backend provides each USM kind, for documentation and the device listing
     * (for example "shared: buffer with map/unmap around host access; the device has no SVM").
     */
    String memoryModel();

    /**
     * Memory the driver reports free right now, or -1 when it cannot tell; used in
     * out-of-memory messages.
     */
    default long availableMemoryBytes() {
        return -1;
    }

    /**
     * Builds a program for this device. Backends that run kernels override this; the default
     * refuses.
     *
     * @throws ProgramBuildException         when the device compiler rejects the program (with its log)
     * @throws UnsupportedOperationException when this backend cannot build this kind of source
     */
    default ProgramDriver buildProgram(ProgramSource source) {
        throw new UnsupportedOperationException("the backend of " + info().name() + " (" + info().platform()
                + ") does not build programs of kind " + source.getClass().getSimpleName());
    }

}
