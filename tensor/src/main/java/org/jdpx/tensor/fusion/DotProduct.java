package org.jdpx.tensor.fusion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.usm.UsmMemory;

/**
 * The dot product of two float vectors on an OpenCL device as one bandwidth-bound pass
 * ({@link DotKernel}): each element pair is read once and multiplied into the sum, with no array
 * of products and no one-column GEMM. The split comes from the device's {@link DevicePlan}: on
 * the CPU plan {@link DevicePlan#fullGroups()} contiguous parts, one work-item each, summed in
 * blocks; on the GPU plan groups of {@link DevicePlan#groupSize()} items striding together and
 * folding in local memory ({@link DevicePlan#groupsFor}). A one-item kernel then adds the partials
 * in a fixed order into the result, which stays on the device. Loops stay below the driver's loop
 * limit (llvmpipe).
 */
public final class DotProduct {
    /** Least elements per part of the CPU plan (fewer parts are not worth a core). */
    private static final long MIN_PART = 16_384;
    /** Elements each GPU-plan item reads at least before one more group is worth its partial. */
    private static final long PER_ITEM = 8;

    private static final Map<String, CompiledKernel> KERNELS = new ConcurrentHashMap<>();

    private DotProduct() {
    }

    /**
     * Enqueues {@code out[outOff] = sum_{i < n} a[aOff + i aStep] b[bOff + i bStep]} on
     * {@code queue}'s OpenCL device, float32 or float64 (accumulated in that type, in blocks).
     * Steps may be negative or 0; {@code n == 0} writes 0.
     *
     * @throws UnsupportedOperationException when an element index passes 2^31
     */
    public static void run(Queue queue, DType t, UsmMemory a, long aOff, long aStep, UsmMemory b, long bOff, long bStep,
                           long n, UsmMemory out, long outOff) {
        if (aStep < 0 && bStep < 0) { // both reversed: the same sum read forwards
            aOff += (n - 1) * aStep;
            bOff += (n - 1) * bStep;
            aStep = -aStep;
            bStep = -bStep;
        }
        long far = Math.max(Math.max(aOff, aOff + (n - 1) * aStep), Math.max(bOff, bOff + (n - 1) * bStep));
        if (far >= Integer.MAX_VALUE - 4096 || n >= Integer.MAX_VALUE / 2) {
            throw new UnsupportedOperationException("dot of " + n + " elements: OpenCL kernels index below 2^31 elements;"
                    + " split the vectors and add the dots of the pieces");
        }
        Scalar s = t == DType.FLOAT64 ? Scalar.F64 : Scalar.F32;
        DevicePlan plan = DevicePlan.of(queue.device());
        long limit = DevicePlan.loopLimit(queue.device());
        Object[] views = {KernelWriter.viewArgument(a, s), KernelWriter.viewArgument(b, s)};
        long parts;
        UsmMemory part;
        if (n == 0) {
            parts = 0;
            part = UsmMemory.allocate(queue, UsmType.DEVICE, s.bytes());
        } else if (plan.isGpu()) {
            int group = plan.groupSize();
            parts = Math.max(plan.groupsFor(n, PER_ITEM), ceil(n, group * Math.min(limit, Integer.MAX_VALUE)));
            part = UsmMemory.allocate(queue, UsmType.DEVICE, parts * s.bytes());
            CompiledKernel k = compiled("dot-tree|" + s + "|" + group, () -> DotKernel.tree(s, group));
            Kernels.launchOn(queue, k, NdRange.of(new long[] {parts * group}, new long[] {group}), java.util.List.of(),
                    views[0], views[1], KernelWriter.viewArgument(part, s), (int) aOff, (int) aStep, (int) bOff,
                    (int) bStep, (int) n, 0);
            record(queue, k, "tree", n, parts + " groups of " + group, t);
        } else {
            parts = Math.max(1, Math.min(ceil(n, MIN_PART), plan.fullGroups()));
            parts = Math.max(parts, ceil(n, DotKernel.BLOCK * Math.min(limit, Integer.MAX_VALUE / DotKernel.BLOCK)));
            long span = ceil(ceil(n, parts), DotKernel.LANES) * DotKernel.LANES;
            parts = ceil(n, span);
            part = UsmMemory.allocate(queue, UsmType.DEVICE, parts * s.bytes());
            boolean unit = aStep == 1 && bStep == 1;
            CompiledKernel k = compiled("dot-parts|" + s + (unit ? "|unit" : ""), () -> DotKernel.parts(s, unit));
            // one item per group: a driver's own choice may put every item in one group, on one core
            Kernels.launchOn(queue, k, NdRange.of(new long[] {parts}, new long[] {1}), java.util.List.of(),
                    views[0], views[1], KernelWriter.viewArgument(part, s), (int) aOff, (int) aStep, (int) bOff,
                    (int) bStep, (int) n, (int) span);
            record(queue, k, "parts", n, parts + " parts of " + span, t);
        }
        CompiledKernel sum = compiled("dot-sum|" + s, () -> DotKernel.sum(s));
        Kernels.launchOn(queue, sum, NdRange.of(new long[] {1}, new long[] {1}), java.util.List.of(),
                KernelWriter.viewArgument(part, s), KernelWriter.viewArgument(out, s), (int) parts, (int) outOff);
    }

    private static CompiledKernel compiled(String key, Supplier<DotKernel.Kernel> build) {
        CompiledKernel k = KERNELS.get(key);
        if (k != null) return k;
        DotKernel.Kernel built = build.get();
        return KERNELS.computeIfAbsent(key, x -> FusedKernels.cached(key, built::kernel, built.helpers()));
    }

    private static void record(Queue queue, CompiledKernel kernel, String form, long n, String split, DType t) {
        FusionDiagnostics.record("kernel " + kernel.name() + " on " + queue.device().filterString() + " [dot " + form
                + "]: " + n + " " + t + " element pairs, " + split);
    }

    private static long ceil(long x, long y) {
        return (x + y - 1) / y;
    }
}
