package org.jdpx.kernels.prange;

import java.lang.classfile.Attributes;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeAnnotation;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdpx.kernels.Parallel;

/**
 * One {@code for (@Parallel int i = a; i < b; i++)} loop as javac lays it out: the condition at
 * the head ({@code load i; bound; if_icmpge exit}), the body, the increment and a {@code goto}
 * back. Positions are element indices of the {@link ScannedMethod}.
 *
 * @param ivSlot the loop variable's slot
 * @param kind INT or LONG
 * @param head first element of the loop (the label the annotation's range starts at)
 * @param boundFrom first instruction of the bound expression
 * @param boundTo end (exclusive) of the bound expression
 * @param inclusive true for {@code i <= b}
 * @param bodyFrom first element of the body
 * @param bodyTo end (exclusive) of the body: where the increment starts
 * @param exit element index of the exit label
 */
record LoopShape(String var, int ivSlot, TypeKind kind, int head, int boundFrom, int boundTo, boolean inclusive,
                 int bodyFrom, int bodyTo, int exit) {

    private static final String PARALLEL = Parallel.class.descriptorString();

    /** The parallel loops of {@code m} in source order. */
    static List<LoopShape> find(ScannedMethod m) {
        List<LoopShape> out = new ArrayList<>();
        m.code.findAttribute(Attributes.runtimeVisibleTypeAnnotations()).ifPresent(attr -> {
            for (TypeAnnotation ta : attr.annotations()) {
                if (!ta.annotation().className().equalsString(PARALLEL)) continue;
                if (!(ta.targetInfo() instanceof TypeAnnotation.LocalVarTarget lv)) continue;
                for (TypeAnnotation.LocalVarTargetInfo info : lv.table()) {
                    out.add(parse(m, info.startLabel(), info.endLabel(), info.index()));
                }
            }
        });
        out.sort(Comparator.comparingInt(LoopShape::head));
        return out;
    }

    private static LoopShape parse(ScannedMethod m, Label start, Label end, int slot) {
        int head = m.pos(start);
        int exit = m.pos(end);
        String var = m.localName(slot, head);
        String form = "@Parallel marks the variable of a counted loop written as for (@Parallel int " + var
                + " = start; " + var + " < end; " + var + "++) (or long, or <=); ";
        int load = m.nextInsn(head);
        if (!(load < exit && m.insn(load) instanceof LoadInstruction li && li.slot() == slot
                && (li.typeKind() == TypeKind.INT || li.typeKind() == TypeKind.LONG))) {
            throw m.error(head, form + "this one does not start by testing '" + var + "'");
        }
        TypeKind kind = ((LoadInstruction) m.insn(load)).typeKind();
        int branch = load + 1;
        while (branch < exit && !(m.elems.get(branch) instanceof BranchInstruction)) branch++;
        if (branch >= exit || !(m.insn(branch) instanceof BranchInstruction b) || b.target() != end) {
            throw m.error(head, form + "this one's condition is not a single comparison with the end");
        }
        int boundTo = branch;
        Opcode op = b.opcode();
        if (kind == TypeKind.LONG) {
            boundTo = m.prevInsn(branch);
            if (m.insn(boundTo).opcode() != Opcode.LCMP) throw m.error(head, form + "this one compares differently");
        }
        boolean strict = op == (kind == TypeKind.INT ? Opcode.IF_ICMPGE : Opcode.IFGE);
        boolean inclusive = op == (kind == TypeKind.INT ? Opcode.IF_ICMPGT : Opcode.IFGT);
        if (!strict && !inclusive) throw m.error(head, form + "this one's condition is not '<' or '<='");
        int back = m.prevInsn(exit);
        if (back < 0 || !(m.insn(back) instanceof BranchInstruction g) || g.opcode() != Opcode.GOTO || g.target() != start) {
            throw m.error(head, form + "this one does not loop back to its test");
        }
        int inc = incrementStart(m, back, slot, kind);
        if (inc < 0) throw m.error(back, form + "this one does not step by 1");
        int bodyTo = inc;
        while (bodyTo > branch + 1 && !(m.elems.get(bodyTo - 1) instanceof Instruction)) bodyTo--;
        return new LoopShape(var, slot, kind, head, load + 1, boundTo, inclusive, branch + 1, bodyTo, exit);
    }

    /** Where the {@code i++} before the back jump starts, or -1 when it is something else. */
    private static int incrementStart(ScannedMethod m, int back, int slot, TypeKind kind) {
        int p = m.prevInsn(back);
        if (kind == TypeKind.INT) {
            return p >= 0 && m.insn(p) instanceof IncrementInstruction ii && ii.slot() == slot && ii.constant() == 1 ? p : -1;
        }
        if (p < 0 || !(m.insn(p) instanceof StoreInstruction st && st.slot() == slot)) return -1;
        int add = m.prevInsn(p);
        int one = m.prevInsn(add);
        int ld = m.prevInsn(one);
        boolean ok = ld >= 0 && m.insn(add).opcode() == Opcode.LADD && m.insn(one).opcode() == Opcode.LCONST_1
                && m.insn(ld) instanceof LoadInstruction l && l.slot() == slot;
        return ok ? ld : -1;
    }

    /** True when element {@code i} lies inside this loop (head to exit). */
    boolean contains(int i) {
        return i >= head && i < exit;
    }
}
