package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.util.function.BiConsumer;
import org.jdpx.kernels.jvm.HostThreads;
import org.jdpx.kernels.jvm.KernelSegments;
import org.jdpx.kernels.plan.DevicePlan;

/**
 * The java device's dot product of two vectors ({@link Dot}): the elements are cut into
 * contiguous parts, as many as the device's plan keeps its threads busy with
 * ({@link DevicePlan#fullGroups()}), taken by the worker threads in turn. A part with unit steps
 * runs the Vector API loop ({@link VectorLoops#dotF32}/{@link VectorLoops#dotF64}, blocks of
 * products in vector lanes added into a double); other steps run a scalar loop that adds the
 * products exactly formed in double. The parts' sums are added in order, so a result does not
 * depend on which thread ran which part.
 */
final class JavaDot {
    /** Least elements per part (fewer are not worth a thread hand-off). */
    private static final long MIN_PART = 1L << 16;

    /** Shown the two segments each part's loop reads, on its thread (a test checks they are confined views); null otherwise. */
    static volatile BiConsumer<MemorySegment, MemorySegment> taskSegments;

    private JavaDot() {
    }

    /** Parts for {@code n} elements under {@code plan}: one per {@link #MIN_PART}, at most the plan's full groups. */
    static int parts(DevicePlan plan, long n) {
        return (int) Math.max(1, Math.min((n + MIN_PART - 1) / MIN_PART, plan.fullGroups()));
    }

    /** {@code sum_{i < n} a[aOff + i aStep] b[bOff + i bStep]} in {@code parts} parts, on the calling thread and the workers. */
    static double dot(boolean f64, MemorySegment a, long aOff, long aStep, MemorySegment b, long bOff, long bStep, long n,
                      int parts) {
        if (n == 0) return 0;
        if (aStep < 0 && bStep < 0) { // both reversed: the same sum read forwards, so the vector loop applies
            aOff += (n - 1) * aStep;
            bOff += (n - 1) * bStep;
            aStep = -aStep;
            bStep = -bStep;
        }
        long span = (n + parts - 1) / parts;
        double[] partial = new double[parts];
        long ao = aOff, as = aStep, bo = bOff, bs = bStep;
        boolean vector = aStep == 1 && bStep == 1 && JavaGemm.vectorized() && span < Integer.MAX_VALUE / 8;
        HostThreads.run(parts, parts == 1, "dot", p -> {
            long p0 = p * span;
            long p1 = Math.min(n, p0 + span);
            if (p0 >= p1) return;
            int size = f64 ? 8 : 4;
            // Views confined to this thread, as the device's kernels get (KernelSegments says why):
            // with the shared ones, C2's hoisted owner test deoptimised the loops on every call once
            // any confined arena had been used, and the dot rows ran at a third of their speed.
            MemorySegment x = KernelSegments.of(a), y = KernelSegments.of(b);
            BiConsumer<MemorySegment, MemorySegment> probe = taskSegments;
            if (probe != null) probe.accept(x, y);
            if (vector) {
                int len = (int) (p1 - p0);
                partial[(int) p] = f64 ? VectorLoops.dotF64(x, (ao + p0) * size, y, (bo + p0) * size, len)
                        : VectorLoops.dotF32(x, (ao + p0) * size, y, (bo + p0) * size, len);
            } else {
                partial[(int) p] = stepped(f64, x, ao + p0 * as, as, y, bo + p0 * bs, bs, p1 - p0);
            }
        });
        double s = 0;
        for (double v : partial) s += v;
        return s;
    }

    /** The products formed and added in double (a float32 product is exact there), four accumulators. */
    private static double stepped(boolean f64, MemorySegment a, long aAt, long aStep, MemorySegment b, long bAt, long bStep,
                                  long n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long i = 0;
        for (; i + 4 <= n; i += 4) {
            long x = aAt + i * aStep;
            long y = bAt + i * bStep;
            s0 += ScalarGemmEngine.get(a, x, f64) * ScalarGemmEngine.get(b, y, f64);
            s1 += ScalarGemmEngine.get(a, x + aStep, f64) * ScalarGemmEngine.get(b, y + bStep, f64);
            s2 += ScalarGemmEngine.get(a, x + 2 * aStep, f64) * ScalarGemmEngine.get(b, y + 2 * bStep, f64);
            s3 += ScalarGemmEngine.get(a, x + 3 * aStep, f64) * ScalarGemmEngine.get(b, y + 3 * bStep, f64);
        }
        for (; i < n; i++) s0 += ScalarGemmEngine.get(a, aAt + i * aStep, f64) * ScalarGemmEngine.get(b, bAt + i * bStep, f64);
        return (s0 + s1) + (s2 + s3);
    }
}
