package org.jdpx.kernels.jvm;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PUBLIC;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
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
import org.jdpx.kernels.KernelContext;

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
     * How the java device calls a kernel method: {@code kernel} is the handle to call per work-item
     * (null: the method itself, through reflection), {@code loop} the generated row loop (null
     * where the class cannot host one); {@code runIr} true when the method divides where no copy
     * with the devices' division rule could be made ({@link DivisionCopies}), so the runner must
     * execute the kernel's IR instead.
     */
    record Hosted(MethodHandle kernel, MethodHandle loop, boolean runIr) {
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
            byte[] bytes = bytes(kernel, owner, plan);
            Class<?> host = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE).lookupClass();
            MethodType type = MethodType.methodType(void.class, kernel.getParameterTypes());
            MethodHandle copy = plan.kernel() == null ? null : lookup.findStatic(host, plan.kernel().name(), type);
            return new Hosted(copy, lookup.findStatic(host, "run", RUN_TYPE), false);
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError | IllegalArgumentException e) {
            return fallback;
        }
    }

    private static byte[] bytes(Method kernel, Class<?> owner, DivisionCopies.Plan plan) {
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
                    .withMethodBody("run", RUN, ACC_PUBLIC | ACC_STATIC, code -> loop(code, target, targetName, kernelType, params));
            DivisionCopies.addTo(cb, self, plan.copies());
        });
    }

    /** {@code run(ctx, from, to, args)}: unpack args into locals, then call the kernel for each x. */
    private static void loop(CodeBuilder code, ClassDesc owner, String name, MethodTypeDesc type, Class<?>[] params) {
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
        Label head = code.newLabel();
        Label end = code.newLabel();
        code.labelBinding(head);
        code.iload(1).iload(2).if_icmpge(end);
        code.aload(0).iload(1).invokestatic(CD_LOOPS, "at",
                MethodTypeDesc.of(ConstantDescs.CD_void, CD_KERNEL_CONTEXT, ConstantDescs.CD_int));
        code.aload(0);
        for (int i = 1; i < params.length; i++) {
            code.loadLocal(java.lang.classfile.TypeKind.from(params[i]), slots[i]);
        }
        code.invokestatic(owner, name, type);
        code.iinc(1, 1).goto_(head);
        code.labelBinding(end);
        code.return_();
    }
}
