package org.jdpx.perf;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
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
 * Array expressions on 2^25 float32 elements as a user writes them with the tensor module,
 * each timed until its result is on the device ({@code sync}), next to the hand-written Java
 * loop over heap arrays on all threads. GB/s counts every array read and written once:
 * {@code A += B + 5*C} moves 4 arrays, the triad {@code A = B + 3*C} 3, sum 1, softmax 4
 * (three reads of x and one write).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
public class TensorBench {

    static final int N = 1 << 25;

    /** Arrays on the device under test. */
    @State(Scope.Benchmark)
    public static class OnDevice {
        @Param({"opencl:cpu:0", "java:cpu:0"})
        public String device;

        UsmNdArray a;
        UsmNdArray b;
        UsmNdArray c;
        UsmNdArray out;

        @Setup
        public void setup() {
            ArrayOptions on = ArrayOptions.on(BenchDevices.require(device)).dtype(DType.FLOAT32);
            a = Tensor.linspace(0, 1, N, false, on);
            b = Tensor.linspace(1, 2, N, false, on);
            c = Tensor.linspace(-1, 0, N, false, on);
            out = Tensor.empty(new long[] {N}, on);
            a.sync();
        }
    }

    @Benchmark
    public UsmNdArray fusedAplusB5C(OnDevice s) {
        return s.a.addi(s.b.add(s.c.multiply(5))).sync();
    }

    @Benchmark
    public UsmNdArray triad(OnDevice s) {
        return s.out.assign(s.b.add(s.c.multiply(3))).sync();
    }

    @Benchmark
    public double sum(OnDevice s) {
        return s.a.sum().item();
    }

    @Benchmark
    public UsmNdArray softmax(OnDevice s) {
        UsmNdArray e = Tensor.exp(s.b.subtract(s.b.max()));
        return s.out.assign(e.divide(e.sum())).sync();
    }

    /** Heap arrays for the hand-written loop. */
    @State(Scope.Benchmark)
    public static class Heap {
        float[] a = new float[N];
        float[] b = new float[N];
        float[] c = new float[N];

        @Setup
        public void setup() {
            for (int i = 0; i < N; i++) {
                a[i] = i / (float) N;
                b[i] = 1 + a[i];
                c[i] = a[i] - 1;
            }
        }
    }

    /** {@code A += B + 5*C} hand-written over heap arrays, split across all threads. */
    @Benchmark
    public float[] javaAllFused(Heap h) {
        int threads = Runtime.getRuntime().availableProcessors();
        int chunk = (N + threads - 1) / threads;
        IntStream.range(0, threads).parallel().forEach(t -> {
            int end = Math.min(N, (t + 1) * chunk);
            for (int i = t * chunk; i < end; i++) {
                h.a[i] += h.b[i] + 5f * h.c[i];
            }
        });
        return h.a;
    }
}
