package org.jdpx.kernels;

import java.util.Arrays;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jdpx.device.spi.LaunchRange;

/**
 * JFR event: a kernel put on a queue. Its duration is the launch call (checks, argument marshalling,
 * enqueue); the device's own queued, start and end times are in the returned Event's {@code profiling()}.
 */
@Name("jdpx.KernelLaunch")
@Label("Kernel Launch")
@Category({"jdpx", "Kernels"})
@Description("A kernel enqueued on a device; the duration covers the launch call, not the device's execution")
final class KernelLaunchEvent extends jdk.jfr.Event {
    @Label("Kernel")
    String kernel;
    @Label("Device")
    String device;
    @Label("Global Range")
    String global;
    @Label("Local Range")
    @Description("The work-group size, or \"auto\" when the device chooses")
    String local;

    static Object started() {
        KernelLaunchEvent e = new KernelLaunchEvent();
        e.begin();
        return e;
    }

    static void ended(Object started, CompiledKernel k, WorkRange range, org.jdpx.device.Device d) {
        KernelLaunchEvent e = (KernelLaunchEvent) started;
        e.end();
        if (e.shouldCommit()) {
            LaunchRange lr = range.launchRange();
            e.kernel = k.name();
            e.device = d.filterString();
            e.global = Arrays.toString(lr.global());
            e.local = lr.local() == null ? "auto" : Arrays.toString(lr.local());
            e.commit();
        }
    }
}
