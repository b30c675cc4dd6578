package org.jdpx.device.opencl;

import org.jdpx.device.Event;
import org.jdpx.device.spi.EventDriver;

/**
 * A command the host carried out itself before returning, with no OpenCL command behind it: a
 * copy or fill of memory the host addresses directly ({@link OpenClQueue}'s direct path). It is
 * complete from the start; its times are the host's {@link System#nanoTime()} around the work.
 */
final class HostDoneEvent implements EventDriver {

    private final long started;
    private final long ended;

    HostDoneEvent(long started, long ended) {
        this.started = started;
        this.ended = ended;
    }

    @Override
    public void await() {
    }

    @Override
    public Event.Status status() {
        return Event.Status.COMPLETE;
    }

    @Override
    public long[] profilingNanos() {
        return new long[] {started, started, started, ended};
    }

    @Override
    public String toString() {
        return "HostDoneEvent[" + (ended - started) + " ns]";
    }
}
