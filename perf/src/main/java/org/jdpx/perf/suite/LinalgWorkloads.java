package org.jdpx.perf.suite;

import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.perf.suite.aparapi.AparapiJobs;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Dense linear algebra through the library's own entry points ({@code Tensor.matmul}, which runs
 * the GEMM on every device): square matrix products in float32 and float64 (2n^3 flops, rated
 * against the matching peak), a large float32 product on GPUs, and a float32 matrix-vector
 * product (rated as the bandwidth of reading the matrix), and dot products of two long vectors
 * in float32 and float64 (rated as the bandwidth of reading both), each next to NumPy.
 */
final class LinalgWorkloads {
    static final int MATMUL_N = 1024;
    static final int MATMUL_LARGE_N = 4096;
    static final int GEMV_N = 4096;
    static final long DOT_N = 1L << 25;

    private LinalgWorkloads() {
    }

    /** The rows in report order. */
    static List<Workload> all() {
        return List.of(matmulF32(), matmulF64(), matmulF32Large(), gemvF32(), dot(DType.FLOAT32), dot(DType.FLOAT64));
    }

    static Workload matmulF32() {
        return Workload.named("matmul_f32_1024").style("array").dtype("float32").size(MATMUL_N)
                .rate(Rate.flops(n -> 2.0 * n * n * n, false))
                .body((d, n) -> matmulOn(d, n, DType.FLOAT32))
                .javaLoops((n, all) -> matmulJava((int) n, all))
                .aparapi(AparapiJobs::matmul)
                .external("numpy", "cupy")
                .build();
    }

    static Workload matmulF64() {
        return Workload.named("matmul_f64_1024").style("array").dtype("float64").size(MATMUL_N)
                .rate(Rate.flops(n -> 2.0 * n * n * n, true))
                .skipOn(d -> !d.hasAspect(org.jdpx.device.Aspect.FP64), "the device has no fp64")
                .body((d, n) -> matmulOn(d, n, DType.FLOAT64))
                .external("numpy", "cupy")
                .build();
    }

    static Workload matmulF32Large() {
        return Workload.named("matmul_f32_4096").style("array").dtype("float32").size(MATMUL_LARGE_N)
                .rate(Rate.flops(n -> 2.0 * n * n * n, false))
                .skipOn(d -> d.type() != DeviceType.GPU, "GPU devices only (a 4096^3 product takes seconds on a CPU)")
                .body((d, n) -> matmulOn(d, n, DType.FLOAT32))
                .external("numpy", "cupy")
                .build();
    }

    static Workload gemvF32() {
        return Workload.named("gemv_f32").style("array").dtype("float32").size(GEMV_N)
                .rate(Rate.bandwidth(n -> 4.0 * n * n))
                .body(LinalgWorkloads::gemvOn)
                .external("numpy", "cupy")
                .build();
    }

    /** {@code Tensor.dot} of two vectors of 2^25 elements; the result reaches the host, as NumPy's does. */
    static Workload dot(DType t) {
        boolean f64 = t == DType.FLOAT64;
        return Workload.named(f64 ? "dot_f64" : "dot_f32").style("array").dtype(f64 ? "float64" : "float32").size(DOT_N)
                .rate(Rate.bandwidth(n -> 2.0 * t.itemSize() * n))
                .skipOn(d -> f64 && !d.hasAspect(org.jdpx.device.Aspect.FP64), "the device has no fp64")
                .body((d, n) -> dotOn(d, n, t))
                .external("numpy", "cupy")
                .build();
    }

    private static Trial dotOn(Device d, long n, DType t) {
        ArrayOptions on = ArrayOptions.on(d).dtype(t);
        UsmNdArray a = Tensor.full(new long[] {n}, 0.5, on).eval();
        UsmNdArray b = Tensor.full(new long[] {n}, 0.25, on).eval();
        double expect = 0.125 * n;
        return Trial.timed(() -> {
            double s = Tensor.dot(a, b).item();
            if (Math.abs(s - expect) > 1e-6 * expect) throw new IllegalStateException("dot is " + s + ", expected " + expect);
        });
    }

    private static Trial matmulOn(Device d, long n, DType t) {
        ArrayOptions on = ArrayOptions.on(d).dtype(t);
        UsmNdArray a = Tensor.full(new long[] {n, n}, 0.5, on).eval();
        UsmNdArray b = Tensor.full(new long[] {n, n}, 0.25, on).eval();
        return Trial.timed(() -> Tensor.matmul(a, b).queue().finish());
    }

    private static Trial gemvOn(Device d, long n) {
        ArrayOptions on = ArrayOptions.on(d).dtype(DType.FLOAT32);
        UsmNdArray m = Tensor.full(new long[] {n, n}, 0.5, on).eval();
        UsmNdArray v = Tensor.full(new long[] {n}, 0.25, on).eval();
        return Trial.timed(() -> Tensor.matmul(m, v).queue().finish());
    }

    /** The plain i-k-j loop a user writes, rows split between threads. */
    private static Trial matmulJava(int n, boolean all) {
        float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.25f);
        JavaLoops.Chunk rows = (from, to) -> {
            for (int i = from; i < to; i++) {
                Arrays.fill(c, i * n, (i + 1) * n, 0f);
                for (int k = 0; k < n; k++) {
                    float aik = a[i * n + k];
                    for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
                }
            }
        };
        return Trial.timed(() -> {
            if (all) JavaLoops.parallel(n, rows); else rows.run(0, n);
        });
    }
}
