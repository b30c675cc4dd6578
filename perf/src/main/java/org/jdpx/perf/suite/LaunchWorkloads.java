package org.jdpx.perf.suite;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;

import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.perf.LaunchBench;
import org.jdpx.perf.suite.aparapi.AparapiJobs;
import org.jdpx.usm.UsmMemory;

/**
 * Launch overhead: an empty kernel over 64 work-items, launched and waited for, next to the same
 * kernel enqueued and finished with raw JOCL on PoCL ({@code rawOpenCL}) and Aparapi's empty kernel.
 */
final class LaunchWorkloads {

    private LaunchWorkloads() {
    }

    static Workload launchEmpty() {
        return Workload.named("launch_empty").size(64).repeat(200)
                .rate(Rate.perSecond("launch/s"))
                .body((d, n) -> {
                    UsmMemory m = UsmMemory.allocateDevice(d, 256);
                    IntArray view = IntArray.on(m);
                    Range range = Range.of(n);
                    Kernels.launch(LaunchBench::empty, range, view);
                    return Trial.timed(() -> Kernels.launch(LaunchBench::empty, range, view), m);
                })
                .peer("rawOpenCL", n -> {
                    LaunchBench.RawJocl raw = new LaunchBench.RawJocl();
                    raw.setUp();
                    long[] global = {n};
                    return Trial.timed(() -> {
                        clEnqueueNDRangeKernel(raw.queue, raw.kernel, 1, null, global, null, 0, null, null);
                        clFinish(raw.queue);
                    });
                })
                .aparapi(AparapiJobs::empty)
                .external("cupy")
                .build();
    }
}
