package org.jdpx.kernels;

import java.util.Arrays;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import org.jdpx.device.Event;
import org.jdpx.device.spi.LaunchRange;

/**
 * JFR event: one kernel launch, queued to end. It begins when the launch call starts (argument
 * checks, marshalling, enqueue) and ends when the device reported the kernel complete, through
 * {@link Event#whenComplete}; it is committed then, on the thread that saw the completion. On a
 * queue that profiles, it also carries the device's own execution and queued times (the returned
 * Event's {@code profiling()}), so a recording gives each kernel's device time, as Nsight Systems
 * would; {@code org.jdpx.perf.KernelTimes} sums a recording per kernel.
 */
@Name("jdpx.KernelLaunch")
@Label("Kernel Launch")
@Category({"jdpx", "Kernels"})
@Description("A kernel launch, queued to end: the duration runs from the launch call (jdpx checks the "
        + "arguments and enqueues the kernel) until the device reported the kernel complete, so it covers "
        + "the launch call, the wait behind earlier commands and the kernel's execution")
final class KernelLaunchEvent extends jdk.jfr.Event {
    /** Only asked whether the event type is enabled; never committed. */
    private static final KernelLaunchEvent PROBE = new KernelLaunchEvent();

    @Label("Kernel")
    String kernel;
    @Label("Device")
    String device;
    @Label("Global Range")
    String global;
    @Label("Local Range")
    @Description("The work-group size, or \"auto\" when the device chooses")
    String local;
    @Label("Launch Call")
    @Description("The part of the duration spent in the launch call, before the kernel was on the queue")
    @Timespan
    long launchCall;
    @Label("Device Time")
    @Description("The kernel's execution on the device (its profiling start to end); N/A unless the queue "
            + "profiles (Device.createQueue(true), or JDPX_QUEUE_PROFILING=1 for default queues)")
    @Timespan
    long deviceTime = Long.MIN_VALUE;
    @Label("Queued Time")
    @Description("From the kernel's enqueue to its start on the device (waiting behind earlier commands and "
            + "for the device); N/A unless the queue profiles")
    @Timespan
    long queuedTime = Long.MIN_VALUE;

    /** A begun event, or null (nothing allocated) when no recording enables this event. */
    static Object started() {
        if (!PROBE.isEnabled()) return null;
        KernelLaunchEvent e = new KernelLaunchEvent();
        e.launchCall = System.nanoTime(); // the call's start until launched() turns it into a span
        e.begin();
        return e;
    }

    /** Fills in the launch and commits the event once {@code enqueued} completed. */
    static void launched(Object started, CompiledKernel k, WorkRange range, org.jdpx.device.Device d, Event enqueued) {
        KernelLaunchEvent e = (KernelLaunchEvent) started;
        e.launchCall = System.nanoTime() - e.launchCall;
        LaunchRange lr = range.launchRange();
        e.kernel = k.name();
        e.device = d.filterString();
        e.global = Arrays.toString(lr.global());
        e.local = lr.local() == null ? "auto" : Arrays.toString(lr.local());
        enqueued.whenComplete(() -> {
            e.end();
            if (!e.shouldCommit()) return;
            if (enqueued.queue().isProfiling() && enqueued.status() == Event.Status.COMPLETE) {
                try {
                    Event.Profiling p = enqueued.profiling();
                    e.deviceTime = p.durationNanos();
                    e.queuedTime = p.started() - p.queued();
                } catch (RuntimeException noTimes) {
                    // a driver without the timestamps: the fields stay N/A
                }
            }
            e.commit();
        });
    }
}
