package org.jdpx.kernels.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;

/**
 * CI run of the random kernel checker: a fixed seed set of generated kernels, each on every
 * device and through every emitter, against the same method run as plain Java (see
 * {@link FuzzRun}). Another seed set: {@code -Djdpx.fuzz.seed=1234 -Djdpx.fuzz.count=500}; time spent
 * shrinking each failure: {@code -Djdpx.fuzz.shrinkSeconds=30}.
 * Each failing kernel is printed with its source, OpenCL C, inputs, wrong outputs and a shrunk
 * reproducer.
 *
 * <p>{@link #KNOWN_LLVMPIPE} lists the seeds of this set that meet a Mesa llvmpipe defect jdpx does
 * not work around (README, "Known device limit"): they must fail on opencl:cpu:1 and nowhere else,
 * so a Mesa fix (or a new failure elsewhere) shows up here.
 */
class RandomKernelsTest {
    /** The CI seed set: seeds 1..200. */
    private static final long FIRST_SEED = 1;
    private static final int COUNT = 200;
    /** Seeds whose kernels Mesa's llvmpipe gets wrong through its inexact float algebra, with the shrunk cause. */
    static final Map<Long, String> KNOWN_LLVMPIPE = Map.of(
            53L, "0f / f0 is folded to 0 (Java: NaN for f0 = 0)",
            88L, "f0 *= 0f is folded to 0 (Java: NaN for f0 = ±inf)",
            111L, "0f < (float) l2 is true for a large negative long l2",
            119L, "0f * x is folded to 0, so i2 /= (0f * x) stores 0 (Java: ±MAX_VALUE from ±inf)");

    @Test
    void generatedKernelsAgreeWithPlainJavaOnEveryTarget() {
        long[] sc = Fuzzer.seedAndCount(FIRST_SEED, COUNT);
        long shrinkMillis = Long.getLong("jdpx.fuzz.shrinkSeconds", 30) * 1000;
        Fuzzer.Result r = Fuzzer.run(sc[0], (int) sc[1], shrinkMillis, System.out::println);
        System.out.println("random kernels, seeds " + sc[0] + ".." + (sc[0] + sc[1] - 1) + ": " + r.summary());
        List<String> problems = new ArrayList<>();
        List<String> llvmpipe = FuzzRun.targets().stream().filter(RandomKernelsTest::isLlvmpipe).toList();
        for (Map.Entry<Long, List<String>> f : r.failedTargets().entrySet()) {
            long seed = f.getKey();
            List<String> where = f.getValue();
            boolean known = KNOWN_LLVMPIPE.containsKey(seed) && where.stream().allMatch(RandomKernelsTest::isLlvmpipe);
            if (known) {
                System.out.println("known llvmpipe defect, still present: seed " + seed + ": " + KNOWN_LLVMPIPE.get(seed));
            } else {
                problems.add(reportOf(r, seed));
            }
        }
        for (Map.Entry<Long, String> k : KNOWN_LLVMPIPE.entrySet()) {
            boolean inRange = k.getKey() >= sc[0] && k.getKey() < sc[0] + sc[1];
            if (inRange && !llvmpipe.isEmpty() && !r.failedTargets().containsKey(k.getKey())) {
                problems.add("seed " + k.getKey() + " no longer fails on " + llvmpipe + " (" + k.getValue()
                        + "): remove it from KNOWN_LLVMPIPE and from README's list of llvmpipe defects");
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " of " + r.kernels() + " random kernels failed (seeds "
                + sc[0] + ".." + (sc[0] + sc[1] - 1) + "):\n" + String.join("\n", problems));
    }

    private static String reportOf(Fuzzer.Result r, long seed) {
        return r.reports().stream().filter(s -> s.startsWith("==== kernel seed " + seed + " ")).findFirst().orElse("seed " + seed);
    }

    private static boolean isLlvmpipe(String target) {
        return target.startsWith("opencl:") && Devices.find(target)
                .map(d -> d.name().toLowerCase(Locale.ROOT).contains("llvmpipe")).orElse(false);
    }
}
