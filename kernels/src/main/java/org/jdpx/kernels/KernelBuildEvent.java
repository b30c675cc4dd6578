package org.jdpx.kernels;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a kernel made ready for an OpenCL device, from the disk cache or built from OpenCL C. */
@Name("jdpx.KernelBuild")
@Label("Kernel Build")
@Category({"jdpx", "Kernels"})
@Description("A kernel built for a device (from its OpenCL C source) or loaded from jdpx's disk cache; the duration is the build")
@StackTrace(false)
final class KernelBuildEvent extends jdk.jfr.Event {
    @Label("Kernel")
    String kernel;
    @Label("Device")
    String device;
    @Label("Cache Hit")
    @Description("True when the device binary came from the disk cache, false when it was built from source")
    boolean cacheHit;
    @Label("Source")
    @Description("The OpenCL C source of the kernel")
    String source;

    static Object started() {
        KernelBuildEvent e = new KernelBuildEvent();
        e.begin();
        return e;
    }

    static void ended(Object started, CompiledKernel k, org.jdpx.device.Device d, boolean hit) {
        KernelBuildEvent e = (KernelBuildEvent) started;
        e.end();
        if (e.shouldCommit()) {
            e.kernel = k.name();
            e.device = d.filterString();
            e.cacheHit = hit;
            e.source = k.openclSource();
            e.commit();
        }
    }
}
