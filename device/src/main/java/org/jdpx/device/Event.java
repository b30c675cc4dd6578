package org.jdpx.device;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdpx.device.spi.EventDriver;

/**
 * The record of one command enqueued on a {@link Queue}: wait for it, ask where it is, read its
 * device-clock timestamps, or pass it as a dependency to a later command of the same context.
 * Like {@code dpctl.SyclEvent}.
 */
public final class Event {

    /** Where a command is in its life, in OpenCL's order. */
    public enum Status { QUEUED, SUBMITTED, RUNNING, COMPLETE, ERROR }

    /**
     * Device-clock timestamps of a finished command, in nanoseconds.
     *
     * @param queued    when the host enqueued it
     * @param submitted when it was handed to the device
     * @param started   when the device started it
     * @param ended     when the device finished it
     */
    public record Profiling(long queued, long submitted, long started, long ended) {
        /** Time the device spent on the command: {@code ended - started}. */
        public long durationNanos() {
            return ended - started;
        }
    }

    private final Queue queue;
    private final EventDriver driver;
    private final String command;
    private final Duration defaultTimeout;
    /** Actions given to {@link #whenComplete}; null until the first, so plain events pay nothing. */
    private volatile List<Completion> completions;

    Event(Queue queue, EventDriver driver, String command, Duration defaultTimeout) {
        this.queue = queue;
        this.driver = Objects.requireNonNull(driver);
        this.command = command;
        this.defaultTimeout = defaultTimeout;
    }

    /** Wraps a backend event; for modules that enqueue commands through the SPI. */
    public static Event of(Queue queue, EventDriver driver) {
        return new Event(queue, driver, "a command", null);
    }

    /** The queue the command was enqueued on. */
    public Queue queue() {
        return queue;
    }

    /**
     * Blocks until the command completed; for a kernel launched with a default timeout
     * ({@code jdpx.launchTimeout}), at most that long, as {@link #await(Duration)}.
     *
     * @return this event, for chaining
     * @throws CommandTimeoutException when the event's default timeout passed first
     * @throws RuntimeException the command's own failure, if it failed
     */
    public Event await() {
        if (defaultTimeout != null) {
            return await(defaultTimeout);
        }
        try {
            driver.await();
        } finally {
            runCompletions();
        }
        return this;
    }

    /**
     * Blocks until the command completed or {@code timeout} passed, like
     * {@link java.util.concurrent.Future#get(long, java.util.concurrent.TimeUnit)}. On a timeout
     * the command is asked to stop (the java device stops a kernel between chunks of work-items;
     * OpenCL devices cannot stop one and keep running it) and its queue refuses further work, since
     * everything enqueued after it would wait for it.
     *
     * @return this event, for chaining
     * @throws CommandTimeoutException when the command did not complete in time, naming it, the
     *         queue and what to do
     * @throws IllegalArgumentException when {@code timeout} is negative
     * @throws RuntimeException the command's own failure, if it failed
     */
    public Event await(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a timeout cannot be negative, got " + timeout);
        }
        boolean done;
        try {
            done = driver.await(timeout);
        } finally {
            runCompletions();
        }
        if (!done) {
            driver.cancel();
            throw new CommandTimeoutException(queue.refuseAfterTimeout(command, timeout), timeout);
        }
        return this;
    }

    /**
     * Runs {@code action} once, when the command completed (successfully or not): at once on the
     * calling thread when it already has, otherwise on a thread of the backend (an OpenCL
     * completion callback hands it to a jdpx thread, the java device runs it where the command
     * finished, Level Zero on a waiting thread) or in {@link #await()}, whichever sees the
     * completion first. After {@code await()} returned, the action has run. Keep it short: it may
     * delay other completion actions. An exception it throws is logged (level WARNING) and never
     * reaches the caller or the driver's thread.
     *
     * @return this event, for chaining
     * @throws NullPointerException when {@code action} is null
     */
    public Event whenComplete(Runnable action) {
        Completion c = new Completion(Objects.requireNonNull(action, "whenComplete needs an action"), command);
        synchronized (this) {
            if (completions == null) {
                completions = new CopyOnWriteArrayList<>();
            }
            completions.add(c);
        }
        driver.onComplete(c);
        return this;
    }

    /** Runs the completion actions not yet run, once the command is done; called after every wait. */
    private void runCompletions() {
        List<Completion> cs = completions;
        if (cs != null && isDone()) {
            for (Completion c : cs) {
                c.run();
            }
        }
    }

    /** What the command is, for messages (e.g. {@code kernel 'saxpy'}). */
    public String command() {
        return command;
    }

    /** Where the command is now; never blocks. */
    public Status status() {
        return driver.status();
    }

    /** True once the command completed (successfully or not). */
    public boolean isDone() {
        Status s = status();
        return s == Status.COMPLETE || s == Status.ERROR;
    }

    /**
     * The command's device-clock timestamps; waits for it to complete first.
     *
     * @throws IllegalStateException when the queue was created without profiling
     */
    public Profiling profiling() {
        if (!queue.isProfiling()) {
            throw new IllegalStateException("profiling times need a queue created with profiling: "
                    + "use device.createQueue(true) instead of " + queue);
        }
        await();
        long[] t = driver.profilingNanos();
        return new Profiling(t[0], t[1], t[2], t[3]);
    }

    /** The backend's event, for modules that enqueue through the SPI. */
    public EventDriver spi() {
        return driver;
    }

    @Override
    public String toString() {
        return "Event[" + command + ", " + status() + " on " + queue + "]";
    }

    /**
     * One completion action: runs at most once, whoever calls it first; a second caller waits
     * until it finished (so {@code await()} returns after it, even when a backend thread runs it).
     * Its failure is logged.
     */
    private static final class Completion implements Runnable {
        private static final System.Logger LOG = System.getLogger(Event.class.getName());
        private boolean ran;
        private final Runnable action;
        private final String command;

        Completion(Runnable action, String command) {
            this.action = action;
            this.command = command;
        }

        @Override
        public synchronized void run() {
            if (ran) {
                return;
            }
            ran = true;
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "the completion action of " + command + " failed; "
                        + "the command itself is unaffected", e);
            }
        }
    }
}
