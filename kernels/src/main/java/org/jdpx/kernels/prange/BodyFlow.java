package org.jdpx.kernels.prange;

import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which locals a loop body reads before it writes them in an iteration (values that come from
 * outside the iteration) and which it writes, found by a definite-assignment pass over the body's
 * own control flow. Positions are element indices of the {@link ScannedMethod}.
 */
final class BodyFlow {
    /** Slot to the first element that reads it before any write in the same iteration. */
    final Map<Integer, Integer> exposed = new TreeMap<>();
    /** Slot to every element that writes it. */
    final Map<Integer, List<Integer>> writes = new TreeMap<>();

    private BodyFlow() {
    }

    static BodyFlow of(ScannedMethod m, int from, int to) {
        BodyFlow f = new BodyFlow();
        List<Integer> insns = new ArrayList<>();
        for (int i = from; i < to; i++) if (m.elems.get(i) instanceof Instruction) insns.add(i);
        if (insns.isEmpty()) return f;
        BitSet leader = new BitSet(to);
        leader.set(insns.getFirst());
        for (int k = 0; k < insns.size(); k++) {
            int i = insns.get(k);
            List<Integer> targets = targets(m, i, from, to);
            for (int t : targets) leader.set(t);
            if (m.insn(i) instanceof BranchInstruction || ends(m.insn(i))) {
                if (k + 1 < insns.size()) leader.set(insns.get(k + 1));
            }
        }
        List<int[]> blocks = new ArrayList<>(); // [firstInsnListIndex, lastInsnListIndex]
        for (int k = 0; k < insns.size(); k++) {
            if (leader.get(insns.get(k))) blocks.add(new int[] {k, k});
            else blocks.getLast()[1] = k;
        }
        int n = blocks.size();
        int slots = m.maxLocals;
        List<List<Integer>> preds = new ArrayList<>();
        for (int b = 0; b < n; b++) preds.add(new ArrayList<>());
        for (int b = 0; b < n; b++) {
            int last = insns.get(blocks.get(b)[1]);
            for (int t : targets(m, last, from, to)) preds.get(blockOf(blocks, insns, t)).add(b);
            boolean falls = !ends(m.insn(last)) && !(m.insn(last) instanceof BranchInstruction br
                    && (br.opcode() == Opcode.GOTO || br.opcode() == Opcode.GOTO_W));
            if (falls && b + 1 < n) preds.get(b + 1).add(b);
        }
        BitSet[] out = new BitSet[n];
        BitSet all = new BitSet(slots);
        all.set(0, slots);
        for (int b = 0; b < n; b++) out[b] = (BitSet) all.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < n; b++) {
                BitSet in = entry(b, preds, out, all);
                for (int k = blocks.get(b)[0]; k <= blocks.get(b)[1]; k++) def(m.insn(insns.get(k)), in);
                if (!in.equals(out[b])) {
                    out[b] = in;
                    changed = true;
                }
            }
        }
        for (int b = 0; b < n; b++) {
            BitSet defined = entry(b, preds, out, all);
            for (int k = blocks.get(b)[0]; k <= blocks.get(b)[1]; k++) {
                int i = insns.get(k);
                Instruction ins = m.insn(i);
                int read = ins instanceof LoadInstruction l ? l.slot() : ins instanceof IncrementInstruction ii ? ii.slot() : -1;
                if (read >= 0 && !defined.get(read)) f.exposed.putIfAbsent(read, i);
                int written = ins instanceof StoreInstruction s ? s.slot() : ins instanceof IncrementInstruction ii ? ii.slot() : -1;
                if (written >= 0) f.writes.computeIfAbsent(written, x -> new ArrayList<>()).add(i);
                def(ins, defined);
            }
        }
        return f;
    }

    private static BitSet entry(int b, List<List<Integer>> preds, BitSet[] out, BitSet all) {
        if (b == 0) return new BitSet();
        if (preds.get(b).isEmpty()) return (BitSet) all.clone();
        BitSet in = (BitSet) all.clone();
        for (int p : preds.get(b)) in.and(out[p]);
        return in;
    }

    private static void def(Instruction ins, BitSet defined) {
        if (ins instanceof StoreInstruction s) {
            defined.set(s.slot());
            if (s.typeKind().slotSize() == 2) defined.set(s.slot() + 1);
        }
    }

    private static boolean ends(Instruction ins) {
        return ins instanceof ReturnInstruction || ins instanceof ThrowInstruction
                || ins instanceof TableSwitchInstruction || ins instanceof LookupSwitchInstruction;
    }

    private static int blockOf(List<int[]> blocks, List<Integer> insns, int insnPos) {
        for (int b = blocks.size() - 1; b >= 0; b--) if (insns.get(blocks.get(b)[0]) <= insnPos) return b;
        return 0;
    }

    /** Branch targets of the instruction at {@code i} that lie inside the body, as instruction positions. */
    private static List<Integer> targets(ScannedMethod m, int i, int from, int to) {
        List<Integer> out = new ArrayList<>();
        List<java.lang.classfile.Label> labels = new ArrayList<>();
        switch (m.insn(i)) {
            case BranchInstruction b -> labels.add(b.target());
            case TableSwitchInstruction t -> {
                labels.add(t.defaultTarget());
                for (SwitchCase c : t.cases()) labels.add(c.target());
            }
            case LookupSwitchInstruction t -> {
                labels.add(t.defaultTarget());
                for (SwitchCase c : t.cases()) labels.add(c.target());
            }
            default -> { }
        }
        for (var l : labels) {
            int p = m.pos(l);
            if (p >= from && p < to && m.elems.get(p) instanceof LabelTarget) {
                int t = m.nextInsn(p);
                if (t < to) out.add(t);
            }
        }
        return out;
    }
}
