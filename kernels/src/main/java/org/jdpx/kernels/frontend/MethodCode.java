package org.jdpx.kernels.frontend;

import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LocalVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructions of one method as the frontend needs them: in order, each with its
 * bytecode offset and source line, plus where each label points and the local variable
 * table (for naming). Read once with the JDK ClassFile API.
 */
final class MethodCode {
    /** One real instruction with its position. */
    record Insn(Instruction insn, int bci, int line) {
    }

    final ClassModel classModel;
    final MethodModel method;
    final String className;
    final String simpleClassName;
    final String sourceFile;
    final List<Insn> insns = new ArrayList<>();
    final Map<Label, Integer> labelIndex = new HashMap<>();
    final List<LocalVariable> localVariables = new ArrayList<>();
    /** Line of the first instruction, for errors about the method as a whole (-1 if unknown). */
    final int firstLine;
    /** False when the class was compiled without line numbers ({@code javac -g:none}). */
    final boolean hasLineNumbers;
    final boolean hasExceptionHandlers;
    /** Line of the first exception handler's code (the catch clause), -1 if none. */
    final int handlerLine;

    MethodCode(ClassModel classModel, MethodModel method) {
        this.classModel = classModel;
        this.method = method;
        this.className = classModel.thisClass().asInternalName().replace('/', '.');
        String simple = className.substring(className.lastIndexOf('.') + 1);
        this.simpleClassName = simple.substring(simple.lastIndexOf('$') + 1);
        this.sourceFile = classModel.findAttribute(java.lang.classfile.Attributes.sourceFile())
                .map(SourceFileAttribute::sourceFile).map(u -> u.stringValue()).orElse(simple + ".java");
        CodeModel code = method.code().orElse(null);
        int line = -1;
        boolean lines = false;
        int bci = 0;
        boolean handlers = false;
        List<ExceptionCatch> catches = new ArrayList<>();
        List<Label> pending = new ArrayList<>();
        if (code != null) {
            for (CodeElement e : code) {
                switch (e) {
                    case LabelTarget lt -> pending.add(lt.label());
                    case LineNumber ln -> {
                        line = ln.line();
                        lines = true;
                    }
                    case LocalVariable lv -> localVariables.add(lv);
                    case ExceptionCatch ec -> {
                        handlers = true;
                        catches.add(ec);
                    }
                    case Instruction ins -> {
                        for (Label l : pending) labelIndex.put(l, insns.size());
                        pending.clear();
                        insns.add(new Insn(ins, bci, line));
                        bci += ins.sizeInBytes();
                    }
                    default -> { }
                }
            }
        }
        for (Label l : pending) labelIndex.put(l, insns.size());
        this.hasExceptionHandlers = handlers;
        this.hasLineNumbers = lines;
        int hLine = -1;
        for (ExceptionCatch ec : catches) {
            Integer at = labelIndex.get(ec.handler());
            if (at != null && at < insns.size()) {
                hLine = insns.get(at).line();
                break;
            }
        }
        this.handlerLine = hLine;
        this.firstLine = insns.isEmpty() ? -1 : insns.getFirst().line();
    }

    /** Index of the instruction a label points at. */
    int indexOf(Label l) {
        Integer i = labelIndex.get(l);
        if (i == null) throw new IllegalStateException("unknown label " + l);
        return i;
    }

    /** The LVT name of {@code slot} live at instruction index {@code at}, or null. */
    String nameAt(int slot, int at, char typeChar) {
        for (LocalVariable lv : localVariables) {
            if (lv.slot() != slot) continue;
            String d = lv.typeSymbol().descriptorString();
            if (!category(d.charAt(0)).equals(category(typeChar))) continue;
            int start = indexOf(lv.startScope());
            int end = indexOf(lv.endScope());
            if (at >= start - 1 && at < end) return lv.name().stringValue();
        }
        for (LocalVariable lv : localVariables) {
            String d = lv.typeSymbol().descriptorString();
            if (lv.slot() == slot && category(d.charAt(0)).equals(category(typeChar))) return lv.name().stringValue();
        }
        return null;
    }

    private static String category(char c) {
        return switch (c) {
            case 'I', 'Z', 'B', 'S', 'C' -> "I";
            case '[', 'L' -> "A";
            default -> String.valueOf(c);
        };
    }

    /** The name of the method for messages: {@code Simple.method}. */
    String displayName() {
        return simpleClassName + "." + method.methodName().stringValue();
    }
}
