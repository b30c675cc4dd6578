package org.jdpx.kernels.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * CI run of the random kernel checker: a fixed seed set of generated kernels, each on every
 * device and through every emitter, against the same method run as plain Java (see
 * {@link FuzzRun}). Another seed set: {@code -Djdpx.fuzz.seed=1234 -Djdpx.fuzz.count=500}; time spent
 * shrinking each failure: {@code -Djdpx.fuzz.shrinkSeconds=30}.
 * Each failing kernel is printed with its source, OpenCL C, inputs, wrong outputs and a shrunk
 * reproducer.
 */
class RandomKernelsTest {
    /** The CI seed set: seeds 1..200. */
    private static final long FIRST_SEED = 1;
    private static final int COUNT = 200;

    @Test
    void generatedKernelsAgreeWithPlainJavaOnEveryTarget() {
        long[] sc = Fuzzer.seedAndCount(FIRST_SEED, COUNT);
        long shrinkMillis = Long.getLong("jdpx.fuzz.shrinkSeconds", 30) * 1000;
        Fuzzer.Result r = Fuzzer.run(sc[0], (int) sc[1], shrinkMillis, System.out::println);
        System.out.println("random kernels, seeds " + sc[0] + ".." + (sc[0] + sc[1] - 1) + ": " + r.summary());
        assertTrue(r.reports().isEmpty(), r.reports().size() + " of " + r.kernels() + " random kernels failed (seeds "
                + sc[0] + ".." + (sc[0] + sc[1] - 1) + "):\n" + String.join("\n", r.reports()));
    }
}
