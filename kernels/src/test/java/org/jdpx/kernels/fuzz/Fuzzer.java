package org.jdpx.kernels.fuzz;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;

/**
 * Generates kernels for a range of seeds, compiles them in batches (one class per batch),
 * checks each on every target with {@link FuzzRun} and, for each failing kernel, prints its Java
 * source, OpenCL C, inputs and differing outputs, and a shrunk reproducer.
 */
final class Fuzzer {
    static final String PKG = "org.jdpx.kernels.fuzz.gen";
    private static final int BATCH = 25;
    private static int classes;
    /** -Djdpx.fuzz.verbose=true: one line per kernel with its time and outcome. */
    private static final boolean VERBOSE = Boolean.getBoolean("jdpx.fuzz.verbose");

    /**
     * The outcome of a run: per-target counts of kernels checked, the failure reports and, per
     * failing seed, the targets it failed on.
     */
    record Result(Map<String, Integer> counts, List<String> reports, int kernels, Map<Long, List<String>> failedTargets) {
        String summary() {
            StringBuilder t = new StringBuilder();
            FuzzRun.NANOS.forEach((k, v) -> t.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
            return kernels + " kernels; checked per target: " + counts + "; failing kernels: " + reports.size() + "; time per target:" + t;
        }
    }

    private Fuzzer() {
    }

    /**
     * Checks the kernels of seeds {@code first .. first+count-1}; each failure is reported to
     * {@code log} as it is found, shrunk within {@code shrinkMillis} (0: no shrinking).
     */
    static Result run(long first, int count, long shrinkMillis, Consumer<String> log) {
        List<String> targets = FuzzRun.targets();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> reports = new ArrayList<>();
        Map<Long, List<String>> failedTargets = new TreeMap<>();
        for (long s = first; s < first + count; s += BATCH) {
            List<FuzzKernel> batch = new ArrayList<>();
            for (long seed = s; seed < Math.min(first + count, s + BATCH); seed++) {
                batch.add(KernelGen.generate(seed, "k" + Long.toUnsignedString(seed)));
            }
            List<Method> methods = compile(batch, "Batch" + s);
            for (int i = 0; i < batch.size(); i++) {
                List<String> ran = new ArrayList<>();
                long t0 = System.nanoTime();
                List<FuzzRun.Failure> fails = FuzzRun.check(batch.get(i), methods.get(i), targets, ran);
                if (VERBOSE) {
                    System.err.println("seed " + batch.get(i).seed() + ": " + (System.nanoTime() - t0) / 1_000_000 + " ms, "
                            + batch.get(i).body().size() + " nodes, " + (fails.isEmpty() ? "ok" : fails.stream().map(FuzzRun.Failure::key).toList()));
                }
                for (String t : ran) counts.merge(t, 1, Integer::sum);
                if (!fails.isEmpty()) {
                    String rep = report(batch.get(i), methods.get(i), fails, shrinkMillis);
                    reports.add(rep);
                    failedTargets.put(batch.get(i).seed(), fails.stream().map(FuzzRun.Failure::target).distinct().toList());
                    log.accept(rep);
                }
            }
        }
        return new Result(counts, reports, count, failedTargets);
    }

    /** Compiles kernels into one new class and returns their methods in order. */
    static List<Method> compile(List<FuzzKernel> kernels, String prefix) {
        return compile(kernels, prefix, false);
    }

    /** Compiles kernels, with {@code ftz} as their flush-to-zero references, into one new class. */
    static List<Method> compile(List<FuzzKernel> kernels, String prefix, boolean ftz) {
        String name = prefix + "_" + (classes++);
        Class<?> c = SourceCompiler.load(PKG, name, FuzzKernel.classSource(PKG, name, kernels, ftz));
        Map<String, Method> byName = new LinkedHashMap<>();
        for (Method m : c.getDeclaredMethods()) if (Modifier.isStatic(m.getModifiers())) byName.put(m.getName(), m);
        return kernels.stream().map(k -> byName.get(k.name())).toList();
    }

    /** The failure report: what failed where, the kernel's Java and OpenCL C, and a shrunk reproducer. */
    static String report(FuzzKernel k, Method m, List<FuzzRun.Failure> fails, long shrinkMillis) {
        StringBuilder sb = new StringBuilder("==== kernel seed " + k.seed() + " (" + (k.fp64() ? "fp64" : "float-only")
                + ") fails on " + fails.stream().map(FuzzRun.Failure::key).toList() + "\n");
        sb.append("reproduce: mvn -pl kernels -am verify -Dtest=RandomKernelsTest -Djdpx.fuzz.seed=").append(k.seed())
                .append(" -Djdpx.fuzz.count=1  (or FuzzMain ").append(k.seed()).append(" 1)\n");
        for (FuzzRun.Failure f : fails) sb.append("-- ").append(f.key()).append(":\n").append(f.detail()).append('\n');
        sb.append("-- Java source:\n").append(k.source());
        sb.append(openCl(m));
        FuzzRun.Failure first = fails.stream().filter(f -> !f.kind().equals("hang")).findFirst().orElse(null);
        if (shrinkMillis > 0 && first != null) { // a hang blocks its device's queue for good: nothing to shrink it with
            FuzzKernel small = Shrinker.shrink(k, first, shrinkMillis);
            sb.append("-- shrunk for ").append(first.key()).append(" (").append(k.body().size()).append(" -> ")
                    .append(small.body().size()).append(" nodes):\n").append(small.source());
            Method sm = compile(List.of(small), "Shrunk").getFirst();
            List<FuzzRun.Failure> again = FuzzRun.check(small, sm, List.of(first.target()), new ArrayList<>());
            for (FuzzRun.Failure f : again) sb.append("-- shrunk ").append(f.key()).append(":\n").append(f.detail()).append('\n');
            sb.append(openCl(sm));
        }
        return sb.toString();
    }

    private static String openCl(Method m) {
        try {
            CompiledKernel ck = KernelCompiler.compile(m);
            return "-- OpenCL C:\n" + ck.openclSource();
        } catch (RuntimeException e) {
            return "-- no OpenCL C: " + e.getMessage() + "\n";
        }
    }

    /** The first seed and count: -Djdpx.fuzz.seed / -Djdpx.fuzz.count, else the given defaults. */
    static long[] seedAndCount(long seed, int count) {
        return new long[] {Long.getLong("jdpx.fuzz.seed", seed), Integer.getInteger("jdpx.fuzz.count", count)};
    }
}
