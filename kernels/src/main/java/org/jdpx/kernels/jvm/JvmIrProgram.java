package org.jdpx.kernels.jvm;

import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelArgs;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;

/**
 * A kernel's IR as a hidden class on the java device ({@link JvmEmitter}): its {@code run} handle,
 * how to turn launch arguments into the {@code slots} it reads, and the work-group arrays it needs.
 * Generated once per kernel content hash and kept for the life of the JVM (the hidden classes
 * are not strongly tied to their loader, so one whose program is dropped can be unloaded).
 */
final class JvmIrProgram {
    private static final System.Logger LOG = System.getLogger(JvmIrProgram.class.getName());
    private static final Map<String, JvmIrProgram> CACHE = new ConcurrentHashMap<>();
    /** Kernels (hash/name) known not to run as work-item loops. */
    private static final java.util.Set<String> NOT_LOOPS = ConcurrentHashMap.newKeySet();

    private final String name;
    private final KernelModule module;
    /** {@code run(Object[] slots, int[] geometry, Object[] groupMemory, Phaser phaser, int x0, int x1, int y, int z)}. */
    final MethodHandle run;
    /**
     * {@code runGroups(Object[] slots, int[] geometry, Object[] groupMemory, int gx0, int gx1, int gy, int gz)}:
     * whole work-groups as work-item loops ({@link WorkItemLoops}); null where the kernel needs no
     * groups or the pass refused it (then its items run on virtual threads through {@link #run}).
     */
    final MethodHandle runGroups;
    private final List<JvmEmitter.GroupArray> groupArrays;
    private final boolean groups;

    private JvmIrProgram(KernelModule module) {
        this.name = module.kernel().name();
        this.module = module;
        this.groupArrays = JvmEmitter.groupArrays(module);
        this.groups = !groupArrays.isEmpty() || org.jdpx.kernels.ir.Features.of(module).barriers();
        long t0 = System.nanoTime();
        String simple = "JdpxIr_" + name.replaceAll("[^A-Za-z0-9_]", "_");
        WorkItemLoops.Plan plan = groups ? plan(module) : null;
        byte[] bytes = JvmEmitter.emit(module, ClassDesc.of(JvmIrProgram.class.getPackageName() + "." + simple), plan);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            this.run = lookup.findStatic(lookup.lookupClass(), JvmEmitter.RUN, JvmEmitter.RUN_TYPE);
            this.runGroups = plan == null ? null
                    : lookup.findStatic(lookup.lookupClass(), JvmEmitter.RUN_GROUPS, JvmEmitter.RUN_GROUPS_TYPE);
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError e) {
            throw new IllegalStateException("the JVM refused the class generated for kernel " + name
                    + " (a bug in the JVM emitter): " + e, e);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "generated JVM class for kernel " + name + ": " + bytes.length
                + " bytes in " + (System.nanoTime() - t0) / 1000 + " us");
    }

    /** The work-item-loop plan of a kernel that needs work-groups, or null (logged) where the pass refuses it. */
    private static WorkItemLoops.Plan plan(KernelModule module) {
        String name = module.kernel().name();
        try {
            WorkItemLoops.Plan plan = WorkItemLoops.plan(module);
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + name + " runs on the java device as work-item loops: "
                    + plan.regions() + " regions between barriers, " + plan.perItem().size() + " variables kept per item");
            return plan;
        } catch (WorkItemLoops.Refused e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + name + " runs on the java device with one virtual thread"
                    + " per work-item: " + e.getMessage());
            return null;
        }
    }

    /**
     * The program of a {@code @Kernel} method that needs work-groups when it can run as work-item
     * loops; null where its IR cannot run on the JVM target or the pass refused it (logged once;
     * the method itself then runs on virtual threads).
     */
    static JvmIrProgram workItemLoops(CompiledKernel kernel) {
        String key = kernel.contentHash() + "/" + kernel.name();
        if (kernel.contentHash() != null && NOT_LOOPS.contains(key)) return null;
        try {
            JvmIrProgram p = of(kernel);
            if (p.runGroups != null) return p;
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + kernel.name() + " runs as its Java method on virtual threads:"
                    + " its IR cannot run on the JVM target: " + e.getMessage());
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "kernel " + kernel.name() + " runs as its Java method on virtual threads"
                    + " because the JVM emitter failed on its IR (a bug to report): " + e.getMessage());
        }
        if (kernel.contentHash() != null) NOT_LOOPS.add(key);
        return null;
    }

    /** The program of {@code kernel}, generated on first use for its content hash. */
    static JvmIrProgram of(CompiledKernel kernel) {
        String hash = kernel.contentHash();
        if (hash == null) return new JvmIrProgram(kernel.ir());
        return CACHE.computeIfAbsent(hash + "/" + kernel.name(), k -> new JvmIrProgram(kernel.ir()));
    }

    /**
     * One value per kernel parameter, as {@code run} reads them: a view's segment, boxed by-value
     * arguments and hidden view facts; null for {@code @Local} buffers (they come per group).
     *
     * @throws IllegalArgumentException for a missing or wrongly typed argument, naming it
     */
    Object[] slots(Object[] args) {
        List<Param> params = module.kernel().params();
        Object[] out = new Object[params.size()];
        for (int i = 0; i < out.length; i++) {
            Param p = params.get(i);
            String pname = p.var().name();
            out[i] = switch (p.kind()) {
                case ParamKind.View v -> KernelArgs.view(name, pname, arg(args, v.argIndex(), pname), v.elem()).segment();
                case ParamKind.Value v -> KernelArgs.scalar(name, pname, arg(args, v.argIndex(), pname), v.javaType());
                case ParamKind.ViewInfo vi -> KernelArgs.viewInfo(arg(args, vi.argIndex(), pname), vi);
                case ParamKind.LocalBuffer l -> {
                    if (!(arg(args, l.argIndex(), pname) instanceof LocalMemory lm) || Scalar.ofJava(lm.elementType()) != l.elem()) {
                        throw new IllegalArgumentException("argument '" + pname + "' of kernel " + name + " is @Local "
                                + l.elem().clName() + " memory: pass LocalMemory." + l.elem().clName() + "s(n)");
                    }
                    yield null;
                }
                case ParamKind.Pointer q -> throw new IllegalStateException("pointer parameter on kernel " + name);
                case ParamKind.HelperValue h -> throw new IllegalStateException("helper parameter on kernel " + name);
            };
        }
        return out;
    }

    private Object arg(Object[] args, int index, String pname) {
        if (index >= args.length) {
            throw new IllegalArgumentException("kernel " + name + " has no argument for parameter '" + pname + "' (got "
                    + args.length + " arguments)");
        }
        return args[index];
    }

    /** True when work-items of a group must run together: barriers or local memory. */
    boolean needsGroups() {
        return groups;
    }

    /** Fresh, zero-filled arrays for one work-group, in the order {@code run} reads them. */
    Object[] groupMemory(Object[] args) {
        Object[] out = new Object[groupArrays.size()];
        for (int i = 0; i < out.length; i++) {
            JvmEmitter.GroupArray g = groupArrays.get(i);
            out[i] = g.argIndex() >= 0 ? ((LocalMemory) args[g.argIndex()]).newArray() : newArray(g.elem(), g.length());
        }
        return out;
    }

    private static Object newArray(Scalar elem, int n) {
        return switch (elem) {
            case I8 -> new byte[n];
            case I16 -> new short[n];
            case U16 -> new char[n];
            case I32 -> new int[n];
            case I64 -> new long[n];
            case F32 -> new float[n];
            case F64 -> new double[n];
            case BOOL -> throw new IllegalArgumentException("BOOL is never stored in memory");
        };
    }
}
