package org.jdpx.kernels.prange;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Unrolls a reduction loop inside each work-item: {@link #COPIES} copies of the body per step, each
 * with its own locals and so its own accumulators, combined once after the loop. A parallel
 * reduction may reassociate, and independent accumulators are what lets the CPU overlap the
 * iterations' latency and lets C2 and LLVM pack the copies into vector instructions:
 *
 * <pre>{@code
 * for (; i < hi - (COPIES - 1); i += COPIES) { body(i) with acc0; body(i + 1) with acc1; ... }
 * for (; i < hi; i++) body(i) with acc0;       // the remainder, the loop KernelWriter writes anyway
 * acc0 = acc0 op acc1 op ...
 * }</pre>
 *
 * Only small straight bodies (no inner loop) with scalar reductions and no array reductions are
 * unrolled; others gain nothing from it.
 */
final class Unrolling {
    /** Copies of the body per step: eight doubles fill an AVX-512 register. */
    static final int COPIES = 8;
    /** Instructions a body may have to be unrolled. */
    private static final int MAX_BODY = 120;

    private Unrolling() {
    }

    /** How many copies of the body {@code p}'s kernel runs per step: {@link #COPIES} or 1. */
    static int copies(RegionPlan p) {
        if (p.reductions.isEmpty() || !p.arrays.isEmpty() || !p.serialized.isEmpty()) return 1;
        LoopShape inner = p.dims.getLast();
        int insns = 0;
        for (int i = inner.bodyFrom(); i < inner.bodyTo(); i++) {
            if (!(p.m.elems.get(i) instanceof Instruction ins)) continue;
            if (++insns > MAX_BODY) return 1;
            if (ins instanceof BranchInstruction b && p.m.pos(b.target()) <= i) return 1; // an inner loop
        }
        return COPIES;
    }

    /**
     * Writes the unrolled loop over the innermost dimension, starting at its variable's current
     * value (in copy 0's slot) and leaving it where the remainder loop takes over.
     *
     * @param hi   the slot of the innermost loop's end (a long)
     * @param temp    two free long slots then one int slot
     * @param helpers where calls the kernel class cannot make go
     */
    static void loop(CodeBuilder cb, RegionPlan p, int off, int copies, int hi, int temp, HelperCopies helpers) {
        LoopShape inner = p.dims.getLast();
        boolean isInt = inner.kind() == TypeKind.INT;
        int iv = inner.ivSlot() + off, limit = temp, limitInt = temp + 2, stride = p.m.maxLocals;
        // the last start of a full step is hi - copies; as an int it is clamped so it cannot wrap
        cb.lload(hi).loadConstant((long) copies - 1).lsub().lstore(limit);
        if (isInt) {
            cb.lload(limit).loadConstant((long) Integer.MIN_VALUE).invokestatic(ClassDesc.of("java.lang.Math"), "max",
                    MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_long, ConstantDescs.CD_long)).l2i().istore(limitInt);
        }
        Label head = cb.newLabel(), done = cb.newLabel();
        cb.labelBinding(head);
        if (isInt) cb.iload(iv).iload(limitInt).if_icmpge(done);
        else cb.lload(iv).lload(limit).lcmp().ifge(done);
        for (int c = 0; c < copies; c++) {
            int to = off + c * stride;
            if (c > 0) {
                for (LoopShape d : p.dims) {
                    TypeKind t = d.kind();
                    cb.loadLocal(t, d.ivSlot() + off);
                    if (d == inner) {
                        if (isInt) cb.loadConstant(c).iadd();
                        else cb.loadConstant((long) c).ladd();
                    }
                    cb.storeLocal(t, d.ivSlot() + to);
                }
            }
            Label next = cb.newLabel();
            new CodeCopier(p.m, cb, to, l -> {
                int pos = p.m.pos(l);
                return pos >= inner.bodyTo() && pos < inner.exit() ? next : null;
            }, helpers).copy(inner.bodyFrom(), inner.bodyTo());
            cb.labelBinding(next);
        }
        if (isInt) cb.iinc(iv, copies);
        else cb.lload(iv).loadConstant((long) copies).ladd().lstore(iv);
        cb.goto_(head).labelBinding(done);
    }

    /** Folds every copy's accumulators into copy 0's: {@code acc = acc op acc_c}. */
    static void combine(CodeBuilder cb, RegionPlan p, int off, int copies) {
        for (RegionPlan.Reduction r : p.reductions) {
            TypeKind t = TypeKind.from(r.type());
            int acc = r.slot() + off;
            for (int c = 1; c < copies; c++) {
                cb.loadLocal(t, acc).loadLocal(t, r.slot() + off + c * p.m.maxLocals);
                switch (r.op()) {
                    case SUM -> cb.with(OperatorInstruction.of(switch (t) {
                        case INT -> Opcode.IADD; case LONG -> Opcode.LADD; case FLOAT -> Opcode.FADD; default -> Opcode.DADD; }));
                    case PROD -> cb.with(OperatorInstruction.of(switch (t) {
                        case INT -> Opcode.IMUL; case LONG -> Opcode.LMUL; case FLOAT -> Opcode.FMUL; default -> Opcode.DMUL; }));
                    case MIN, MAX -> {
                        ClassDesc d = r.type().describeConstable().orElseThrow();
                        cb.invokestatic(ClassDesc.of("java.lang.Math"), r.op() == ReduceOp.MIN ? "min" : "max",
                                MethodTypeDesc.of(d, d, d));
                    }
                }
                cb.storeLocal(t, acc);
            }
        }
    }
}
