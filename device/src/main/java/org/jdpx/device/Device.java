package org.jdpx.device;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdpx.device.spi.DeviceDriver;

/**
 * One device visible to jdpx, like {@code dpctl.SyclDevice}: its filter string, what it reports
 * about itself, and its queues. Obtain devices from {@link Devices}; two lookups of the same
 * device return the same object, so {@code ==} compares devices.
 */
public final class Device {

    private final DeviceDriver driver;
    private final String backend;
    private final int index;
    private final int selectionScore;
    private final AtomicInteger queueSerial = new AtomicInteger();
    private volatile Queue defaultQueue;

    Device(DeviceDriver driver, String backend, int index, int selectionScore) {
        this.driver = driver;
        this.backend = backend;
        this.index = index;
        this.selectionScore = selectionScore;
    }

    /** The backend's name: {@code opencl}, {@code level_zero} or {@code java}. */
    public String backend() {
        return backend;
    }

    /** GPU, CPU or accelerator. */
    public DeviceType type() {
        return driver.info().type();
    }

    /** Position among the visible devices of the same backend and type, counted from 0. */
    public int index() {
        return index;
    }

    /** The filter string that names exactly this device, e.g. {@code opencl:cpu:1}. */
    public String filterString() {
        return backend + ":" + type().filterName() + ":" + index;
    }

    /** Everything the backend reports about the device. */
    public DeviceInfo info() {
        return driver.info();
    }

    /** The device's name as its driver reports it. */
    public String name() {
        return driver.info().name();
    }

    /** True when the device has the capability, e.g. {@code hasAspect(Aspect.FP64)}. */
    public boolean hasAspect(Aspect aspect) {
        return driver.info().has(aspect);
    }

    /** The device's optional capabilities. */
    public Set<Aspect> aspects() {
        return driver.info().aspects();
    }

    /** The score the default-device choice gave this device (higher wins); SYCL's scheme. */
    public int selectionScore() {
        return selectionScore;
    }

    /**
     * The device's shared in-order queue, created on first use. Arrays made for this device
     * without an explicit queue all live on it, so they can be combined. It records device
     * timestamps when {@code JDPX_QUEUE_PROFILING=1} ({@link QueueProfiling}).
     *
     * @throws IllegalArgumentException when {@code JDPX_QUEUE_PROFILING} is not a switch
     */
    public Queue defaultQueue() {
        Queue q = defaultQueue;
        if (q == null) {
            synchronized (this) {
                q = defaultQueue;
                if (q == null) {
                    q = new Queue(this, driver.createQueue(QueueProfiling.forDefaultQueues()), true, 0);
                    defaultQueue = q;
                }
            }
        }
        return q;
    }

    /**
     * Creates a new in-order queue. Arrays made on it cannot be combined with arrays on other
     * queues of the same device without {@code toDevice}.
     *
     * @param profiling whether its events carry device timestamps
     */
    public Queue createQueue(boolean profiling) {
        return new Queue(this, driver.createQueue(profiling), false, queueSerial.incrementAndGet());
    }

    /** The backend's device, for modules that allocate memory or build programs. */
    public DeviceDriver spi() {
        return driver;
    }

    @Override
    public String toString() {
        return filterString() + " (" + name() + ")";
    }
}
