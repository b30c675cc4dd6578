package org.jdpx.perf.suite;

import java.util.concurrent.TimeUnit;
import org.jdpx.perf.BenchDevices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH over the report's workloads: {@code impl=jdpx} runs a workload's body on {@code device},
 * any other {@code impl} runs that in-process baseline ({@code java1}, {@code javaAll},
 * {@code aparapiJtp}, {@code aparapiOpenCL}, {@code rawOpenCL}, {@code memcpy}). Sizes are the
 * full run's largest. The default list below is the report's workloads when it was written; any
 * registered workload runs with {@code -p workload=NAME}. For example
 * {@code ./jdpx jmh SuiteBench -p workload=triad -p impl=jdpx,java1,aparapiOpenCL}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Xmx6g"})
public class SuiteBench {

    @Param({"copy_h2d", "copy_d2h", "copy_d2d", "alloc_pool_hit", "launch_empty", "fused_a_plus_b_5c", "triad", "sum",
            "softmax", "pi_kernel_1e8", "pi_prange_1e8", "matmul_f32_1024", "matmul_f64_1024", "matmul_f32_4096", "gemv_f32", "dot_f32", "dot_f64",
            "solve_f64_1024",
            "sample_pi_array", "sample_pi_prange", "sample_pi_kernel",
            "sample_l2_distance_array", "sample_l2_distance_prange", "sample_l2_distance_kernel",
            "sample_logistic_regression_array", "sample_softmax_array",
            "sample_jacobi_stencil_array", "sample_jacobi_stencil_kernel", "sample_jacobi_stencil_stencil",
            "sample_black_scholes_array", "sample_black_scholes_kernel", "sample_mandelbrot_kernel",
            "sample_matmul_array", "sample_matmul_kernel", "sample_gemv_array", "sample_gemv_kernel"})
    public String workload;

    @Param({"opencl:cpu:0", "java:cpu:0"})
    public String device;

    @Param({"jdpx"})
    public String impl;

    private Trial trial;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Workload w = Workloads.named(workload);
        java.util.List<Long> sizes = w.sizes(false);
        long size = sizes.getLast();
        if (impl.equals("jdpx")) {
            var d = BenchDevices.require(device);
            String skip = w.skipReason(d);
            if (skip != null) throw new IllegalStateException(workload + " does not run on " + device + ": " + skip);
            trial = w.body().open(d, size);
        } else {
            Peer p = w.peers().stream().filter(x -> x.name().equals(impl)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(workload + " has no in-process baseline " + impl + "; it has "
                            + w.peers().stream().map(Peer::name).toList()));
            trial = p.body().open(size);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        trial.close();
    }

    @Benchmark
    public double run() throws Exception {
        return trial.run();
    }
}
