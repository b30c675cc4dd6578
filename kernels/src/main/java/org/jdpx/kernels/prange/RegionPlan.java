package org.jdpx.kernels.prange;

import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.StackMapFrameInfo;
import java.lang.classfile.attribute.StackMapFrameInfo.SimpleVerificationTypeInfo;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ArrayView;

/**
 * What the compiler decided for one outermost parallel loop: the perfectly nested parallel loops
 * that become its 1 to 3 range dimensions, the inner parallel loops it runs serially (and why),
 * the values the body reads from outside ({@link LiveIn}) and the reductions it updates.
 * Throws {@link org.jdpx.kernels.KernelCompileException} naming the source line for a loop it
 * must refuse.
 */
final class RegionPlan {
    /** A value the body reads from before the loop: a kernel argument. */
    record LiveIn(int slot, Class<?> type, String name) {
    }

    /** A scalar reduction: its slot, operator, Java type, name and the line of its first update. */
    record Reduction(int slot, ReduceOp op, Class<?> type, String name, int line) {
    }

    /**
     * A whole-array reduction: a Java {@code int[]}, {@code long[]}, {@code float[]} or
     * {@code double[]} local from before the loop that the body only updates element-wise
     * ({@code a[k] += e}, ...); {@code line} is where the body first uses it. The operator is
     * read off the kernel's IR by {@link ReductionCheck}.
     */
    record ArrayReduction(int slot, Class<?> type, String name, int line) {
        /** The element type. */
        Class<?> elem() {
            return type.componentType();
        }
    }

    /** A parallel loop inside this region that runs serially, with the reason. */
    record Serialized(LoopShape loop, int line, String reason) {
    }

    final ScannedMethod m;
    final List<LoopShape> dims = new ArrayList<>();
    final List<Serialized> serialized = new ArrayList<>();
    final List<LiveIn> liveIns = new ArrayList<>();
    final List<Reduction> reductions = new ArrayList<>();
    final List<ArrayReduction> arrays = new ArrayList<>();

    RegionPlan(ScannedMethod m, LoopShape outer, List<LoopShape> all) {
        this.m = m;
        dims.add(outer);
        LoopShape cur = outer;
        while (true) {
            LoopShape inner = perfectlyNested(cur, all);
            if (inner == null) break;
            dims.add(inner);
            cur = inner;
        }
        int first = firstInner(cur, all);
        for (LoopShape l : all) {
            if (l == cur || !cur.contains(l.head())) continue;
            String why = "a parallel loop inside another parallel loop (line " + m.line(cur.head()) + ") runs serially";
            if (l.head() == first) {
                why += dims.size() == 3 ? " (ranges have at most 3 dimensions)" : notNestedWhy(cur, l);
            }
            serialized.add(new Serialized(l, m.line(l.head()), why));
        }
        analyze(cur);
    }

    /** The range's source line (the outermost loop's). */
    int line() {
        return m.line(dims.getFirst().head());
    }

    private static int firstInner(LoopShape cur, List<LoopShape> all) {
        for (LoopShape l : all) if (l != cur && cur.contains(l.head())) return l.head();
        return -1;
    }

    private String notNestedWhy(LoopShape outer, LoopShape inner) {
        if (init(outer, inner) == null) return " (statements between the two loop headers: not perfectly nested)";
        if (!trailingEmpty(outer, inner)) return " (statements after the inner loop: not perfectly nested)";
        return " (its bounds depend on an outer loop variable)";
    }

    /** The inner loop that continues the range, or null. */
    private LoopShape perfectlyNested(LoopShape outer, List<LoopShape> all) {
        if (dims.size() == 3) return null;
        for (LoopShape l : all) {
            if (l == outer || !outer.contains(l.head())) continue;
            // the first parallel loop inside: it must be the whole body
            if (init(outer, l) == null || !trailingEmpty(outer, l)) return null;
            for (LoopShape d : dims) {
                if (reads(init(outer, l)[0], init(outer, l)[1], d.ivSlot()) || reads(l.boundFrom(), l.boundTo(), d.ivSlot())) {
                    return null;
                }
            }
            return l;
        }
        return null;
    }

    /** The element range that sets the inner loop variable before its head, or null if anything else happens there. */
    int[] init(LoopShape outer, LoopShape inner) {
        int from = outer.bodyFrom(), to = inner.head();
        int lastStore = -1;
        for (int i = from; i < to; i++) {
            if (!(m.elems.get(i) instanceof Instruction ins)) continue;
            if (ins instanceof StoreInstruction s && s.slot() == inner.ivSlot()) lastStore = i;
            else if (ins instanceof StoreInstruction || ins instanceof IncrementInstruction || ins instanceof BranchInstruction
                    || ins instanceof ReturnInstruction || ins.opcode().name().contains("STORE")
                    || ins instanceof InvokeInstruction) {
                return null;
            }
        }
        return lastStore >= 0 && m.nextInsn(lastStore + 1) >= to ? new int[] {from, to} : null;
    }

    private boolean trailingEmpty(LoopShape outer, LoopShape inner) {
        return m.nextInsn(inner.exit()) >= outer.bodyTo();
    }

    private boolean reads(int from, int to, int slot) {
        for (int i = from; i < to; i++) {
            if (m.elems.get(i) instanceof LoadInstruction l && l.slot() == slot) return true;
        }
        return false;
    }

    private void analyze(LoopShape inner) {
        int from = inner.bodyFrom(), to = inner.bodyTo();
        checkControl(inner);
        BodyFlow flow = BodyFlow.of(m, from, to);
        StackMapFrameInfo.VerificationTypeInfo[] types = m.localsAt(((LabelTarget) m.elems.get(dims.getFirst().head())).label());
        for (LoopShape d : dims) {
            List<Integer> w = flow.writes.get(d.ivSlot());
            if (w != null) throw m.error(w.getFirst(), "the body assigns the parallel loop variable '" + d.var() + "'");
        }
        for (Map.Entry<Integer, Integer> e : flow.exposed.entrySet()) {
            int slot = e.getKey();
            if (dims.stream().anyMatch(d -> d.ivSlot() == slot)) continue;
            Class<?> type = javaType(types, slot, e.getValue());
            String name = m.localName(slot, e.getValue());
            List<Integer> writes = flow.writes.get(slot);
            if (writes == null && ReduceOp.arrayTypes().contains(type)) {
                arrays.add(new ArrayReduction(slot, type, name, m.line(e.getValue())));
            } else if (writes == null) {
                checkReadable(type, name, e.getValue());
                liveIns.add(new LiveIn(slot, type, name));
            } else {
                reductions.add(reduction(slot, type, name, e.getValue(), writes));
            }
        }
        for (Map.Entry<Integer, List<Integer>> e : flow.writes.entrySet()) {
            int slot = e.getKey();
            if (flow.exposed.containsKey(slot)) continue;
            int after = readAfter(slot);
            if (after >= 0) {
                throw m.error(e.getValue().getFirst(), "'" + m.localName(slot, e.getValue().getFirst()) + "' is assigned in the "
                        + "parallel loop and read after it (line " + m.line(after) + "), but iterations run in no order, so "
                        + "its value after the loop is undefined; make it a reduction (+=, *=, Math.min, Math.max) or keep it "
                        + "inside the loop");
            }
        }
    }

    private void checkControl(LoopShape inner) {
        for (int i = inner.bodyFrom(); i < inner.bodyTo(); i++) {
            List<java.lang.classfile.Label> targets = new ArrayList<>();
            switch (m.elems.get(i)) {
                case ReturnInstruction r -> throw m.error(i, "return inside a parallel loop; iterations cannot leave the method");
                case BranchInstruction b -> targets.add(b.target());
                case TableSwitchInstruction t -> t.cases().forEach(c -> targets.add(c.target()));
                case LookupSwitchInstruction t -> t.cases().forEach(c -> targets.add(c.target()));
                default -> { }
            }
            for (var t : targets) {
                int p = m.pos(t);
                if (p < inner.bodyFrom() || p >= inner.exit()) {
                    throw m.error(i, "break (or a jump) out of a parallel loop; every iteration must run to its end "
                            + "(use continue to skip the rest of an iteration)");
                }
            }
        }
    }

    private Class<?> javaType(StackMapFrameInfo.VerificationTypeInfo[] types, int slot, int at) {
        var v = slot < types.length ? types[slot] : null;
        if (v == SimpleVerificationTypeInfo.INTEGER) return int.class;
        if (v == SimpleVerificationTypeInfo.LONG) return long.class;
        if (v == SimpleVerificationTypeInfo.FLOAT) return float.class;
        if (v == SimpleVerificationTypeInfo.DOUBLE) return double.class;
        if (v instanceof StackMapFrameInfo.ObjectVerificationTypeInfo o) {
            String desc = o.classSymbol().descriptorString();
            String binary = desc.startsWith("[") ? desc.replace('/', '.') : desc.substring(1, desc.length() - 1).replace('/', '.');
            try {
                return Class.forName(binary, false, m.owner.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw m.error(at, "cannot load the type " + desc + " of '" + m.localName(slot, at) + "'");
            }
        }
        throw m.error(at, "'" + m.localName(slot, at) + "' may be unassigned when the parallel loop starts");
    }

    private void checkReadable(Class<?> type, String name, int at) {
        if (type.isPrimitive()) return;
        if (type.isArray()) {
            throw m.error(at, "the parallel loop reads Java array '" + name + "' (" + type.getSimpleName() + "); parallel "
                    + "loops take device arrays (DoubleArray.on(UsmMemory...) and friends) and never copy Java arrays "
                    + "behind your back: copy it into USM memory once and pass the view");
        }
        if (!ArrayView.class.isAssignableFrom(type) || type == ArrayView.class) {
            throw m.error(at, "the parallel loop uses '" + name + "' of type " + type.getSimpleName() + "; a loop body may read "
                    + "primitives and typed views (FloatArray, DoubleArray, IntArray, LongArray, ...) from outside");
        }
    }

    private Reduction reduction(int slot, Class<?> type, String name, int firstRead, List<Integer> writes) {
        ReduceOp op = null;
        for (int w : writes) {
            ReduceOp this1 = updateOp(w);
            if (this1 == null || !type.isPrimitive() || op != null && op != this1) {
                throw m.error(w, "'" + name + "' carries a value from one iteration to the next (read at line "
                        + m.line(firstRead) + ", assigned at line " + m.line(w) + ") and is not a reduction: only "
                        + "x += e, x -= e, x *= e, x = Math.min(x, e) and x = Math.max(x, e) on int, long, float and double "
                        + "may combine iterations (cross-iteration dependence)");
            }
            op = this1;
        }
        return new Reduction(slot, op, type, name, m.line(writes.getFirst()));
    }

    /** The reduction an assignment is, judged by the instruction that computes the stored value. */
    private ReduceOp updateOp(int w) {
        Instruction ins = m.insn(w);
        if (ins instanceof IncrementInstruction) return ReduceOp.SUM;
        int p = m.prevInsn(w);
        if (p < 0) return null;
        Instruction v = m.insn(p);
        if (v instanceof OperatorInstruction o) {
            String n = o.opcode().name();
            if (n.endsWith("ADD") || n.endsWith("SUB")) return ReduceOp.SUM;
            if (n.endsWith("MUL")) return ReduceOp.PROD;
        }
        if (v instanceof InvokeInstruction inv && inv.opcode() == Opcode.INVOKESTATIC
                && (inv.owner().asInternalName().equals("java/lang/Math") || inv.owner().asInternalName().equals("java/lang/StrictMath"))) {
            if (inv.name().equalsString("min")) return ReduceOp.MIN;
            if (inv.name().equalsString("max")) return ReduceOp.MAX;
        }
        return null;
    }

    /** The first element after the outermost loop that reads {@code slot} before writing it, scanning forward; -1 if none. */
    private int readAfter(int slot) {
        for (int i = dims.getFirst().exit(); i < m.elems.size(); i++) {
            switch (m.elems.get(i)) {
                case LoadInstruction l when l.slot() == slot -> { return i; }
                case IncrementInstruction ii when ii.slot() == slot -> { return i; }
                case StoreInstruction s when s.slot() == slot -> { return -1; }
                default -> { }
            }
        }
        return -1;
    }
}
