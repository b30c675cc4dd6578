package org.jdpx.kernels.jvm;

import static java.lang.classfile.ClassFile.ACC_PUBLIC;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies of a {@code @Kernel} method, and of the helpers it calls that divide, with every
 * {@code idiv}, {@code irem}, {@code ldiv} and {@code lrem} routed through {@link JvmRuntime}'s
 * {@code div}/{@code rem}: on the java device {@code x / 0} and {@code x % 0} then give 0, as the
 * OpenCL C and SPIR-V every other device runs do, instead of throwing. The copies go into the
 * kernel's hidden loop class ({@link JvmLoops}), a nestmate of the kernel's class, so they read
 * and call its private members as the originals did; calls between copies are rewritten to the
 * copies; C2 inlines the small static helpers, so a division costs what it did.
 *
 * <p>A helper is copied only from the kernel class's own nest (the class and its nested
 * classes): elsewhere its private members would be out of reach. When a division sits in a helper
 * of another class, {@link #plan} says so and the runner executes the kernel's IR instead
 * ({@link JvmEmitter}), which has the devices' division rule too.
 */
final class DivisionCopies {
    private static final ClassDesc CD_RUNTIME = ClassDesc.of(JvmRuntime.class.getName());
    private static final MethodTypeDesc II_I = MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int);
    private static final MethodTypeDesc JJ_J = MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_long, ConstantDescs.CD_long);

    /** One method to copy: where it is, its code, and its name in the hidden class. */
    record Copy(String key, CodeModel code, String name, MethodTypeDesc type) {
    }

    /** What {@link #plan} found: the copies (kernel first; empty when nothing divides), or {@code reachable} false. */
    record Plan(List<Copy> copies, boolean reachable) {
        /** The kernel's own copy, or null when nothing needed copying. */
        Copy kernel() { return copies.isEmpty() ? null : copies.getFirst(); }
    }

    private final Class<?> owner;
    private final ClassLoader loader;
    private final Map<String, ClassModel> classes = new HashMap<>();
    private final Map<String, Boolean> divides = new HashMap<>();
    private final Map<String, MethodModel> methods = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private DivisionCopies(Class<?> owner) {
        this.owner = owner;
        ClassLoader l = owner.getClassLoader();
        this.loader = l != null ? l : ClassLoader.getSystemClassLoader();
    }

    /** Which methods {@code kernel} needs copied, or {@code reachable == false} when one is outside its nest. */
    static Plan plan(Method kernel) {
        DivisionCopies d = new DivisionCopies(kernel.getDeclaringClass());
        String key = key(internal(kernel.getDeclaringClass()), kernel.getName(),
                java.lang.invoke.MethodType.methodType(kernel.getReturnType(), kernel.getParameterTypes()).toMethodDescriptorString());
        if (!d.divides(key)) return new Plan(List.of(), true);
        List<Copy> copies = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of("run" + JvmLoops.RUN_TYPE.toMethodDescriptorString()));
        for (var e : d.divides.entrySet()) {
            if (!e.getValue()) continue;
            String k = e.getKey();
            if (!d.inNest(k.substring(0, k.indexOf('.')))) return new Plan(List.of(), false);
            MethodModel mm = d.methods.get(k);
            String desc = mm.methodType().stringValue();
            String name = mm.methodName().stringValue();
            for (int n = 2; !names.add(name + desc); n++) name = mm.methodName().stringValue() + "$" + n;
            Copy c = new Copy(k, mm.code().orElseThrow(), name, MethodTypeDesc.ofDescriptor(desc));
            if (k.equals(key)) copies.addFirst(c); else copies.add(c);
        }
        return new Plan(copies, true);
    }

    /** Adds the copies to the class being built as public static methods of {@code self}. */
    static void addTo(ClassBuilder cb, ClassDesc self, List<Copy> copies) {
        Map<String, Copy> byKey = new HashMap<>();
        for (Copy c : copies) byKey.put(c.key(), c);
        for (Copy c : copies) {
            cb.withMethod(c.name(), c.type(), ACC_PUBLIC | ACC_STATIC, mb -> mb.transformCode(c.code(), (code, e) -> {
                if (e instanceof Instruction i) {
                    switch (i.opcode()) {
                        case IDIV -> code.invokestatic(CD_RUNTIME, "div", II_I);
                        case IREM -> code.invokestatic(CD_RUNTIME, "rem", II_I);
                        case LDIV -> code.invokestatic(CD_RUNTIME, "div", JJ_J);
                        case LREM -> code.invokestatic(CD_RUNTIME, "rem", JJ_J);
                        default -> {
                            Copy callee = i instanceof InvokeInstruction inv && inv.opcode() == Opcode.INVOKESTATIC
                                    ? byKey.get(key(inv.owner().asInternalName(), inv.name().stringValue(), inv.type().stringValue())) : null;
                            if (callee != null) code.invokestatic(self, callee.name(), callee.type());
                            else code.with(e);
                        }
                    }
                } else {
                    code.with(e);
                }
            }));
        }
    }

    /** The code of {@code m} as its class file has it, or null where that cannot be read. */
    static CodeModel codeOf(Method m) {
        DivisionCopies d = new DivisionCopies(m.getDeclaringClass());
        MethodModel mm = d.method(key(internal(m.getDeclaringClass()), m.getName(),
                java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString()));
        return mm == null ? null : mm.code().orElse(null);
    }

    /** True when the method divides, or calls (statically) a method that does. */
    private boolean divides(String key) {
        Boolean known = divides.get(key);
        if (known != null) return known;
        if (!inProgress.add(key)) return false; // recursion: the frontend refuses it anyway
        MethodModel mm = method(key);
        boolean d = false;
        CodeModel code = mm == null ? null : mm.code().orElse(null);
        if (code != null) {
            for (CodeElement e : code) {
                if (!(e instanceof Instruction i)) continue;
                switch (i.opcode()) {
                    case IDIV, IREM, LDIV, LREM -> d = true;
                    case INVOKESTATIC -> {
                        InvokeInstruction inv = (InvokeInstruction) i;
                        String owner = inv.owner().asInternalName();
                        if (!platform(owner) && divides(key(owner, inv.name().stringValue(), inv.type().stringValue()))) d = true;
                    }
                    default -> { }
                }
            }
        }
        inProgress.remove(key);
        divides.put(key, d);
        if (mm != null) methods.put(key, mm);
        return d;
    }

    private static boolean platform(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/");
    }

    private MethodModel method(String key) {
        int dot = key.indexOf('.'), paren = key.indexOf('(');
        ClassModel cm = classModel(key.substring(0, dot));
        if (cm == null) return null;
        String name = key.substring(dot + 1, paren), desc = key.substring(paren);
        for (MethodModel mm : cm.methods()) {
            if (mm.methodName().equalsString(name) && mm.methodType().equalsString(desc)) return mm;
        }
        return null;
    }

    private ClassModel classModel(String internalName) {
        if (classes.containsKey(internalName)) return classes.get(internalName);
        ClassModel cm = null;
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in != null) cm = ClassFile.of().parse(in.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            cm = null; // unreadable: treated as not dividing, like a platform method
        }
        classes.put(internalName, cm);
        return cm;
    }

    private boolean inNest(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader).getNestHost() == owner.getNestHost();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    private static String key(String owner, String name, String desc) {
        return owner + "." + name + desc;
    }
}
