package org.jdpx.perf;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vector add (2^24 floats) and tiled matmul (n = 512, float) as @Kernel methods on each device,
 * next to the plain Java loops a user would write, on one thread ({@code java1}) and on all
 * threads ({@code javaAll}). GB/s for vector add counts 3 arrays; matmul GFLOP/s is 2n^3 / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx3g"})
public class KernelWorkloadBench {

    static final int N = 1 << 24;
    static final int M = 512;
    /** Work-group edge of {@link #matmulTiled}. */
    public static final int TILE = 16;

    /** c = a + b. */
    @Kernel
    public static void vadd(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c) {
        int i = ctx.globalId(0);
        c.set(i, a.get(i) + b.get(i));
    }

    /** c = a × b for n × n matrices, TILE × TILE work-groups staging tiles in local memory. */
    @Kernel
    public static void matmulTiled(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, int n) {
        float[] ta = ctx.localFloats(TILE * TILE);
        float[] tb = ctx.localFloats(TILE * TILE);
        int lx = ctx.localId(0);
        int ly = ctx.localId(1);
        int row = ctx.globalId(1);
        int col = ctx.globalId(0);
        float sum = 0f;
        for (int t = 0; t < n / TILE; t++) {
            ta[ly * TILE + lx] = a.get(row * n + t * TILE + lx);
            tb[ly * TILE + lx] = b.get((t * TILE + ly) * n + col);
            ctx.localBarrier();
            for (int k = 0; k < TILE; k++) {
                sum += ta[ly * TILE + k] * tb[k * TILE + lx];
            }
            ctx.localBarrier();
        }
        c.set(row * n + col, sum);
    }

    /** Arrays on the device under test. */
    @State(Scope.Benchmark)
    public static class OnDevice {
        @Param({"opencl:cpu:0", "java:cpu:0"})
        public String device;

        UsmMemory a;
        UsmMemory b;
        UsmMemory c;
        UsmMemory ma;
        UsmMemory mb;
        UsmMemory mc;

        @Setup
        public void setUp() {
            var d = BenchDevices.require(device);
            a = UsmMemory.allocateDevice(d, 4L * N);
            b = UsmMemory.allocateDevice(d, 4L * N);
            c = UsmMemory.allocateDevice(d, 4L * N);
            a.fill(1f);
            b.fill(2f);
            ma = UsmMemory.allocateDevice(d, 4L * M * M);
            mb = UsmMemory.allocateDevice(d, 4L * M * M);
            mc = UsmMemory.allocateDevice(d, 4L * M * M);
            ma.fill(0.5f);
            mb.fill(0.25f);
        }

        @TearDown
        public void tearDown() {
            for (UsmMemory m : new UsmMemory[] {a, b, c, ma, mb, mc}) {
                m.close();
            }
        }
    }

    /** The same data in Java arrays for the plain loops. */
    @State(Scope.Benchmark)
    public static class Plain {
        final float[] a = new float[N];
        final float[] b = new float[N];
        final float[] c = new float[N];
        final float[] ma = new float[M * M];
        final float[] mb = new float[M * M];
        final float[] mc = new float[M * M];

        @Setup
        public void setUp() {
            java.util.Arrays.fill(a, 1f);
            java.util.Arrays.fill(b, 2f);
            java.util.Arrays.fill(ma, 0.5f);
            java.util.Arrays.fill(mb, 0.25f);
        }
    }

    @Benchmark
    public void vaddKernel(OnDevice s) {
        Kernels.launch(KernelWorkloadBench::vadd, Range.of(N), FloatArray.on(s.a), FloatArray.on(s.b), FloatArray.on(s.c));
    }

    @Benchmark
    public void matmulKernel(OnDevice s) {
        Kernels.launch(KernelWorkloadBench::matmulTiled, NdRange.of(new long[] {M, M}, new long[] {TILE, TILE}),
                FloatArray.on(s.ma), FloatArray.on(s.mb), FloatArray.on(s.mc), M);
    }

    @Benchmark
    public float[] vaddJava1(Plain p) {
        for (int i = 0; i < N; i++) {
            p.c[i] = p.a[i] + p.b[i];
        }
        return p.c;
    }

    @Benchmark
    public float[] vaddJavaAll(Plain p) {
        int t = Runtime.getRuntime().availableProcessors();
        IntStream.range(0, t).parallel().forEach(k -> {
            for (int i = (int) ((long) N * k / t), e = (int) ((long) N * (k + 1) / t); i < e; i++) {
                p.c[i] = p.a[i] + p.b[i];
            }
        });
        return p.c;
    }

    /** The plain loop a user writes, in the cache-friendly i-k-j order. */
    @Benchmark
    public float[] matmulJava1(Plain p) {
        matmulRows(p, 0, M);
        return p.mc;
    }

    @Benchmark
    public float[] matmulJavaAll(Plain p) {
        int t = Runtime.getRuntime().availableProcessors();
        IntStream.range(0, t).parallel().forEach(k -> matmulRows(p, M * k / t, M * (k + 1) / t));
        return p.mc;
    }

    private static void matmulRows(Plain p, int from, int to) {
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(p.mc, i * M, (i + 1) * M, 0f);
            for (int k = 0; k < M; k++) {
                float aik = p.ma[i * M + k];
                for (int j = 0; j < M; j++) {
                    p.mc[i * M + j] += aik * p.mb[k * M + j];
                }
            }
        }
    }
}
