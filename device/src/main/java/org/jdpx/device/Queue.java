package org.jdpx.device;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.QueueDriver;

/**
 * An in-order command queue on one {@link Device}, like {@code dpctl.SyclQueue}. Arrays remember
 * the queue their memory was made with, and every operation on them is enqueued here; two arrays
 * on different queues do not mix (see {@link ExecutionPlacementError}).
 *
 * <p>Each device has one cached default queue ({@link Device#defaultQueue()}) so that arrays made
 * for the same device share it. {@link Device#createQueue(boolean)} makes a separate one.
 */
public final class Queue implements AutoCloseable {

    private final Device device;
    private final QueueDriver driver;
    private final boolean isDefault;
    private final int serial;
    private final AtomicBoolean closed = new AtomicBoolean();

    Queue(Device device, QueueDriver driver, boolean isDefault, int serial) {
        this.device = device;
        this.driver = driver;
        this.isDefault = isDefault;
        this.serial = serial;
    }

    /** The device this queue submits to. */
    public Device device() {
        return device;
    }

    /** Whether events of this queue carry device timestamps. */
    public boolean isProfiling() {
        return driver.profiling();
    }

    /** Whether this is the device's cached default queue. */
    public boolean isDefault() {
        return isDefault;
    }

    /**
     * Blocks until every command enqueued so far has completed.
     *
     * @throws IllegalStateException when the queue is closed
     */
    public void finish() {
        spi().finish();
    }

    /**
     * Enqueues a marker: an event that completes when everything enqueued before it and all of
     * {@code deps} have completed.
     */
    public Event marker(Event... deps) {
        return wrap(spi().marker(drivers(deps)));
    }

    /** Wraps a backend event of this queue. */
    public Event wrap(EventDriver event) {
        return new Event(this, event);
    }

    /**
     * The backend's queue, for modules that enqueue commands (usm, kernels).
     *
     * @throws IllegalStateException when the queue is closed
     */
    public QueueDriver spi() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed; create a new queue or use device.defaultQueue()");
        }
        return driver;
    }

    /** The backend events of {@code deps}, as the SPI takes them. */
    public static List<EventDriver> drivers(Event... deps) {
        List<EventDriver> out = new ArrayList<>(deps.length);
        for (Event e : deps) {
            out.add(e.spi());
        }
        return out;
    }

    /**
     * Waits for pending commands and releases the queue. Closing the default queue is refused
     * because every array of the device shares it; closing twice is harmless.
     */
    @Override
    public void close() {
        if (isDefault) {
            throw new IllegalStateException("the default queue of " + device.filterString()
                    + " is shared by every array on it and cannot be closed");
        }
        if (closed.compareAndSet(false, true)) {
            driver.release();
        }
    }

    @Override
    public String toString() {
        return (isDefault ? "default queue" : "queue #" + serial) + " of " + device.filterString()
                + (driver.profiling() ? " (profiling)" : "");
    }
}
