package org.jdpx.perf.suite;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.CommandTimeoutException;
import org.jdpx.device.Event;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.Device;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.perf.PrangePiBench;
import org.jdpx.perf.suite.aparapi.AparapiJobs;
import org.jdpx.usm.UsmMemory;

/**
 * Compute-bound workloads: pi by midpoint sums in float64, as a kernel and as a prange loop (6 flops a step: add, two multiplies,
 * add, divide, accumulate; rated against the fp64 peak, though the divide bounds it). Matrix
 * products are in {@link LinalgWorkloads}.
 */
final class ComputeWorkloads {

    static final long PI_STEPS = 100_000_000L;

    private ComputeWorkloads() {
    }

    static Workload piKernel() {
        return Workload.named("pi_kernel_1e8").dtype("float64").size(PI_STEPS)
                .rate(Rate.flops(n -> 6.0 * n, true))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body(ComputeWorkloads::piOn)
                .javaLoops(ComputeWorkloads::piJava)
                .aparapi(AparapiJobs::pi)
                .external("numpy", "cOpenMP")
                .build();
    }

    static Workload piPrange() {
        return Workload.named("pi_prange_1e8").style("prange").dtype("float64").size(PI_STEPS)
                .rate(Rate.flops(n -> 6.0 * n, true))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body((d, n) -> {
                    Prange.F1<Integer, Double> pi = Prange.compile(PrangePiBench::pi, d);
                    return Trial.timed(() -> checkPi(pi.apply((int) n)));
                })
                .javaLoops(ComputeWorkloads::piJava)
                .aparapi(AparapiJobs::pi)
                .external("numpy", "cOpenMP")
                .build();
    }

    private static Trial piOn(Device d, long n) {
        UsmMemory p = UsmMemory.allocateDevice(d, 8L * BenchKernels.PARTIALS);
        DoubleArray pv = DoubleArray.on(p);
        double[] host = new double[BenchKernels.PARTIALS];
        double h = 1.0 / n;
        return Trial.timed(() -> {
            Kernels.launch(BenchKernels::piPartials, Range.of(BenchKernels.PARTIALS), pv, (int) n, h);
            p.copyToHost(host);
            checkPi(Arrays.stream(host).sum() * h);
        }, p);
    }

    private static void checkPi(double pi) {
        if (Math.abs(pi - Math.PI) > 1e-6) throw new IllegalStateException("pi came out " + pi);
    }

    private static Trial piJava(long n, boolean all) {
        double h = 1.0 / n;
        JavaLoops.ReducingChunk loop = (from, to) -> {
            double s = 0;
            for (long i = from; i < to; i++) {
                double x = (i + 0.5) * h;
                s += 4.0 / (1.0 + x * x);
            }
            return s;
        };
        return Trial.timed(() -> checkPi((all ? JavaLoops.parallelSum(n, loop) : loop.run(0, n)) * h));
    }
}
