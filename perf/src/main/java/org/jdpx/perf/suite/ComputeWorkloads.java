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
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.perf.KernelWorkloadBench;
import org.jdpx.perf.PrangePiBench;
import org.jdpx.perf.suite.aparapi.AparapiJobs;
import org.jdpx.usm.UsmMemory;

/**
 * Compute-bound workloads: pi by midpoint sums in float64, as a kernel and as a prange loop (6 flops a step: add, two multiplies,
 * add, divide, accumulate; rated against the fp64 peak, though the divide bounds it) and a tiled
 * float32 matmul (2n^3 flops, rated against the fp32 peak).
 */
final class ComputeWorkloads {

    static final long PI_STEPS = 100_000_000L;
    static final int MATMUL_N = 1024;
    /** The longest one matmul run may take before the bench stops it and reports the row as not timed. */
    static final Duration MATMUL_CAP = Duration.ofSeconds(15);

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

    static Workload matmul() {
        return Workload.named("matmul_f32_1024").dtype("float32").size(MATMUL_N)
                .rate(Rate.flops(n -> 2.0 * n * n * n, false))
                .body(ComputeWorkloads::matmulOn)
                .javaLoops((n, all) -> matmulJava((int) n, all))
                .aparapi(AparapiJobs::matmul)
                .external("numpy", "cupy")
                .build();
    }

    /**
     * The tiled kernel on a queue of its own; on the java device each run waits at most
     * {@link #MATMUL_CAP}: it runs barrier kernels slowly where it gives every work-item a thread,
     * and a run over the cap is stopped (the java device stops a kernel between work-groups) and
     * reported as not timed instead of holding the whole bench. Only that private queue refuses
     * work afterwards. OpenCL devices cannot stop a kernel, so they are waited for.
     */
    private static Trial matmulOn(Device d, long size) {
        int n = (int) size;
        Queue queue = d.createQueue(false);
        UsmMemory a = UsmMemory.allocate(queue, UsmType.DEVICE, 4L * n * n);
        UsmMemory b = UsmMemory.allocate(queue, UsmType.DEVICE, 4L * n * n);
        UsmMemory c = UsmMemory.allocate(queue, UsmType.DEVICE, 4L * n * n);
        a.fill(0.5f);
        b.fill(0.25f);
        FloatArray av = FloatArray.on(a), bv = FloatArray.on(b), cv = FloatArray.on(c);
        NdRange range = NdRange.of(new long[] {n, n}, new long[] {KernelWorkloadBench.TILE, KernelWorkloadBench.TILE});
        // only the java device can stop a kernel; an OpenCL kernel past a cap would run on behind the next rows
        boolean stoppable = d.backend().equals("java");
        return Trial.timed(() -> {
            Event e = Kernels.launchAsync(KernelWorkloadBench::matmulTiled, range, List.of(), av, bv, cv, n);
            if (!stoppable) {
                e.await();
                return;
            }
            try {
                e.await(MATMUL_CAP);
            } catch (CommandTimeoutException over) {
                try {
                    e.spi().await(); // let the stopped kernel end before its memory is freed
                } catch (RuntimeException stopped) {
                    // the kernel's own report of being stopped early
                }
                throw new IllegalStateException("one run took over the " + MATMUL_CAP.toSeconds() + " s cap on "
                        + d.filterString() + "; stopped, not timed", over);
            }
        }, queue::close, a, b, c);
    }

    /** The plain i-k-j loop a user writes, rows split between threads. */
    private static Trial matmulJava(int n, boolean all) {
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.25f);
        JavaLoops.Chunk rows = (from, to) -> {
            for (int i = from; i < to; i++) {
                Arrays.fill(c, i * n, (i + 1) * n, 0f);
                for (int k = 0; k < n; k++) {
                    float aik = a[i * n + k];
                    for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
                }
            }
        };
        return Trial.timed(() -> {
            if (all) JavaLoops.parallel(n, rows); else rows.run(0, n);
        });
    }
}
