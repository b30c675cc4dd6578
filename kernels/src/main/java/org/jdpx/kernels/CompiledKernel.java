package org.jdpx.kernels;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.kernels.checked.BoundsChecks;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.GroupAtomics;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.WorkItemDims;
import org.jdpx.kernels.opencl.OpenClEmitter;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.plan.LaunchOrder;
import org.jdpx.kernels.spirv.SpirvEmitter;
import org.jdpx.kernels.spirv.SpirvModule;

/**
 * A kernel compiled for devices: its IR, the generated OpenCL C and SPIR-V, the argument
 * list a launcher must set, the device aspects it needs and a content hash for caches.
 * Outputs are generated on first use and kept; instances are immutable and thread-safe.
 */
public final class CompiledKernel {
    private final Method method;
    private final KernelModule module;
    private final String contentHash;
    private final Features features;
    private final List<KernelArg> arguments;
    private final String doubleNarrowing;
    private volatile String opencl;
    private volatile SpirvModule spirv;
    /** Checked mode's access sites for a checked variant, else null. */
    private final List<BoundsChecks.AccessSite> accessSites;
    private volatile CompiledKernel checked;
    /** What every launch of this kernel needs from its argument list, worked out at the first ({@link Launcher}). */
    private volatile Launcher.Shape launchShape;
    /** Whether this variant's OpenCL C uses the device's own float atomic add. */
    private final boolean nativeFloatAtomicAdd;
    /** Whether {@link GroupAtomics} rewrites this kernel, worked out at the first {@link #withGroupSums}. */
    private volatile Boolean groupSums;
    /** Set on a variant whose atomic adds are summed per work-group, before it is published. */
    private boolean summedGroups;
    /** {@link #atomicsSummable()}, worked out at its first call. */
    private volatile Boolean summable;
    /** {@link #contiguousDim()}, worked out at its first call. */
    private volatile Integer contiguousDim;
    /** Variants for device plans ({@link #forPlan}), by what sets them apart. */
    private final Map<String, CompiledKernel> variants = new ConcurrentHashMap<>();

    /** Wraps IR produced by the bytecode frontend ({@code method} non-null) or built by hand ({@code method} null). */
    public CompiledKernel(Method method, KernelModule module, String contentHash) {
        this(method, module, contentHash, null);
    }

    /**
     * Like {@link #CompiledKernel(Method, KernelModule, String)}, with where the kernel keeps a
     * narrowed double expression in double ({@code doubleNarrowing}, null if nowhere), which the
     * refusal on a device without fp64 names.
     */
    public CompiledKernel(Method method, KernelModule module, String contentHash, String doubleNarrowing) {
        this(method, module, contentHash, doubleNarrowing, null, false);
    }

    private CompiledKernel(Method method, KernelModule module, String contentHash, String doubleNarrowing,
            List<BoundsChecks.AccessSite> accessSites, boolean nativeFloatAtomicAdd) {
        this.nativeFloatAtomicAdd = nativeFloatAtomicAdd;
        this.doubleNarrowing = doubleNarrowing;
        this.accessSites = accessSites;
        this.method = method;
        this.module = module;
        this.contentHash = contentHash;
        this.features = Features.of(module);
        List<KernelArg> args = new ArrayList<>();
        int i = 0;
        for (Param p : module.kernel().params()) args.add(new KernelArg(i++, p.var().name(), p.kind(), clType(p)));
        this.arguments = List.copyOf(args);
    }

    private static String clType(Param p) {
        return switch (p.var().type()) {
            case Scalar s -> s.clName();
            case PtrType t -> t.space().clQualifier() + " " + t.elem().clName() + "*";
            case ArrayType a -> a.elem().clName() + "[" + a.length() + "]";
        };
    }

    /** The Java method this kernel was compiled from (null for hand-built IR); the java device runs it. */
    public Method method() { return method; }

    /** The kernel's name in OpenCL C and SPIR-V. */
    public String name() { return module.kernel().name(); }

    /** The IR module (kernel plus helpers). */
    public KernelModule ir() { return module; }

    /** OpenCL C 1.2 source, built on first call. */
    public String openclSource() {
        String s = opencl;
        if (s == null) opencl = s = OpenClEmitter.emit(module, nativeFloatAtomicAdd);
        return s;
    }

    /** True when {@link #openclSource()} uses native float atomics, so it builds as OpenCL C 2.0 or later. */
    public boolean needsOpenCl2() { return nativeFloatAtomicAdd; }

    /**
     * This kernel as an OpenCL device with {@code plan} runs it: atomic adds to one address per
     * work-group summed in the group first ({@link GroupAtomics}; by a tree on the GPU plan, by
     * one item on the CPU plan) where the plan gives a group length, and float atomic adds native where the plan has them. Returns itself when neither
     * changes the kernel; a variant has its own content hash (and so its own cached binaries).
     * The java device makes its own variant per launch ({@link #withGroupSums}).
     */
    public CompiledKernel forPlan(DevicePlan plan) {
        int length = plan.groupAtomicsLength(features.int64Atomics() ? 8 : 4);
        boolean group = length > 0 && GroupAtomics.applies(module);
        boolean nativeAdd = !nativeFloatAtomicAdd && plan.nativeFloatAtomicAdd() && OpenClEmitter.hasGlobalFloatAtomicAdd(module);
        if (!group && !nativeAdd) return this;
        return variant(group ? length : 0, plan.isGpu(), nativeAdd);
    }

    /**
     * This kernel with its atomic adds to one address per work-group summed in groups of at most
     * {@code groupLength} items by one item after a barrier ({@link GroupAtomics}), for the java
     * device: it runs such a kernel as loops over a group's items ({@code WorkItemLoops}), so a
     * group's adds cost what a hand-written loop costs and only one atomic per group reaches
     * memory. Null when no atomic add is eligible, when this kernel is checked, or when it has no
     * content hash (its generated class could then not be cached).
     *
     * @throws IllegalArgumentException when {@code groupLength} is below 1
     */
    public CompiledKernel withGroupSums(int groupLength) {
        if (groupLength < 1) throw new IllegalArgumentException("group length must be positive: " + groupLength);
        Boolean applies = groupSums;
        if (applies == null) groupSums = applies = GroupAtomics.applies(module);
        if (!applies || accessSites != null || contentHash == null) return null;
        return variant(groupLength, false, false);
    }

    /**
     * True when every atomic of this kernel is an add to one address per work-group whose old
     * value no item reads ({@link GroupAtomics#coversEveryAtomic}): the java device then sums the
     * float and double adds of the items one thread runs in a row and makes one atomic per chunk.
     */
    public boolean atomicsSummable() {
        Boolean s = summable;
        if (s == null) summable = s = GroupAtomics.coversEveryAtomic(module);
        return s;
    }

    /** The variant summing groups of {@code length} items (0: none), by a tree or one item, with native float adds or not. */
    private CompiledKernel variant(int length, boolean tree, boolean nativeAdd) {
        boolean group = length > 0;
        String key = (group ? (tree ? "tree" : "serial") + length : "") + (nativeAdd ? "+fp32atomic" : "");
        return variants.computeIfAbsent(key, k -> {
            CompiledKernel v = new CompiledKernel(method, group ? GroupAtomics.apply(module, length, tree) : module,
                    contentHash == null ? null : contentHash + "#" + k, doubleNarrowing, accessSites, nativeAdd || nativeFloatAtomicAdd);
            v.summedGroups = group;
            return v;
        });
    }

    /**
     * The range dimension whose global id indexes the contiguous axis of this kernel's arrays
     * where dimension 0's indexes a strided one, so OpenCL devices run it as their dimension 0
     * ({@link LaunchOrder#contiguousDim}); 0 to keep the order, always for a checked kernel or
     * one without a content hash.
     */
    public int contiguousDim() {
        Integer d = contiguousDim;
        if (d == null) contiguousDim = d = accessSites != null || contentHash == null ? 0 : LaunchOrder.contiguousDim(module);
        return d;
    }

    /**
     * This kernel with the dimensions 0 and {@code d} of its work-item queries swapped
     * ({@link WorkItemDims}), to be launched over the range with those sizes swapped
     * ({@link LaunchOrder#swapped}); its own content hash and binaries.
     *
     * @throws IllegalArgumentException when {@code d} is not 1 or 2, or this kernel cannot be
     *         reordered ({@link #contiguousDim()} is 0)
     */
    public CompiledKernel withDimensionsSwapped(int d) {
        if (d != 1 && d != 2 || contiguousDim() == 0) {
            throw new IllegalArgumentException("kernel " + name() + " cannot run with dimensions 0 and " + d + " swapped");
        }
        return variants.computeIfAbsent("dims0" + d, k -> new CompiledKernel(method, WorkItemDims.swap(module, 0, d),
                contentHash + "#" + k, doubleNarrowing, null, nativeFloatAtomicAdd));
    }

    /** True for a variant whose atomic adds are summed per work-group ({@link #forPlan}, {@link #withGroupSums}). */
    public boolean groupSummed() {
        return summedGroups;
    }

    /** The SPIR-V module (OpenCL execution model), built on first call. */
    public SpirvModule spirvModule() {
        SpirvModule s = spirv;
        if (s == null) spirv = s = SpirvEmitter.emit(module);
        return s;
    }

    /** SPIR-V binary, little-endian words as bytes (what {@code clCreateProgramWithIL} and Level Zero take). */
    public byte[] spirv() { return spirvModule().bytes(); }

    /** Human-readable disassembly of {@link #spirv()}, produced without external tools. */
    public String spirvText() { return spirvModule().text(); }

    /** Kernel arguments in device order, user arguments first, then hidden view arguments. */
    public List<KernelArg> arguments() { return arguments; }

    /** Device aspects the kernel needs: a subset of {@code fp64}, {@code atomic64}. */
    public Set<String> requiredAspects() { return Set.copyOf(features.aspects()); }

    /** True when the kernel computes with double (the device needs cl_khr_fp64). */
    public boolean needsFp64() { return features.fp64(); }

    /** True when the kernel uses 64-bit atomics (cl_khr_int64_base_atomics, and extended ones for min/max/and/or/xor). */
    public boolean needsAtomic64() { return features.int64Atomics(); }

    /** True when the kernel calls a barrier: launches then need a work-group size that divides the range. */
    public boolean usesBarriers() { return features.barriers(); }

    /** True when the kernel uses work-group local memory (constant-size or {@code @Local} parameters). */
    public boolean usesLocalMemory() { return features.localMemory() || module.kernel().locals().stream()
            .anyMatch(v -> v.type() instanceof ArrayType a && a.space() == AddressSpace.LOCAL); }

    /** The feature summary of the IR. */
    public Features features() { return features; }

    /** SHA-256 over the compiler version, the bytecode of every class involved and folded constants. */
    public String contentHash() { return contentHash; }

    /**
     * Refuses a device that lacks an aspect this kernel needs.
     *
     * @param deviceName for the message
     * @param deviceAspects what the device has ({@code fp64}, {@code atomic64}, ...)
     * @throws UnsupportedOperationException naming the kernel, the device and the missing aspects
     */
    public void requireAspects(String deviceName, Set<String> deviceAspects) {
        List<String> missing = new ArrayList<>();
        for (String a : features.aspects()) if (!deviceAspects.contains(a)) missing.add(a);
        if (!missing.isEmpty()) {
            throw new UnsupportedOperationException("kernel " + name() + " needs aspect " + String.join(" and ", missing)
                    + " which device " + deviceName + " lacks"
                    + (missing.contains("atomic64") ? " (64-bit atomics: cl_khr_int64_base_atomics)" : "")
                    + (missing.contains("fp64") ? " (double precision: cl_khr_fp64)" : "")
                    + (missing.contains("fp64") && doubleNarrowing != null ? "; " + doubleNarrowing : ""));
        }
    }

    /**
     * This kernel in checked mode: every view, {@code @Local} and array access tested against its
     * bounds on every device, the first violation thrown after the launch as a
     * {@link KernelBoundsException}. A separate kernel (own IR, content hash and device binaries)
     * built on first call; the java device runs it from its IR, not as the Java method. Launch it
     * with the same arguments as this kernel. Returns itself when already checked.
     */
    public CompiledKernel checked() {
        if (accessSites != null) return this;
        CompiledKernel c = checked;
        if (c == null) {
            BoundsChecks.Result r = BoundsChecks.apply(module);
            checked = c = new CompiledKernel(null, r.module(), contentHash == null ? null : contentHash + "#checked", doubleNarrowing, r.sites(),
                    nativeFloatAtomicAdd);
        }
        return c;
    }

    /** The launch shape, computing it on first use. */
    Launcher.Shape launchShape() {
        Launcher.Shape s = launchShape;
        if (s == null) launchShape = s = Launcher.Shape.of(this);
        return s;
    }

    /** True for a kernel made by {@link #checked()}. */
    public boolean isChecked() { return accessSites != null; }

    /**
     * The exception a checked kernel's error record describes, or null when it records no
     * violation. {@code record}: the ints the kernel wrote to its hidden error view.
     */
    KernelBoundsException boundsError(int[] record) {
        if (record[0] == 0) return null;
        BoundsChecks.AccessSite s = accessSites.get(record[0] - 1);
        long index = (record[1] & 0xffffffffL) | (long) record[2] << 32;
        long length = (record[3] & 0xffffffffL) | (long) record[4] << 32;
        return new KernelBoundsException(name(), s, index, length);
    }

    @Override
    public String toString() {
        return "CompiledKernel[" + name() + ", aspects=" + features.aspects() + (isChecked() ? ", checked" : "") + "]";
    }
}
