package org.jdpx.kernels.prange;

import java.lang.constant.ClassDesc;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel methods of one parallel region. A region without array reductions has one; a region
 * with array reductions has one per combination of array lengths met at run time, since each
 * work-item's private copy of an array is a fixed-size private array of the kernel.
 */
final class RegionKernels {
    private final RegionPlan plan;
    private final GeneratedLoader loader;
    private final String baseName;
    private final Map<List<Integer>, Method> byLengths = new ConcurrentHashMap<>();

    /** @param baseName the binary name the kernel classes of this region start with */
    RegionKernels(RegionPlan plan, GeneratedLoader loader, String baseName) {
        this.plan = plan;
        this.loader = loader;
        this.baseName = baseName;
    }

    /** The kernel for arrays of these lengths (one per array reduction, in plan order). */
    Method forLengths(int... lengths) {
        return byLengths.computeIfAbsent(Arrays.stream(lengths).boxed().toList(), k -> {
            String name = baseName + (lengths.length == 0 ? "" : "$len" + String.join("x", k.stream().map(String::valueOf).toList()));
            Class<?> c = loader.define(name, KernelWriter.write(plan, ClassDesc.of(name), loader, lengths));
            for (Method m : c.getDeclaredMethods()) if (m.getName().equals(KernelWriter.METHOD)) return m;
            throw new IllegalStateException("generated kernel class without its method");
        });
    }

    /** The kernel the compiler checks: every array reduction one element long. */
    Method representative() {
        int[] ones = new int[plan.arrays.size()];
        Arrays.fill(ones, 1);
        return forLengths(ones);
    }
}
