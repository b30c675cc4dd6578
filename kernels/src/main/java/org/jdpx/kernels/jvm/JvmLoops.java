package org.jdpx.kernels.jvm;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PUBLIC;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.plan.LaunchOrder;

/**
 * Generated loops for the java device: for each kernel, a hidden class (written with the JDK
 * ClassFile API, defined in the kernel's own package) whose {@code run(ctx, from, to, args)} takes
 * the arguments out of the array once and then calls the kernel with {@code invokestatic} for
 * {@code gid0 = from .. to-1}. A direct static call is what lets C2 inline the kernel body into
 * the loop, hoist the views' fields and vectorise, which a call through a MethodHandle per
 * work-item prevents. Kernels whose class cannot be opened to jdpx (a named module that does not
 * open its package) keep the MethodHandle path. A kernel that divides integers runs as a copy
 * in the same hidden class, with division by zero giving 0 ({@link DivisionCopies}).
 */
public final class JvmLoops {

    private static final ClassDesc CD_KERNEL_CONTEXT = ClassDesc.of(KernelContext.class.getName());
    private static final ClassDesc CD_LOOPS = ClassDesc.of(JvmLoops.class.getName());
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(ConstantDescs.CD_void, CD_KERNEL_CONTEXT,
            ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_Object.arrayType());
    /** Names of the {@link LaunchSums} row loop and kernel copy in the hidden class. */
    private static final String SUM_RUN = "runSum", SUM_COPY = "kernelSum", COLUMN_RUN = "runColumn";
    /** The generated loops' calls that move the context along dimension 0 and 1. */
    private static final String AT = "at", AT_Y = "atY";
    /** Running sums of the {@link LaunchSums} row loop. */
    static final int SUM_LANES = 4;
    /** The type of the generated {@code run} method. */
    static final MethodType RUN_TYPE = MethodType.methodType(void.class, KernelContext.class, int.class, int.class,
            Object[].class);

    private JvmLoops() {
    }

    /**
     * Moves a flat launch's context to work-item {@code x} of the current row; called by the
     * generated loops only.
     */
    public static void at(KernelContext ctx, int x) {
        ((JvmKernelContext) ctx).gid0 = x;
    }

    /**
     * Moves a flat launch's context to work-item {@code y} of the current column (the launch runs
     * along dimension 1: {@link LaunchOrder#contiguousDim}); called by the generated loops only.
     */
    public static void atY(KernelContext ctx, int y) {
        ((JvmKernelContext) ctx).gid1 = y;
    }

    /** Adds a row's contributions to the context's launch sum ({@link LaunchSums}); called by the generated loops only. */
    public static void addSum(KernelContext ctx, float v) {
        ((JvmKernelContext) ctx).sumFloat += v;
    }

    /** As {@link #addSum(KernelContext, float)}. */
    public static void addSum(KernelContext ctx, double v) {
        ((JvmKernelContext) ctx).sumDouble += v;
    }

    /** As {@link #addSum(KernelContext, float)}. */
    public static void addSum(KernelContext ctx, int v) {
        ((JvmKernelContext) ctx).sumLong += v;
    }

    /** As {@link #addSum(KernelContext, float)}. */
    public static void addSum(KernelContext ctx, long v) {
        ((JvmKernelContext) ctx).sumLong += v;
    }

    /**
     * How the java device calls a kernel method: {@code kernel} is the handle to call per work-item
     * (null: the method itself, through reflection), {@code loop} the generated row loop (null
     * where the class cannot host one); {@code runIr} true when the method divides where no copy
     * with the devices' division rule could be made ({@link DivisionCopies}), so the runner must
     * execute the kernel's IR instead. Where every atomic of the kernel adds to one address for
     * the launch ({@link LaunchSums}), {@code sumLoop} is the row loop that adds up the items'
     * contributions itself and {@code sums} that address (both null otherwise). Where the kernel
     * walks memory along global id 1 ({@link LaunchOrder#contiguousDim}), {@code columnLoop} is the loop
     * (summing where {@code sums} is set) that runs the items of a column, moving {@code gid1}.
     */
    record Hosted(MethodHandle kernel, MethodHandle loop, boolean runIr, MethodHandle sumLoop, LaunchSums.Site sums,
                  MethodHandle columnLoop) {
        Hosted(MethodHandle kernel, MethodHandle loop, boolean runIr) {
            this(kernel, loop, runIr, null, null, null);
        }
    }

    /** How to run {@code kernel}, generated once per method. */
    static Hosted hostFor(Method kernel) {
        return CACHE.get(kernel.getDeclaringClass()).computeIfAbsent(kernel, JvmLoops::generate);
    }

    private static final ClassValue<java.util.concurrent.ConcurrentHashMap<Method, Hosted>> CACHE =
            new ClassValue<>() {
                @Override
                protected java.util.concurrent.ConcurrentHashMap<Method, Hosted> computeValue(Class<?> type) {
                    return new java.util.concurrent.ConcurrentHashMap<>();
                }
            };

    private static Hosted generate(Method kernel) {
        Class<?> owner = kernel.getDeclaringClass();
        DivisionCopies.Plan plan = DivisionCopies.plan(kernel);
        Hosted fallback = new Hosted(null, null, plan.kernel() != null || !plan.reachable());
        if (!Modifier.isStatic(kernel.getModifiers()) || !plan.reachable()) {
            return fallback;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            LaunchSums.Site sums = plan.kernel() == null ? sumSite(kernel) : null;
            CodeModel code = sums == null ? null : DivisionCopies.codeOf(kernel);
            if (code == null) sums = null;
            boolean columns = prefersColumns(kernel);
            byte[] bytes = bytes(kernel, owner, plan, sums, code, columns);
            Class<?> host = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE).lookupClass();
            MethodType type = MethodType.methodType(void.class, kernel.getParameterTypes());
            MethodHandle copy = plan.kernel() == null ? null : lookup.findStatic(host, plan.kernel().name(), type);
            MethodHandle sumLoop = sums == null ? null : lookup.findStatic(host, SUM_RUN, RUN_TYPE);
            MethodHandle columnLoop = columns ? lookup.findStatic(host, COLUMN_RUN, RUN_TYPE) : null;
            return new Hosted(copy, lookup.findStatic(host, "run", RUN_TYPE), false, sumLoop, sums, columnLoop);
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError | IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Where every atomic of {@code kernel} adds to one address for the launch ({@link LaunchSums}); null otherwise or where it does not compile. */
    private static LaunchSums.Site sumSite(Method kernel) {
        try {
            return LaunchSums.site(KernelCompiler.compile(kernel).ir());
        } catch (RuntimeException notCompiled) {
            return null;
        }
    }

    /** Whether {@code kernel} walks memory along global id 1 ({@link LaunchOrder#contiguousDim}); false where it does not compile. */
    private static boolean prefersColumns(Method kernel) {
        try {
            return LaunchOrder.contiguousDim(KernelCompiler.compile(kernel).ir()) == 1;
        } catch (RuntimeException notCompiled) {
            return false;
        }
    }

    private static byte[] bytes(Method kernel, Class<?> owner, DivisionCopies.Plan plan, LaunchSums.Site sums, CodeModel code,
                                boolean columns) {
        ClassDesc self = ClassDesc.of(owner.getPackageName().isEmpty() ? "JdpxLoop"
                : owner.getPackageName() + ".JdpxLoop");
        ClassDesc ownerDesc = ClassDesc.of(owner.getName());
        Class<?>[] params = kernel.getParameterTypes();
        MethodTypeDesc kernelType = MethodType.methodType(void.class, params).describeConstable().orElseThrow();
        ClassLoader loader = owner.getClassLoader();
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(
                        loader != null ? loader : ClassLoader.getPlatformClassLoader()))));
        ClassDesc target = plan.kernel() == null ? ownerDesc : self;
        String targetName = plan.kernel() == null ? kernel.getName() : plan.kernel().name();
        return cf.build(self, cb -> {
            cb.withFlags(ACC_PUBLIC | ACC_FINAL)
                    .withMethodBody("run", RUN, ACC_PUBLIC | ACC_STATIC, b -> loop(b, AT, target, targetName, kernelType, params));
            DivisionCopies.addTo(cb, self, plan.copies());
            if (sums != null) {
                LaunchSums.addCopy(cb, SUM_COPY, kernel, code, sums);
                MethodTypeDesc copyType = LaunchSums.copyType(kernel, sums);
                cb.withMethodBody(SUM_RUN, RUN, ACC_PUBLIC | ACC_STATIC, b -> sumLoop(b, AT, self, copyType, params, sums.kind()));
                if (columns) {
                    cb.withMethodBody(COLUMN_RUN, RUN, ACC_PUBLIC | ACC_STATIC, b -> sumLoop(b, AT_Y, self, copyType, params, sums.kind()));
                }
            } else if (columns) {
                cb.withMethodBody(COLUMN_RUN, RUN, ACC_PUBLIC | ACC_STATIC, b -> loop(b, AT_Y, target, targetName, kernelType, params));
            }
        });
    }

    /** {@code run(ctx, from, to, args)}: unpack args into locals, then call the kernel for each x. */
    private static void loop(CodeBuilder code, String at, ClassDesc owner, String name, MethodTypeDesc type, Class<?>[] params) {
        int[] slots = unpack(code, params);
        Label head = code.newLabel();
        Label end = code.newLabel();
        code.labelBinding(head);
        code.iload(1).iload(2).if_icmpge(end);
        call(code, at, 0, owner, name, type, params, slots);
        code.iinc(1, 1).goto_(head);
        code.labelBinding(end);
        code.return_();
    }

    /** Moves the context to item {@code x + step} and calls the kernel (or its copy) there, leaving what it returns. */
    private static void call(CodeBuilder code, String at, int step, ClassDesc owner, String name, MethodTypeDesc type,
                             Class<?>[] params, int[] slots) {
        code.aload(0).iload(1);
        if (step != 0) code.loadConstant(step).iadd();
        code.invokestatic(CD_LOOPS, at, MethodTypeDesc.of(ConstantDescs.CD_void, CD_KERNEL_CONTEXT, ConstantDescs.CD_int));
        code.aload(0);
        for (int i = 1; i < params.length; i++) {
            code.loadLocal(java.lang.classfile.TypeKind.from(params[i]), slots[i]);
        }
        code.invokestatic(owner, name, type);
    }

    /**
     * {@code runSum(ctx, from, to, args)}: as {@code run}, calling the kernel's {@link LaunchSums}
     * copy and adding what each item returns into one of {@value #SUM_LANES} running sums (item
     * {@code from + 4k + j} into sum j), handed to the context at the end ({@link #addSum}).
     */
    private static void sumLoop(CodeBuilder code, String at, ClassDesc self, MethodTypeDesc type, Class<?>[] params, TypeKind kind) {
        int[] slots = unpack(code, params);
        int[] sums = new int[SUM_LANES];
        for (int j = 0; j < SUM_LANES; j++) {
            sums[j] = slots[0] + j * kind.slotSize();
            switch (kind) {
                case INT -> code.iconst_0();
                case LONG -> code.lconst_0();
                case FLOAT -> code.loadConstant(-0.0f);
                default -> code.loadConstant(-0.0d);
            }
            code.storeLocal(kind, sums[j]);
        }
        Label head = code.newLabel(), rest = code.newLabel(), restHead = code.newLabel(), end = code.newLabel();
        code.labelBinding(head);
        code.iload(2).iload(1).isub().loadConstant(SUM_LANES).if_icmplt(rest);
        for (int j = 0; j < SUM_LANES; j++) {
            code.loadLocal(kind, sums[j]);
            call(code, at, j, self, SUM_COPY, type, params, slots);
            add(code, kind);
            code.storeLocal(kind, sums[j]);
        }
        code.iinc(1, SUM_LANES).goto_(head);
        code.labelBinding(rest);
        code.labelBinding(restHead);
        code.iload(1).iload(2).if_icmpge(end);
        code.loadLocal(kind, sums[0]);
        call(code, at, 0, self, SUM_COPY, type, params, slots);
        add(code, kind);
        code.storeLocal(kind, sums[0]);
        code.iinc(1, 1).goto_(restHead);
        code.labelBinding(end);
        code.aload(0);
        code.loadLocal(kind, sums[0]).loadLocal(kind, sums[1]);
        add(code, kind);
        code.loadLocal(kind, sums[2]).loadLocal(kind, sums[3]);
        add(code, kind);
        add(code, kind);
        code.invokestatic(CD_LOOPS, "addSum", MethodTypeDesc.of(ConstantDescs.CD_void, CD_KERNEL_CONTEXT, kind.upperBound()));
        code.return_();
    }

    private static void add(CodeBuilder code, TypeKind kind) {
        switch (kind) {
            case INT -> code.iadd();
            case LONG -> code.ladd();
            case FLOAT -> code.fadd();
            default -> code.dadd();
        }
    }

    /** Takes the kernel's arguments out of {@code args} (local 3) into locals; returns their slots by parameter, and the first free one at 0. */
    private static int[] unpack(CodeBuilder code, Class<?>[] params) {
        int[] slots = new int[params.length];
        int next = 4;
        for (int i = 1; i < params.length; i++) {
            Class<?> p = params[i];
            code.aload(3).loadConstant(i - 1).aaload();
            if (p.isPrimitive()) {
                Class<?> box = MethodType.methodType(p).wrap().returnType();
                ClassDesc boxDesc = ClassDesc.of(box.getName());
                code.checkcast(boxDesc).invokevirtual(boxDesc, p.getName() + "Value",
                        MethodTypeDesc.of(p.describeConstable().orElseThrow()));
            } else {
                code.checkcast(p.describeConstable().orElseThrow());
            }
            slots[i] = next;
            code.storeLocal(java.lang.classfile.TypeKind.from(p), next);
            next += p == long.class || p == double.class ? 2 : 1;
        }
        slots[0] = next; // the context is local 0 already: its entry tells the first free local
        return slots;
    }
}
