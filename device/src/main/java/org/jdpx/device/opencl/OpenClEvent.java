package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jdpx.device.Event;
import org.jdpx.device.spi.EventDriver;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * One enqueued OpenCL command. The {@code cl_event} is released by a {@link Cleaner} when this
 * object becomes unreachable, so callers never release events and a long run of commands does not
 * leak driver memory.
 */
final class OpenClEvent implements EventDriver {

    private static final Cleaner CLEANER = Cleaner.create();
    /** Threads that wait for events on behalf of callers with a timeout. */
    private static final ExecutorService WAITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdpx-opencl-wait");
        t.setDaemon(true);
        return t;
    });
    /** Events created and not yet released; tests use it to check that nothing leaks. */
    static final AtomicLong LIVE = new AtomicLong();

    final OpenClDevice device;
    /** The queue the command went to, flushed before another queue waits on it. */
    final OpenClQueue queue;
    final cl_event event;
    private final String command;
    private final cl_event[] self;
    private CompletableFuture<Void> waiter;

    /**
     * Takes ownership of a {@code cl_event} a successful enqueue filled in.
     *
     * @param command what the command was, for error messages (e.g. {@code kernel 'vadd'})
     */
    OpenClEvent(OpenClQueue queue, cl_event event, String command) {
        this.queue = queue;
        this.device = queue.device;
        this.event = event;
        this.command = command;
        this.self = new cl_event[] {event};
        LIVE.incrementAndGet();
        CLEANER.register(this, new Release(event));
    }

    /** The cleaning action; holds only the native handle, never the event object. */
    private record Release(cl_event event) implements Runnable {
        @Override
        public void run() {
            clReleaseEvent(event);
            LIVE.decrementAndGet();
        }
    }

    @Override
    public void await() {
        // Submit first: PoCL, waiting on a command it has not been asked to submit, submits it through
        // a slow path (an empty launch and wait took twice as long as with this flush).
        queue.flushIfDirty();
        int st;
        try {
            st = clWaitForEvents(1, self); // called directly: a lambda through Cl.status would allocate at every wait
        } catch (org.jocl.CLException e) {
            st = e.getStatus();
        }
        if (st == CL_SUCCESS) {
            return;
        }
        int exec = executionStatus();
        if (exec < 0) {
            throw new OpenClException("command " + command, exec, "on " + device.label());
        }
        if (st != CL_SUCCESS) {
            throw new OpenClException("clWaitForEvents", st, command + " on " + device.label());
        }
    }

    /**
     * Waits on a helper thread, because drivers block the caller in ways a poll cannot avoid
     * (Mesa rusticl holds an event's lock while its kernel runs, so even
     * {@code clGetEventInfo} waits for the kernel). On a timeout the helper keeps waiting until
     * the command ends.
     */
    @Override
    public boolean await(Duration timeout) {
        CompletableFuture<Void> done;
        synchronized (this) {
            if (waiter == null) {
                waiter = CompletableFuture.runAsync(this::await, WAITERS);
            }
            done = waiter;
        }
        return EventDriver.awaitFuture(done, timeout, command + " on " + device.label());
    }

    /**
     * Registers a {@code clSetEventCallback} for {@code CL_COMPLETE} (also called for a failed
     * command). The driver's callback thread only hands {@code action} to a jdpx thread, since
     * OpenCL forbids blocking calls in callbacks. The queue is flushed so that the command reaches
     * the device without a later wait.
     */
    @Override
    public void onComplete(Runnable action) {
        queue.flushIfDirty();
        int st = Cl.status(() -> clSetEventCallback(event, CL_COMPLETE, (ev, status, data) -> {
            try {
                WAITERS.execute(action);
            } catch (RuntimeException e) {
                action.run(); // the pool refused (JVM shutting down): run it here rather than lose it
            }
        }, null));
        if (st != CL_SUCCESS) {
            EventDriver.super.onComplete(action);
        }
    }

    @Override
    public Event.Status status() {
        // Polling does not submit anything: without a flush, an idle queue's command could stay QUEUED.
        queue.flushIfDirty();
        int s = executionStatus();
        if (s < 0) {
            return Event.Status.ERROR;
        }
        return switch (s) {
            case CL_COMPLETE -> Event.Status.COMPLETE;
            case CL_RUNNING -> Event.Status.RUNNING;
            case CL_SUBMITTED -> Event.Status.SUBMITTED;
            default -> Event.Status.QUEUED;
        };
    }

    @Override
    public boolean peekComplete() {
        int s = executionStatus();
        return s < 0 || s == CL_COMPLETE;
    }

    private int executionStatus() {
        int[] v = new int[1];
        Cl.check(clGetEventInfo(event, CL_EVENT_COMMAND_EXECUTION_STATUS, Sizeof.cl_int, Pointer.to(v), null),
                "clGetEventInfo", command);
        return v[0];
    }

    @Override
    public long[] profilingNanos() {
        long[] t = new long[4];
        int[] params = {CL_PROFILING_COMMAND_QUEUED, CL_PROFILING_COMMAND_SUBMIT, CL_PROFILING_COMMAND_START,
                        CL_PROFILING_COMMAND_END};
        long[] v = new long[1];
        for (int i = 0; i < 4; i++) {
            Cl.check(clGetEventProfilingInfo(event, params[i], Sizeof.cl_ulong, Pointer.to(v), null),
                    "clGetEventProfilingInfo", command + " (was the queue created with profiling?)");
            t[i] = v[0];
        }
        return t;
    }

    @Override
    public String toString() {
        return "OpenClEvent[" + command + " on " + device.label() + "]";
    }
}
