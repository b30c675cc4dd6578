package org.jdpx.perf;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdpx.kernels.Parallel;
import org.jdpx.kernels.prange.Prange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * pi by the midpoint rule (the Numba prange example) as a prange method on each device, next to
 * the same method called as plain single-thread Java, and the C OpenMP reference of
 * perf-anchors ({@code pi_omp.c}: plain {@code parallel for reduction} and
 * {@code parallel for simd reduction}) built here with {@code gcc -O2 -march=native -fopenmp} and
 * called through {@code java.lang.foreign}, all in one JMH run. The C source is found through
 * {@code -Djdpx.perf.piOmp=...} (default {@code /work/shared/perf-anchors/pi_omp.c}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PrangePiBench {

    /** The method under test; called directly it is the plain Java loop. */
    public static double pi(int steps) {
        double step = 1.0 / steps, sum = 0;
        for (@Parallel int i = 0; i < steps; i++) {
            double x = (i + 0.5) * step;
            sum += 4.0 / (1.0 + x * x);
        }
        return step * sum;
    }

    /** The problem size. */
    @State(Scope.Benchmark)
    public static class Steps {
        @Param({"100000000", "1000000000"})
        public int steps;
    }

    /** pi compiled for one device. */
    @State(Scope.Benchmark)
    public static class OnDevice {
        @Param({"opencl:cpu:0", "java:cpu:0"})
        public String device;

        Prange.F1<Integer, Double> pi;

        @Setup
        public void setUp() {
            pi = Prange.compile(PrangePiBench::pi, BenchDevices.require(device));
        }
    }

    /** pi_omp.c built as a shared library, its two functions bound. */
    @State(Scope.Benchmark)
    public static class OpenMp {
        MethodHandle plain;
        MethodHandle simd;

        @Setup
        public void setUp() throws IOException, InterruptedException {
            Path source = Path.of(System.getProperty("jdpx.perf.piOmp", "/work/shared/perf-anchors/pi_omp.c"));
            if (!Files.isReadable(source)) {
                throw new IllegalStateException("C reference " + source + " not found; pass -Djdpx.perf.piOmp=<path to pi_omp.c>");
            }
            Path dir = Files.createTempDirectory("jdpx-pi-omp");
            Path lib = dir.resolve("libpi_omp.so");
            // the reference's functions are static and it has a main: include it and export wrappers
            Path wrapper = Files.writeString(dir.resolve("pi_omp_lib.c"), "#define main pi_omp_main\n#include \""
                    + source.toAbsolutePath() + "\"\ndouble jdpx_pi_plain(long n) { return pi_plain(n); }\n"
                    + "double jdpx_pi_simd(long n) { return pi_simd(n); }\n");
            List<String> cmd = List.of("gcc", "-O2", "-march=native", "-fopenmp", "-shared", "-fPIC", wrapper.toString(),
                    "-o", lib.toString(), "-lm");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            SymbolLookup syms = SymbolLookup.libraryLookup(lib, java.lang.foreign.Arena.global());
            FunctionDescriptor fd = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_LONG);
            plain = Linker.nativeLinker().downcallHandle(syms.find("jdpx_pi_plain").orElseThrow(), fd);
            simd = Linker.nativeLinker().downcallHandle(syms.find("jdpx_pi_simd").orElseThrow(), fd);
        }
    }

    @Benchmark
    public double prange(OnDevice d, Steps s) {
        return d.pi.apply(s.steps);
    }

    @Benchmark
    public double javaOneThread(Steps s) {
        return pi(s.steps);
    }

    @Benchmark
    public double cOpenMpPlain(OpenMp c, Steps s) throws Throwable {
        return (double) c.plain.invokeExact((long) s.steps);
    }

    @Benchmark
    public double cOpenMpSimd(OpenMp c, Steps s) throws Throwable {
        return (double) c.simd.invokeExact((long) s.steps);
    }
}
