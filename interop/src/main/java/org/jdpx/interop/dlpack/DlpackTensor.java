package org.jdpx.interop.dlpack;

import org.jdpx.interop.Borrowed;
import org.jdpx.tensor.UsmNdArray;

/**
 * A DLPack tensor imported into jdpx: the array, whether it shares the producer's memory, and the
 * duty to call the producer's deleter. {@link #close()} (or, as a safety net, the garbage
 * collector once neither this object nor the array is reachable) makes the array refuse further
 * use and calls the deleter, exactly once. A copy calls the deleter right at import, since the
 * producer's memory is no longer needed.
 */
public final class DlpackTensor implements AutoCloseable {

    private final Borrowed borrowed;
    private final boolean readOnly;
    private final DlDeviceType deviceType;

    DlpackTensor(Borrowed borrowed, boolean readOnly, DlDeviceType deviceType) {
        this.borrowed = borrowed;
        this.readOnly = readOnly;
        this.deviceType = deviceType;
    }

    /** The jdpx array; it refuses use once this tensor is closed when it shares the producer's memory. */
    public UsmNdArray array() {
        return borrowed.array();
    }

    /** Whether the array is the producer's memory itself rather than a copy. */
    public boolean zeroCopy() {
        return borrowed.zeroCopy();
    }

    /**
     * Whether the producer lent the memory read-only ({@code DLPACK_FLAG_BITMASK_READ_ONLY}); writes
     * into a shared array then throw (a copy is the caller's own and writable).
     */
    public boolean readOnly() {
        return readOnly;
    }

    /** Where the producer said the memory is. */
    public DlDeviceType deviceType() {
        return deviceType;
    }

    /** Releases the array's hold on the memory and calls the producer's deleter; later calls do nothing. */
    @Override
    public void close() {
        borrowed.close();
    }
}
