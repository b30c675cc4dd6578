package org.jdpx.kernels.prange;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.StackMapFrameInfo;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LocalVariable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.KernelCompileException;

/**
 * One method's bytecode laid out for the prange passes: its code elements in order, where each
 * label is bound, the source line of every element, the verifier's local types at branch targets
 * and the names of locals where the class file has them.
 */
final class ScannedMethod {
    final Method method;
    final Class<?> owner;
    final MethodModel model;
    final CodeModel code;
    final List<CodeElement> elems;
    final String sourceFile;
    /** Local slots the method uses. */
    final int maxLocals;
    private final Map<Label, Integer> labelPos = new HashMap<>();
    private final Map<Label, List<StackMapFrameInfo.VerificationTypeInfo>> frames = new HashMap<>();
    private final int[] lines;

    private ScannedMethod(Method method, ClassModel cm, MethodModel mm) {
        this.method = method;
        this.owner = method.getDeclaringClass();
        this.model = mm;
        this.code = mm.code().orElseThrow(() -> new IllegalArgumentException(describe(method) + " has no bytecode"));
        this.elems = code.elementList();
        this.maxLocals = ((java.lang.classfile.attribute.CodeAttribute) code).maxLocals();
        this.sourceFile = cm.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue())
                .orElse(owner.getSimpleName() + ".java");
        this.lines = new int[elems.size() + 1];
        int line = -1;
        for (int i = 0; i < elems.size(); i++) {
            CodeElement e = elems.get(i);
            if (e instanceof LineNumber ln) line = ln.line();
            if (e instanceof LabelTarget lt) labelPos.put(lt.label(), i);
            lines[i] = line;
        }
        lines[elems.size()] = line;
        code.findAttribute(Attributes.stackMapTable()).ifPresent(t -> {
            for (StackMapFrameInfo f : t.entries()) frames.put(f.target(), f.locals());
        });
    }

    /** Reads the class file of {@code method}'s class through its class loader. */
    static ScannedMethod of(Method method) {
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("Prange.compile takes a static method; " + describe(method) + " is not static");
        }
        Class<?> owner = method.getDeclaringClass();
        ClassLoader l = owner.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : owner.getClassLoader();
        byte[] bytes;
        try (InputStream in = l.getResourceAsStream(owner.getName().replace('.', '/') + ".class")) {
            if (in == null) throw new IllegalArgumentException("the class file of " + owner.getName() + " is not available");
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the class file of " + owner.getName(), e);
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        String desc = java.lang.invoke.MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString();
        for (MethodModel mm : cm.methods()) {
            if (mm.methodName().equalsString(method.getName()) && mm.methodType().equalsString(desc)) {
                return new ScannedMethod(method, cm, mm);
            }
        }
        throw new IllegalArgumentException(describe(method) + " not found in its class file");
    }

    static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }

    /** Element index where {@code l} is bound. */
    int pos(Label l) {
        Integer p = labelPos.get(l);
        if (p == null) throw new IllegalStateException("label not bound in " + describe(method));
        return p;
    }

    /** The source line of element {@code i} (-1 when the class has no line table). */
    int line(int i) {
        return lines[Math.min(i, lines.length - 1)];
    }

    /** {@code File.java:line} for element {@code i}. */
    String where(int i) {
        return sourceFile + ":" + line(i);
    }

    /** Index of the first real instruction at or after {@code i}, or {@code elems.size()}. */
    int nextInsn(int i) {
        while (i < elems.size() && !(elems.get(i) instanceof Instruction)) i++;
        return i;
    }

    /** Index of the last real instruction before {@code i}, or -1. */
    int prevInsn(int i) {
        i--;
        while (i >= 0 && !(elems.get(i) instanceof Instruction)) i--;
        return i;
    }

    /** The real instruction at {@code i}. */
    Instruction insn(int i) {
        return (Instruction) elems.get(i);
    }

    /** The verifier's type of every local slot at the branch target {@code l}, one entry per slot (null: unset). */
    StackMapFrameInfo.VerificationTypeInfo[] localsAt(Label l) {
        List<StackMapFrameInfo.VerificationTypeInfo> f = frames.get(l);
        if (f == null) throw new IllegalStateException("no stack map frame at a loop head of " + describe(method));
        List<StackMapFrameInfo.VerificationTypeInfo> out = new ArrayList<>();
        for (StackMapFrameInfo.VerificationTypeInfo v : f) {
            out.add(v);
            if (v == StackMapFrameInfo.SimpleVerificationTypeInfo.LONG
                    || v == StackMapFrameInfo.SimpleVerificationTypeInfo.DOUBLE) {
                out.add(null);
            }
        }
        return out.toArray(new StackMapFrameInfo.VerificationTypeInfo[0]);
    }

    /** The source name of local {@code slot} around element {@code i}: debug table, parameter name, or {@code local#slot}. */
    String localName(int slot, int i) {
        for (CodeElement e : elems) {
            if (e instanceof LocalVariable lv && lv.slot() == slot && pos(lv.startScope()) <= i + 1 && i < pos(lv.endScope())) {
                return lv.name().stringValue();
            }
        }
        int s = 0;
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            if (s == slot) return p.getName();
            s += p.getType() == long.class || p.getType() == double.class ? 2 : 1;
        }
        return "local#" + slot;
    }

    /** A compile error at element {@code i}: {@code Class.method (File.java:line): text}. */
    KernelCompileException error(int i, String text) {
        return new KernelCompileException("prange " + describe(method) + " (" + where(i) + "): " + text, line(i));
    }
}
