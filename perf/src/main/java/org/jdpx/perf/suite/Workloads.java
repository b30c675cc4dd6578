package org.jdpx.perf.suite;

import java.util.List;

/**
 * Every workload of the performance report, in report order. To add one, write a method that
 * returns a {@link Workload} (name, sizes, dtype, the measured body, its baselines and the
 * bytes or flops of one run) in a class of its own and add one line calling it to this list;
 * {@code ./jdpx bench} picks it up (and add its name to {@code SuiteBench}'s list for JMH).
 */
public final class Workloads {

    private Workloads() {
    }

    /** All workloads. */
    public static List<Workload> all() {
        return java.util.stream.Stream.of(List.of(
                MemoryWorkloads.copyH2d(),
                MemoryWorkloads.copyD2h(),
                MemoryWorkloads.copyD2d(),
                MemoryWorkloads.allocPoolHit(),
                LaunchWorkloads.launchEmpty(),
                CompileWorkloads.first(),
                CompileWorkloads.cached(),
                StreamWorkloads.fused(),
                StreamWorkloads.triad(),
                StreamWorkloads.sum(),
                StreamWorkloads.softmax(),
                ComputeWorkloads.piKernel(),
                ComputeWorkloads.piPrange(),
                SolveWorkloads.solve()), LinalgWorkloads.all(),
                SampleWorkloads.all(), DistributedWorkloads.all()).flatMap(List::stream).toList();
    }

    /** The workload called {@code name}. */
    public static Workload named(String name) {
        return all().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no workload " + name + "; there are "
                        + all().stream().map(Workload::name).toList()));
    }
}
