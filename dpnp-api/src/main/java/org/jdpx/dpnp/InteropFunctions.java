package org.jdpx.dpnp;

import java.lang.foreign.MemorySegment;
import org.jdpx.interop.dlpack.DlpackImport;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's exchange functions over {@link org.jdpx.interop}, inherited by {@link Dpnp}: call them
 * as {@code Dpnp.fromDlpack(...)}. A separate file only to keep {@code Dpnp} short.
 */
public abstract sealed class InteropFunctions extends InfoFunctions permits NumpyFileFunctions {

    InteropFunctions() {
    }

    /**
     * NumPy {@code np.from_dlpack(x)}: the array a {@code DLManagedTensorVersioned*} describes, on
     * the default device, sharing the producer's host memory where that device addresses it (the
     * java device, OpenCL CPU devices) and copied otherwise. The producer's deleter runs once the
     * array is no longer reachable; use {@link DlpackImport} to close it explicitly.
     *
     * @throws IllegalArgumentException for memory the host cannot address (naming its DLPack
     *         device type), a DLPack major version other than 1, or a dtype jdpx lacks
     */
    public static UsmNdArray fromDlpack(MemorySegment dlManagedTensorVersioned) {
        return fromDlpack(dlManagedTensorVersioned, ArrayOptions.defaults());
    }

    /**
     * NumPy {@code np.from_dlpack(x, device=...)}: as {@link #fromDlpack(MemorySegment)} on the
     * device or queue the options name (their dtype and USM kind are not used: the tensor's dtype
     * is kept and shared memory is {@code host} USM).
     */
    public static UsmNdArray fromDlpack(MemorySegment dlManagedTensorVersioned, ArrayOptions o) {
        return DlpackImport.fromVersioned(dlManagedTensorVersioned, o.resolveQueue()).array();
    }
}
