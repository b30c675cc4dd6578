package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/**
 * The suite's workloads as Aparapi jobs. Kernels run in explicit mode with their inputs put on the
 * device once when the job is made, so a run times the kernel (and fetching partials), as the jdpx
 * rows do with data already on the device.
 */
public final class AparapiJobs {

    /** Work-items of the partial reductions, as in the jdpx kernels. */
    private static final int PARTIALS = org.jdpx.perf.suite.BenchKernels.PARTIALS;

    private AparapiJobs() {
    }

    private static <K extends Kernel> K explicit(K k) {
        k.setExplicit(true);
        return k;
    }

    /** An empty kernel over 64 work-items. */
    public static AparapiJob empty(long size) {
        AparapiEmpty k = explicit(new AparapiEmpty());
        k.put(k.a);
        return AparapiJob.single(k, 64, 0, () -> { });
    }

    /** The triad over {@code n} floats. */
    public static AparapiJob triad(long n) {
        AparapiTriad k = explicit(new AparapiTriad((int) n, 3f));
        k.put(k.b).put(k.c).put(k.a);
        return AparapiJob.single(k, (int) n, 0, () -> { });
    }

    /** {@code A += B + 5*C} over {@code n} doubles. */
    public static AparapiJob fused(long n) {
        AparapiFused k = explicit(new AparapiFused((int) n));
        k.put(k.a).put(k.b).put(k.c);
        return AparapiJob.single(k, (int) n, 0, () -> { });
    }

    /** The sum of {@code n} floats. */
    public static AparapiJob sum(long n) {
        AparapiSum k = explicit(new AparapiSum((int) n, PARTIALS));
        k.put(k.x);
        return AparapiJob.single(k, PARTIALS, 0, () -> {
            k.get(k.partial);
            if (k.result() != n) throw new IllegalStateException("Aparapi sum is " + k.result() + ", expected " + n);
        });
    }

    /** Softmax over {@code n} floats in three passes. */
    public static AparapiJob softmax(long n) {
        AparapiSoftmax k = explicit(new AparapiSoftmax((int) n, PARTIALS));
        k.put(k.x).put(k.y);
        return new AparapiJob() {
            @Override
            public Kernel kernel() {
                return k;
            }

            @Override
            public void run(com.aparapi.device.Device device) {
                k.softmax(device);
            }
        };
    }

    /** pi by {@code n} midpoint steps. */
    public static AparapiJob pi(long n) {
        AparapiPi k = explicit(new AparapiPi((int) n, PARTIALS));
        return AparapiJob.single(k, PARTIALS, 0, () -> {
            k.get(k.partial);
            if (Math.abs(k.result() - Math.PI) > 1e-6) throw new IllegalStateException("Aparapi pi is " + k.result());
        });
    }

    /** {@code n × n} float matmul, one work-item per output. */
    public static AparapiJob matmul(long n) {
        AparapiMatmul k = explicit(new AparapiMatmul((int) n));
        k.put(k.a).put(k.b).put(k.c);
        return AparapiJob.single(k, (int) (n * n), 0, () -> { });
    }
}
