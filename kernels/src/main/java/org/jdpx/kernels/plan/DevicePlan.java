package org.jdpx.kernels.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;

/**
 * How work is split over one device: the execution plan every generated kernel (tensor
 * reductions and scans, dpnp sorts and histograms, GEMM tiles, atomics) asks for its shape
 * instead of carrying constants of its own. A plan is derived from the device's reported
 * properties and its class:
 *
 * <ul>
 *   <li>{@link Kind#JAVA}: the java device; work-items are loop chunks on its threads, so each
 *       takes one contiguous block.</li>
 *   <li>{@link Kind#CPU}: a CPU OpenCL (or Level Zero) driver, which runs a work-group's items one
 *       after another and vectorizes across neighbouring items; few long chunks per core.</li>
 *   <li>{@link Kind#GPU}: many work-groups of {@link #groupSize()} items, each element read by a
 *       different item, tree reductions per group in local memory, one small pass over the
 *       group results.</li>
 * </ul>
 *
 * <p>{@code JDPX_SCHEDULE} (or {@code -Djdpx.schedule}) set to {@code gpu} forces the GPU plan on
 * every OpenCL and Level Zero device, so CI without a GPU runs the GPU code paths on a CPU
 * driver; {@code cpu} forces the CPU plan there; {@code auto} (the default) chooses by device
 * type. The java device keeps its own plan.
 *
 * @param kind            the device class whose plan applies
 * @param computeUnits    compute units the device reports (at least 1)
 * @param maxGroupSize    the largest work-group the device accepts
 * @param localMemBytes   local memory per work-group
 * @param simdWidth       the work-group size multiple the device prefers (warp, wavefront,
 *                        sub-group or vector width)
 * @param groupSize       items per work-group of a tree reduction or block scan: a power of two,
 *                        a multiple of {@code simdWidth}, at most {@code maxGroupSize}
 * @param groupsPerUnit   work-groups per compute unit that keep the device full
 * @param nativeFloatAtomicAdd the device adds floats atomically in global memory itself
 *                        ({@link Aspect#FP32_ATOMIC_ADD}), so kernels use that instead of a
 *                        compare-exchange loop
 */
public record DevicePlan(Kind kind, int computeUnits, long maxGroupSize, long localMemBytes, int simdWidth,
                         int groupSize, int groupsPerUnit, boolean nativeFloatAtomicAdd) {

    /** The device classes plans are made for. */
    public enum Kind { JAVA, CPU, GPU }

    /** The setting that forces a plan: {@code auto}, {@code cpu} or {@code gpu}. */
    public static final String VARIABLE = "JDPX_SCHEDULE";
    /** The system property that wins over {@link #VARIABLE}. */
    public static final String PROPERTY = "jdpx.schedule";
    /** Mesa llvmpipe's cap on loop iterations per work-item (its gallivm loop limit). */
    public static final long LLVMPIPE_LOOP_LIMIT = 65_535;
    private static final ScopedValue<Kind> SCOPED = ScopedValue.newInstance();

    /**
     * The plan for {@code device}, honouring {@code JDPX_SCHEDULE} / {@code -Djdpx.schedule}.
     *
     * @throws IllegalArgumentException when the setting is not {@code auto}, {@code cpu} or {@code gpu}
     */
    public static DevicePlan of(Device device) {
        return of(device, SCOPED.isBound() ? SCOPED.get() : forced(System.getenv(), System.getProperties()));
    }

    /**
     * Runs {@code body} with the plan class {@code kind} forced for every {@link #of(Device)} made
     * by this thread inside it, as {@code JDPX_SCHEDULE} would force it for the whole process: lets
     * a test run the GPU plan on a CPU driver next to the default plan in one JVM. The java device
     * keeps its own plan.
     */
    public static <T> T forcing(Kind kind, java.util.function.Supplier<T> body) {
        return ScopedValue.where(SCOPED, kind).call(body::get);
    }

    /** The plan for {@code device} with the plan class {@code forced} (null: by device type). */
    public static DevicePlan of(Device device, Kind forced) {
        DeviceInfo info = device.info();
        Kind kind;
        if (device.backend().equals("java")) {
            kind = Kind.JAVA;
        } else if (forced != null && forced != Kind.JAVA) {
            kind = forced;
        } else {
            kind = info.type() == DeviceType.GPU ? Kind.GPU : Kind.CPU;
        }
        int units = Math.max(1, info.computeUnits());
        long maxGroup = Math.max(1, info.maxWorkGroupSize());
        int simd = simdWidth(info);
        int group = (int) Math.min(256, floorPow2(maxGroup));
        if (group < simd) simd = group;
        int perUnit = kind == Kind.GPU ? 8 : 4;
        boolean floatAdd = kind != Kind.JAVA && info.aspects().contains(Aspect.FP32_ATOMIC_ADD);
        return new DevicePlan(kind, units, maxGroup, Math.max(0, info.localMemBytes()), simd, group, perUnit, floatAdd);
    }

    /**
     * Reads the forced plan class from the given variables and properties; null for {@code auto}
     * or unset.
     *
     * @throws IllegalArgumentException naming the setting and the values it takes
     */
    public static Kind forced(Map<String, String> env, Properties props) {
        String p = props.getProperty(PROPERTY);
        String v = p != null ? p : env.get(VARIABLE);
        if (v == null || v.isBlank()) return null;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "gpu" -> Kind.GPU;
            case "cpu" -> Kind.CPU;
            default -> throw new IllegalArgumentException((p != null ? "-D" + PROPERTY : VARIABLE) + "=" + v
                    + " is not a schedule: use auto (by device type), gpu (the GPU plan on every OpenCL device) or cpu");
        };
    }

    /**
     * The most iterations one loop of a kernel runs on {@code device}: Mesa's llvmpipe (behind
     * rusticl) silently leaves every loop after 65535 iterations; unlimited elsewhere.
     */
    public static long loopLimit(Device device) {
        return device.name().contains("llvmpipe") ? LLVMPIPE_LOOP_LIMIT : Long.MAX_VALUE;
    }

    /** True for the GPU plan (a GPU, or any OpenCL device when forced). */
    public boolean isGpu() {
        return kind == Kind.GPU;
    }

    /**
     * Whether blocked algorithms run their sequential steps (the panels and small triangular
     * blocks of LU) as plain host code over the device's memory instead of as kernels: true on the
     * java device, whose memory is the JVM's and whose kernels are host tasks anyway, so a whole
     * factorization is one task (no launch per panel) and its products call the GEMM directly.
     */
    public boolean panelsOnHost() {
        return kind == Kind.JAVA;
    }

    /** Work-groups that keep every compute unit busy. */
    public long fullGroups() {
        return (long) computeUnits * groupsPerUnit;
    }

    /** Groups of {@link #groupSize()} items for {@code n} elements, each item reading about {@code perItem}, capped at {@link #fullGroups()}. */
    public long groupsFor(long n, long perItem) {
        long byWork = ceilDiv(n, (long) groupSize * Math.max(1, perItem));
        return Math.max(1, Math.min(byWork, fullGroups()));
    }

    /**
     * The local array length for summing a group's atomic adds to one address before one global
     * atomic ({@link org.jdpx.kernels.ir.GroupAtomics}: a tree on the GPU plan, one item adding up
     * on the CPU plan), for elements of {@code elemBytes}: the
     * largest group the device runs, so any launch fits; 0 (keep one atomic per item) where that
     * array would take more than a quarter of the device's local memory, and on the java device,
     * which sizes the array to each launch's groups itself
     * ({@link org.jdpx.kernels.CompiledKernel#withGroupSums}).
     */
    public int groupAtomicsLength(int elemBytes) {
        if (kind == Kind.JAVA || maxGroupSize > Integer.MAX_VALUE / 8) return 0;
        return maxGroupSize * elemBytes * 4L <= localMemBytes ? (int) maxGroupSize : 0;
    }

    /**
     * The work-group shape for a launch of a kernel whose atomic adds are summed per group
     * ({@link #groupAtomicsLength}) when the launch gives none: the largest divisor of
     * {@code global[0]} up to {@link #groupSize()} in dimension 0 and 1 in the others, so every
     * group sums that many items before its one atomic (a driver's own choice may make groups of
     * thousands of items, whose one summing item is then the launch's critical path, or of one).
     * On the CPU plan the other dimensions then take the largest divisors that keep a group within
     * {@link #maxGroupSize()} and {@value #CPU_SUM_GROUP} items and leave every compute unit a
     * group: CPU drivers pay per group (on PoCL a 256 × 256 launch took half the time in groups of
     * 256 × 16 as in groups of 256 × 1).
     * Null, leaving the choice to the driver, where that divisor is below {@link #simdWidth()}.
     */
    public long[] groupSumLocal(long[] global) {
        long[] local = new long[global.length];
        java.util.Arrays.fill(local, 1);
        local[0] = largestDivisor(global[0], groupSize);
        if (kind == Kind.CPU) {
            long items = local[0], groups = global[0] / local[0];
            for (int d = 1; d < global.length; d++) {
                long room = Math.min(maxGroupSize, CPU_SUM_GROUP) / items;
                long keep = ceilDiv(computeUnits, groups); // groups this dimension must leave
                local[d] = largestDivisor(global[d], Math.max(1, Math.min(room, global[d] / keep)));
                items *= local[d];
                groups *= global[d] / local[d];
            }
        }
        return local[0] >= simdWidth ? local : null;
    }

    /** The most items a group summing atomic adds gets on the CPU plan ({@link #groupSumLocal}). */
    static final long CPU_SUM_GROUP = 4096;

    /** The largest divisor of {@code n} that is at most {@code cap} (at least 1). */
    private static long largestDivisor(long n, long cap) {
        for (long c = Math.min(cap, n); c > 1; c--) {
            if (n % c == 0) return c;
        }
        return 1;
    }

    /**
     * The partial results a device pass folds {@code partials} per-item results into before the
     * host combines what is left (a parallel loop's reductions): on the GPU plan, where a loop
     * leaves about a million partials, one in {@value #FOLD_FAN_IN} for as long as more than four
     * groups' worth remain (reading them all back and adding them on the host took most of a
     * million-step loop's time on an H100); elsewhere {@code partials} itself (no device pass; a
     * CPU plan leaves a few per core).
     */
    public long foldedPartials(long partials) {
        if (kind != Kind.GPU || partials <= 4L * groupSize) return partials;
        return ceilDiv(partials, FOLD_FAN_IN);
    }

    /**
     * Items per work-group for a kernel whose items each keep {@code privateBytes} of private
     * arrays: {@link #groupSize()}, halved until a group's private arrays fit
     * {@value #GROUP_PRIVATE_BYTES} bytes (CPU drivers put a group's private memory on one
     * thread's stack: PoCL crashed the JVM on 1024-int arrays in groups it chose itself), at least 1.
     */
    public int groupSizeForPrivate(long privateBytes) {
        int g = groupSize;
        while (g > 1 && (long) g * privateBytes > GROUP_PRIVATE_BYTES) g /= 2;
        return g;
    }

    /** Private array bytes a work-group may hold in all ({@link #groupSizeForPrivate}). */
    static final long GROUP_PRIVATE_BYTES = 64 * 1024;

    /** How many partials one item of a device fold pass combines ({@link #foldedPartials}). */
    static final long FOLD_FAN_IN = 64;

    /** {@code items} rounded up to a multiple of {@link #simdWidth()}. */
    public long roundToSimd(long items) {
        return ceilDiv(items, simdWidth) * simdWidth;
    }

    private static int simdWidth(DeviceInfo info) {
        long best = 0;
        for (long s : info.subGroupSizes()) best = Math.max(best, s);
        if (best > 0) return (int) Math.min(best, 128);
        String vendor = info.vendor().toLowerCase(Locale.ROOT);
        if (info.type() == DeviceType.GPU) {
            if (vendor.contains("nvidia")) return 32;
            if (vendor.contains("amd") || vendor.contains("advanced micro")) return 64;
            return 16;
        }
        return 8;
    }

    private static long floorPow2(long v) {
        return Long.highestOneBit(Math.max(1, v));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
