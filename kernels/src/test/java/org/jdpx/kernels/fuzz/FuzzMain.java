package org.jdpx.kernels.fuzz;

/**
 * Runs the random kernel checker outside JUnit: {@code FuzzMain [firstSeed [count [shrinkSeconds]]]};
 * {@code FuzzMain show SEED} prints one kernel's Java source and OpenCL C without running it.
 * Prints each failing kernel (Java source, OpenCL C, inputs, differing outputs, shrunk reproducer)
 * and a per-target summary; exits 1 when any kernel failed. From the repository root, after
 * {@code mvn -pl kernels -am test-compile}:
 * <pre>
 * mvn -q -pl kernels exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jdpx.kernels.fuzz.FuzzMain -Dexec.args="1234 500"
 * </pre>
 * or through the test: {@code mvn -pl kernels -am verify -Dtest=RandomKernelsTest -Djdpx.fuzz.seed=1234 -Djdpx.fuzz.count=500}.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("show")) { // FuzzMain show SEED: the kernel's Java and OpenCL C, nothing run
            FuzzKernel k = KernelGen.generate(Long.parseLong(args[1]), "k" + args[1]);
            System.out.println(k.source());
            System.out.println(org.jdpx.kernels.KernelCompiler.compile(Fuzzer.compile(java.util.List.of(k), "Show").getFirst()).openclSource());
            System.exit(0);
        }
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long shrink = args.length > 2 ? Long.parseLong(args[2]) * 1000 : 60_000;
        long t0 = System.nanoTime();
        Fuzzer.Result r = Fuzzer.run(seed, count, shrink, System.out::println);
        System.out.println("seeds " + seed + ".." + (seed + count - 1) + ": " + r.summary() + " in "
                + (System.nanoTime() - t0) / 1_000_000_000 + " s");
        System.exit(r.reports().isEmpty() ? 0 : 1);
    }
}
