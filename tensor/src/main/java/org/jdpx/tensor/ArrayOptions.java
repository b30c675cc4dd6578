package org.jdpx.tensor;

import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;

/**
 * Where and how a new array is made: dpnp's {@code device=}, {@code sycl_queue=},
 * {@code usm_type=}, {@code dtype=} and {@code order=} keywords as an immutable value.
 * Start from {@link #defaults()} or one of the static factories and chain withers:
 * {@code ArrayOptions.device("opencl:cpu:0").dtype(DType.FLOAT32)}.
 *
 * @param device  a filter string or {@link Device}/{@link Queue}; null: the default device
 * @param usmType the USM kind of the allocation (dpnp's default is device)
 * @param dtype   null: the function's default (float64, or float32 where the device lacks fp64)
 * @param order   'C' or 'F'
 */
public record ArrayOptions(Object device, UsmType usmType, DType dtype, char order) {

    /** Checks the fields. */
    public ArrayOptions {
        if (device != null && !(device instanceof String || device instanceof Device || device instanceof Queue)) {
            throw new IllegalArgumentException("device must be a filter string, a Device or a Queue, not "
                    + device.getClass().getName());
        }
        if (usmType == null) usmType = UsmType.DEVICE;
        if (order != 'C' && order != 'F') {
            throw new IllegalArgumentException("order must be 'C' or 'F', not '" + order + "'");
        }
    }

    /** The default device and queue, device USM, the function's default dtype, C order. */
    public static ArrayOptions defaults() { return new ArrayOptions(null, UsmType.DEVICE, null, 'C'); }

    /** Defaults on the device a filter string selects (e.g. {@code "gpu:0"}, {@code "opencl:cpu:1"}). */
    public static ArrayOptions on(String filter) { return defaults().device(filter); }

    /** Defaults on {@code device}'s default queue. */
    public static ArrayOptions on(Device device) { return defaults().device(device); }

    /** Defaults on {@code queue}. */
    public static ArrayOptions on(Queue queue) { return defaults().queue(queue); }

    /** Defaults with dtype {@code dtype}. */
    public static ArrayOptions of(DType dtype) { return defaults().dtype(dtype); }

    /** The same options on the device a filter string selects. */
    public ArrayOptions device(String filter) { return new ArrayOptions(filter, usmType, dtype, order); }

    /** The same options on {@code device}. */
    public ArrayOptions device(Device device) { return new ArrayOptions(device, usmType, dtype, order); }

    /** The same options on {@code queue} (dpnp's {@code sycl_queue=}). */
    public ArrayOptions queue(Queue queue) { return new ArrayOptions(queue, usmType, dtype, order); }

    /** The same options with USM kind {@code usmType}. */
    public ArrayOptions usmType(UsmType usmType) { return new ArrayOptions(device, usmType, dtype, order); }

    /** The same options with dtype {@code dtype}. */
    public ArrayOptions dtype(DType dtype) { return new ArrayOptions(device, usmType, dtype, order); }

    /** The same options with memory order 'C' or 'F'. */
    public ArrayOptions order(char order) { return new ArrayOptions(device, usmType, dtype, order); }

    /**
     * The queue new arrays go to.
     *
     * @throws org.jdpx.device.NoSuchDeviceException in strict mode when the filter matches nothing
     */
    public Queue resolveQueue() {
        return switch (device) {
            case null -> Devices.defaultDevice().defaultQueue();
            case Queue q -> q;
            case Device d -> d.defaultQueue();
            case String s -> Devices.get(s).defaultQueue();
            default -> throw new IllegalStateException();
        };
    }

    /**
     * The dtype to create on {@code queue}'s device when the caller's data suggests
     * {@code natural}: the explicit dtype if given, else {@code natural} with float64 mapped to
     * float32 on a device without fp64 (dpnp's rule).
     *
     * @throws IllegalArgumentException when float64 is requested explicitly on a device without fp64
     */
    public DType resolveDtype(Queue queue, DType natural) {
        return DTypes.forDevice(dtype != null ? dtype : natural, queue.device(), dtype != null);
    }
}
