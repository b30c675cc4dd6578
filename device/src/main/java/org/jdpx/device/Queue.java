package org.jdpx.device;

import java.time.Duration;
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
    private volatile String refusal;

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
        return new Event(this, event, "a command", null);
    }

    /**
     * Wraps a backend event of this queue with what it is, for messages, and the time
     * {@link Event#await()} waits at most ({@code null}: no limit).
     */
    public Event wrap(EventDriver event, String command, Duration awaitTimeout) {
        return new Event(this, event, command, awaitTimeout);
    }

    /**
     * The backend's queue, for modules that enqueue commands (usm, kernels).
     *
     * @throws IllegalStateException when the queue is closed, or refuses work because a command
     *         on it timed out
     */
    public QueueDriver spi() {
        String refused = refusal;
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed; create a new queue or use device.defaultQueue()");
        }
        return driver;
    }

    /** Whether a command on this queue timed out, after which the queue refuses work. */
    public boolean isRefusingWork() {
        return refusal != null;
    }

    /**
     * Makes the queue refuse further work after {@code command} did not finish within
     * {@code timeout}; the first timeout's message is kept.
     *
     * @return the message, for the timeout exception
     */
    String refuseAfterTimeout(String command, Duration timeout) {
        String msg = command + " did not finish within " + Durations.format(timeout) + " on " + this
                + "; the device may still be running it. This queue refuses further work (an in-order queue "
                + "would run it only after that command): use a new queue (device.createQueue(false), and "
                + "Kernels.launchOn or UsmMemory.allocate for it), or restart the process if the device stays busy";
        synchronized (this) {
            if (refusal == null) {
                refusal = "cannot use " + this + ": " + msg;
            }
        }
        return msg;
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
            if (refusal != null) {
                // Releasing waits for the queue's commands, which may never end.
                System.getLogger("org.jdpx.device").log(System.Logger.Level.WARNING, this
                        + " closed without releasing its driver queue, because a command on it timed out");
                return;
            }
            driver.release();
        }
    }

    @Override
    public String toString() {
        return (isDefault ? "default queue" : "queue #" + serial) + " of " + device.filterString()
                + (driver.profiling() ? " (profiling)" : "");
    }
}
