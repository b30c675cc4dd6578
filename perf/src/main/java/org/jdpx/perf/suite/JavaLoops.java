package org.jdpx.perf.suite;

import java.util.stream.IntStream;

/**
 * The plain Java a user writes instead of offloading: a loop on one thread ({@code java1}) and the
 * same loop split into one contiguous chunk per core on a parallel stream ({@code javaAll}).
 */
public final class JavaLoops {

    private JavaLoops() {
    }

    /** A loop over {@code [from, to)}. */
    @FunctionalInterface
    public interface Chunk {
        /** Runs the loop body for indices {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** A loop over {@code [from, to)} that returns a partial result to combine. */
    @FunctionalInterface
    public interface ReducingChunk {
        /** Folds indices {@code from} to {@code to} into one value. */
        double run(long from, long to);
    }

    /** Threads of the {@code javaAll} baselines: every core. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code chunk} over {@code [0, n)} on every core, one contiguous chunk each. */
    public static void parallel(int n, Chunk chunk) {
        int t = threads();
        IntStream.range(0, t).parallel().forEach(k -> chunk.run((int) ((long) n * k / t), (int) ((long) n * (k + 1) / t)));
    }

    /** Folds {@code [0, n)} on every core and adds the partials. */
    public static double parallelSum(long n, ReducingChunk chunk) {
        int t = threads();
        return IntStream.range(0, t).parallel().mapToDouble(k -> chunk.run(n * k / t, n * (k + 1) / t)).sum();
    }
}
