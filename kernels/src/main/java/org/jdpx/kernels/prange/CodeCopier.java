package org.jdpx.kernels.prange;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.PseudoInstruction;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Copies a range of a scanned method's code into another method being built: local slots are
 * moved by a fixed offset, labels get fresh ones of the new method (a branch target can be
 * redirected, e.g. {@code continue} to the new loop's step), line numbers stay, debug tables go.
 */
final class CodeCopier {
    private final ScannedMethod m;
    private final CodeBuilder cb;
    private final int slotOffset;
    private final Map<Label, Label> labels = new HashMap<>();
    private final UnaryOperator<Label> redirect;
    private final HelperCopies helpers;

    /** @param redirect maps an original branch target to a label of the new method, or returns null to keep it */
    CodeCopier(ScannedMethod m, CodeBuilder cb, int slotOffset, UnaryOperator<Label> redirect) {
        this(m, cb, slotOffset, redirect, null);
    }

    /** Like the other constructor; calls and static reads the new class cannot make go through {@code helpers}. */
    CodeCopier(ScannedMethod m, CodeBuilder cb, int slotOffset, UnaryOperator<Label> redirect, HelperCopies helpers) {
        this.m = m;
        this.cb = cb;
        this.slotOffset = slotOffset;
        this.redirect = redirect;
        this.helpers = helpers;
    }

    /** The new method's label for original label {@code l}. */
    Label label(Label l) {
        Label r = redirect.apply(l);
        return r != null ? r : labels.computeIfAbsent(l, x -> cb.newLabel());
    }

    /** Copies elements {@code from} (inclusive) to {@code to} (exclusive). */
    void copy(int from, int to) {
        for (int i = from; i < to; i++) copy(m.elems.get(i));
    }

    /** Copies one element. */
    void copy(CodeElement e) {
        if (helpers != null && helpers.rewrite(cb, e)) return;
        switch (e) {
            case LabelTarget t -> {
                if (redirect.apply(t.label()) == null) cb.labelBinding(label(t.label()));
            }
            case LineNumber ln -> cb.lineNumber(ln.line());
            case ExceptionCatch c -> cb.exceptionCatch(label(c.tryStart()), label(c.tryEnd()), label(c.handler()),
                    c.catchType());
            case PseudoInstruction p -> { } // local variable tables and character ranges refer to the old layout
            case LoadInstruction l -> cb.loadLocal(l.typeKind(), l.slot() + slotOffset);
            case StoreInstruction s -> cb.storeLocal(s.typeKind(), s.slot() + slotOffset);
            case IncrementInstruction ii -> cb.iinc(ii.slot() + slotOffset, ii.constant());
            case BranchInstruction b -> cb.branch(b.opcode(), label(b.target()));
            case TableSwitchInstruction t -> cb.tableswitch(t.lowValue(), t.highValue(), label(t.defaultTarget()), cases(t.cases()));
            case LookupSwitchInstruction t -> cb.lookupswitch(label(t.defaultTarget()), cases(t.cases()));
            case Instruction ins -> cb.with(ins);
            default -> { }
        }
    }

    private List<SwitchCase> cases(List<SwitchCase> cs) {
        return cs.stream().map(c -> SwitchCase.of(c.caseValue(), label(c.target()))).toList();
    }
}
