package org.jdpx.tensor;

import org.jdpx.device.Aspect;
import org.jdpx.device.Device;

/**
 * Device-dependent dtype rules: the default float is float64 where the device has the fp64
 * aspect and float32 where it does not (opencl:cpu:1 here, many GPUs), as dpnp does.
 */
public final class DTypes {

    private DTypes() {
    }

    /** float64, or float32 on a device without fp64. */
    public static DType defaultFloat(Device device) {
        return device.hasAspect(Aspect.FP64) ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** The default integer dtype (int64, as in NumPy on Linux and the Array API). */
    public static DType defaultInt() {
        return DType.INT64;
    }

    /**
     * {@code t} as the device can hold it: float64 becomes float32 and complex128 becomes
     * complex64 on a device without fp64 unless the caller asked for that dtype explicitly,
     * which is an error there.
     *
     * @throws IllegalArgumentException for an explicit float64 or complex128 on a device without fp64
     */
    public static DType forDevice(DType t, Device device, boolean explicit) {
        if ((t != DType.FLOAT64 && t != DType.COMPLEX128) || device.hasAspect(Aspect.FP64)) return t;
        DType narrow = t == DType.FLOAT64 ? DType.FLOAT32 : DType.COMPLEX64;
        if (explicit) {
            throw new IllegalArgumentException("device " + device.filterString() + " (" + device.name()
                    + ") does not support " + t + " (no fp64 aspect); use dtype " + narrow + " there, or a device with fp64");
        }
        return narrow;
    }

    /** complex128, or complex64 on a device without fp64: the dtype of a complex Java scalar there. */
    public static DType defaultComplex(Device device) {
        return defaultFloat(device).complexOf();
    }
}
