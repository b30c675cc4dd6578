package org.jdpx.kernels.prange;

import static java.lang.classfile.ClassFile.ACC_PRIVATE;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdpx.kernels.KernelCompileException;

/**
 * Static methods a loop body calls that the kernel class cannot reach: it lives in its own class
 * loader, so to the JVM it is in another package than the user's class and sees only public
 * methods of public classes. Such methods (private helpers, package-private ones, public ones of a
 * package-private class) are copied into the kernel class, transitively, and called there; the
 * OpenCL frontend compiles the copies as it would the originals. A helper that reads a static
 * field the kernel class cannot reach gets the value of a {@code static final} primitive (what
 * the frontend does for every device anyway) and is refused for anything else.
 */
final class HelperCopies {
    private record Target(ClassDesc owner, String name, MethodTypeDesc type) {
    }

    private final ClassDesc self;
    private final ClassLoader loader;
    private final Supplier<KernelCompileException> where;
    private final Map<Target, String> names = new LinkedHashMap<>();
    private final Deque<Target> pending = new ArrayDeque<>();
    private Target copying;

    /** @param where makes an exception naming the loop, to which a message is appended */
    HelperCopies(ClassDesc self, ClassLoader loader, Supplier<KernelCompileException> where) {
        this.self = self;
        this.loader = loader;
        this.where = where;
    }

    /** Writes {@code ins} to {@code cb}, as a call of a copy or a constant where needed; false when it is left to the caller. */
    boolean rewrite(CodeBuilder cb, CodeElement ins) {
        if (ins instanceof InvokeInstruction inv && inv.opcode() == Opcode.INVOKESTATIC && !reachable(inv.owner().asSymbol(),
                inv.name().stringValue(), inv.typeSymbol())) {
            cb.invokestatic(self, copyName(new Target(inv.owner().asSymbol(), inv.name().stringValue(), inv.typeSymbol())),
                    inv.typeSymbol());
            return true;
        }
        if (ins instanceof FieldInstruction f && f.opcode() == Opcode.GETSTATIC && !reachableField(f)) {
            cb.loadConstant(constant(f));
            return true;
        }
        return false;
    }

    /** Adds the copies (and what they call in turn) to the kernel class. */
    void writeTo(ClassBuilder clb) {
        while (!pending.isEmpty()) {
            Target t = pending.poll();
            copying = t;
            MethodModel mm = method(t);
            clb.withMethodBody(names.get(t), t.type(), ACC_PRIVATE | ACC_STATIC, cb -> {
                for (CodeElement e : mm.code().orElseThrow()) {
                    if (!rewrite(cb, e)) cb.with(e);
                }
            });
        }
    }

    private String copyName(Target t) {
        String n = names.get(t);
        if (n == null) {
            n = t.name();
            for (int k = 2; names.containsValue(n) || n.equals(KernelWriter.METHOD); k++) n = t.name() + "_" + k;
            names.put(t, n);
            pending.add(t);
        }
        return n;
    }

    private Class<?> load(ClassDesc c) {
        try {
            return Class.forName(c.descriptorString().substring(1, c.descriptorString().length() - 1).replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            throw fail("cannot load class " + c.displayName() + " that it calls");
        }
    }

    private boolean reachable(ClassDesc owner, String name, MethodTypeDesc type) {
        if (owner.equals(self)) return true;
        Class<?> c = load(owner);
        if (!Modifier.isPublic(c.getModifiers())) return false;
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getReturnType().describeConstable().orElseThrow().equals(type.returnType())
                    && java.util.Arrays.equals(java.util.Arrays.stream(m.getParameterTypes())
                            .map(p -> p.describeConstable().orElseThrow()).toArray(), type.parameterArray())) {
                return Modifier.isPublic(m.getModifiers());
            }
        }
        return true; // inherited from a supertype: the JVM resolves it there
    }

    private boolean reachableField(FieldInstruction f) {
        Class<?> c = load(f.owner().asSymbol());
        Field fd = field(c, f.name().stringValue());
        return fd == null || Modifier.isPublic(c.getModifiers()) && Modifier.isPublic(fd.getModifiers());
    }

    private static Field field(Class<?> c, String name) {
        for (Field fd : c.getDeclaredFields()) if (fd.getName().equals(name)) return fd;
        return null;
    }

    private ConstantDesc constant(FieldInstruction f) {
        Class<?> c = load(f.owner().asSymbol());
        Field fd = field(c, f.name().stringValue());
        String name = c.getSimpleName() + "." + fd.getName();
        if (!Modifier.isFinal(fd.getModifiers()) || !fd.getType().isPrimitive()) {
            throw fail("reads static field " + name + ", which is not a static final primitive; a kernel can only read such "
                    + "constants: make it static final, or pass the value to the method as a parameter");
        }
        try {
            fd.setAccessible(true);
            Object v = fd.get(null);
            return switch (v) {
                case Boolean b -> b ? 1 : 0;
                case Character ch -> (int) ch;
                case Byte b -> (int) b;
                case Short s -> (int) s;
                default -> (ConstantDesc) v;
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw fail("reads static field " + name + ", whose value jdpx cannot read (" + e.getMessage() + "): open its "
                    + "package to jdpx, or pass the value to the method as a parameter");
        }
    }

    private MethodModel method(Target t) {
        ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
        String res = t.owner().descriptorString().substring(1, t.owner().descriptorString().length() - 1) + ".class";
        try (InputStream in = l.getResourceAsStream(res)) {
            if (in == null) throw fail("calls " + t.owner().displayName() + "." + t.name() + ", whose class file is not available");
            for (MethodModel mm : ClassFile.of().parse(in.readAllBytes()).methods()) {
                if (mm.methodName().equalsString(t.name()) && mm.methodTypeSymbol().equals(t.type()) && mm.code().isPresent()) {
                    return mm;
                }
            }
        } catch (IOException e) {
            throw fail("cannot read the class file of " + t.owner().displayName());
        }
        throw fail("calls " + t.owner().displayName() + "." + t.name() + ", which has no code here (abstract or native)");
    }

    private KernelCompileException fail(String text) {
        KernelCompileException base = where.get();
        String who = copying == null ? "the loop body " : "helper " + copying.owner().displayName() + "." + copying.name()
                + " (called from the loop) ";
        return new KernelCompileException(base.getMessage() + who + text, base.line());
    }
}
