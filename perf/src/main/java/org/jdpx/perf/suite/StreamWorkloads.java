package org.jdpx.perf.suite;

import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.perf.suite.aparapi.AparapiJobs;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Memory-bound workloads as tensor expressions, written as a user writes them with
 * {@link Tensor}: the STREAM triad {@code out = b + 3*c}, the fused {@code A += B + 5*C} (one
 * kernel), a sum and a softmax (three kernels), each timed until its result is on the device or,
 * for the sum, on the host. GB/s counts the ideal single-pass traffic (triad 3 arrays, fused 4,
 * sum 1, softmax 2: read x, write y), as STREAM does.
 */
final class StreamWorkloads {

    static final float S = 3f;

    private StreamWorkloads() {
    }

    static final List<Long> BIG = List.of(1L << 25);
    static final List<Long> BIG_AND_SMALL = List.of(1L << 20, 1L << 25);

    static boolean noFp64(Device d) {
        return !d.aspects().contains(Aspect.FP64);
    }

    static Workload triad() {
        return Workload.named("triad").style("tensor").dtype("float32").sizes(BIG, BIG_AND_SMALL)
                .rate(Rate.bandwidth(n -> 12.0 * n))
                .body(StreamWorkloads::triadOn)
                .javaLoops(StreamWorkloads::triadJava)
                .aparapi(AparapiJobs::triad)
                .external("numpy", "cOpenMP", "cupy")
                .build();
    }

    /** {@code n} elements of {@code value} in {@code dtype} on {@code d}, already there. */
    static UsmNdArray filled(Device d, DType dtype, long n, double value) {
        return Tensor.full(new long[] {n}, value, ArrayOptions.on(d).dtype(dtype)).sync();
    }

    static Trial triadOn(Device d, long n) {
        UsmNdArray out = filled(d, DType.FLOAT32, n, 0), b = filled(d, DType.FLOAT32, n, 1), c = filled(d, DType.FLOAT32, n, 2);
        return Trial.timed(() -> out.assign(b.add(c.multiply(S))).sync());
    }

    /** The triad as a plain loop, one thread or all; also the machine's bandwidth probe. */
    static Trial triadJava(long n, boolean all) {
        float[] a = new float[(int) n], b = new float[(int) n], c = new float[(int) n];
        Arrays.fill(b, 1f);
        Arrays.fill(c, 2f);
        JavaLoops.Chunk loop = (from, to) -> {
            for (int i = from; i < to; i++) a[i] = b[i] + S * c[i];
        };
        return Trial.timed(() -> {
            if (all) JavaLoops.parallel((int) n, loop); else loop.run(0, (int) n);
        });
    }

    static Workload fused() {
        return Workload.named("fused_a_plus_b_5c").style("tensor").dtype("float64").sizes(BIG, BIG_AND_SMALL)
                .rate(Rate.bandwidth(n -> 32.0 * n))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body((d, n) -> {
                    UsmNdArray a = filled(d, DType.FLOAT64, n, 0), b = filled(d, DType.FLOAT64, n, 1),
                            c = filled(d, DType.FLOAT64, n, 2);
                    return Trial.timed(() -> a.addi(b.add(c.multiply(5))).sync());
                })
                .javaLoops(StreamWorkloads::fusedJava)
                .aparapi(AparapiJobs::fused)
                .external("numpy", "cupy")
                .build();
    }

    private static Trial fusedJava(long n, boolean all) {
        double[] a = new double[(int) n], b = new double[(int) n], c = new double[(int) n];
        Arrays.fill(b, 1.0);
        Arrays.fill(c, 2.0);
        JavaLoops.Chunk loop = (from, to) -> {
            for (int i = from; i < to; i++) a[i] += b[i] + 5.0 * c[i];
        };
        return Trial.timed(() -> {
            if (all) JavaLoops.parallel((int) n, loop); else loop.run(0, (int) n);
        });
    }

    static Workload sum() {
        return Workload.named("sum").style("tensor").dtype("float32").sizes(BIG, BIG_AND_SMALL)
                .rate(Rate.bandwidth(n -> 4.0 * n))
                .body((d, n) -> {
                    UsmNdArray x = filled(d, DType.FLOAT32, n, 1);
                    return Trial.timed(() -> {
                        double s = x.sum().item();
                        if (s != n) throw new IllegalStateException("sum is " + s + ", expected " + n);
                    });
                })
                .javaLoops(StreamWorkloads::sumJava)
                .aparapi(AparapiJobs::sum)
                .external("numpy", "cOpenMP", "cupy")
                .build();
    }

    private static Trial sumJava(long n, boolean all) {
        float[] x = new float[(int) n];
        Arrays.fill(x, 1f);
        JavaLoops.ReducingChunk loop = (from, to) -> {
            float s = 0f;
            for (int i = (int) from; i < to; i++) s += x[i];
            return s;
        };
        return Trial.timed(() -> {
            double s = all ? JavaLoops.parallelSum(n, loop) : loop.run(0, n);
            if (s <= 0) throw new IllegalStateException("sum is " + s);
        });
    }

    static Workload softmax() {
        return Workload.named("softmax").style("tensor").dtype("float32").size(1L << 24)
                .rate(Rate.bandwidth(n -> 8.0 * n))
                .body((d, n) -> {
                    UsmNdArray x = Tensor.asarray(softmaxInput((int) n), null, ArrayOptions.on(d)).sync();
                    UsmNdArray y = Tensor.emptyLike(x);
                    return Trial.timed(() -> {
                        UsmNdArray e = Tensor.exp(x.subtract(x.max()));
                        y.assign(e.divide(e.sum())).sync();
                    });
                })
                .javaLoops((n, all) -> softmaxJava((int) n, all))
                .aparapi(AparapiJobs::softmax)
                .external("numpy", "cupy")
                .build();
    }

    /** Softmax inputs in [0, 1), the same as every peer's. */
    static float[] softmaxInput(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (i % 1000) / 1000f;
        return x;
    }

    private static Trial softmaxJava(int n, boolean all) {
        float[] x = softmaxInput(n), y = new float[n];
        return Trial.timed(() -> {
            JavaLoops.ReducingChunk maxOf = (from, to) -> {
                float m = -Float.MAX_VALUE;
                for (int i = (int) from; i < to; i++) m = Math.max(m, x[i]);
                return m;
            };
            float max = (float) (all ? maxOfParallel(n, maxOf) : maxOf.run(0, n));
            JavaLoops.ReducingChunk expSum = (from, to) -> {
                double s = 0;
                for (int i = (int) from; i < to; i++) s += Math.exp(x[i] - max);
                return s;
            };
            float inv = (float) (1 / (all ? JavaLoops.parallelSum(n, expSum) : expSum.run(0, n)));
            JavaLoops.Chunk norm = (from, to) -> {
                for (int i = from; i < to; i++) y[i] = (float) Math.exp(x[i] - max) * inv;
            };
            if (all) JavaLoops.parallel(n, norm); else norm.run(0, n);
        });
    }

    private static double maxOfParallel(int n, JavaLoops.ReducingChunk chunk) {
        int t = JavaLoops.threads();
        return java.util.stream.IntStream.range(0, t).parallel()
                .mapToDouble(k -> chunk.run((long) n * k / t, (long) n * (k + 1) / t)).max().orElseThrow();
    }
}
