package org.jdpx.device;

import java.time.Duration;

/**
 * A command (usually a kernel) did not finish within the time its caller allowed, from
 * {@link Event#await(Duration)} or a kernel launch with a timeout. Unchecked, unlike
 * {@link java.util.concurrent.TimeoutException}, so that synchronous launches need no
 * {@code try}; catch it where a runaway kernel can be survived.
 *
 * <p>After it, the command's queue refuses further work (its device may still be running the
 * command, and an in-order queue would run everything after it only once it ends): use a new
 * queue, or restart the process if the device stays busy. On the java device the kernel is
 * asked to stop, and its threads stop between chunks of work-items.
 */
public final class CommandTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Duration timeout;

    /** A timeout of {@code timeout}, with a message that names the command, the queue and what to do. */
    public CommandTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** How long the caller waited. */
    public Duration timeout() {
        return timeout;
    }
}
