package org.jdpx.tensor.fusion;

import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.tensor.DType;

/**
 * Work-group steps in local memory for the GPU plan's kernels: a tree reduction of one value
 * per work-item (with its position for argmin/argmax) and an inclusive scan across a group.
 * Every work-item of the group must run them (they hold barriers); the group size is a
 * power of two fixed when the kernel is built.
 */
final class GroupTree {
    private GroupTree() {
    }

    /** The work-item's index in its group. */
    static Var localId(IrBuilder b) {
        Var lid = b.local("lid", Scalar.I32);
        b.assign(lid, b.workItem(WorkItemFn.LOCAL_ID, 0));
        return lid;
    }

    /** The group's index. */
    static Var groupId(IrBuilder b) {
        Var g = b.local("grp", Scalar.I32);
        b.assign(g, b.workItem(WorkItemFn.GROUP_ID, 0));
        return g;
    }

    /** A local-memory array of {@code n} registers of {@code t}. */
    static Var localArray(IrBuilder b, String name, Scalar t, long n) {
        return b.local(name, new ArrayType(t, Math.toIntExact(n), AddressSpace.LOCAL));
    }

    /**
     * Folds the group's values {@code a} (and positions {@code pos}, null for value
     * reductions) into work-item 0's {@code a}/{@code pos}: log2(group) halving steps, each
     * after a barrier.
     */
    static void reduce(Lowering low, ReduceOp op, DType t, Var a, Var pos, Var lid, long group) {
        IrBuilder b = low.builder();
        Var vals = localArray(b, "tv", Lowering.compute(t), group);
        Var poss = pos == null ? null : localArray(b, "tp", Scalar.I64, group);
        b.store(b.read(vals), b.read(lid), b.read(a));
        if (poss != null) b.store(b.read(poss), b.read(lid), b.read(pos));
        for (long s = group / 2; s > 0; s >>= 1) {
            b.barrier(false);
            Expr other = b.add(b.read(lid), b.i32((int) s));
            b.ifThen(b.compare(CmpOp.LT, b.read(lid), b.i32((int) s)), () -> {
                // The item's own value again from local memory, not from its register: PoCL 3.1
                // lost the register across the first barrier after a loop whose every step
                // multiplied by a constant 0 (the product of isinf(a bool array) came out 1).
                b.assign(a, b.load(b.read(vals), b.read(lid)));
                if (poss != null) b.assign(pos, b.load(b.read(poss), b.read(lid)));
                if (poss == null) {
                    low.accumulate(op, t, a, b.load(b.read(vals), other));
                } else {
                    takeIfBetter(low, op, t, a, pos, b.load(b.read(vals), other), b.load(b.read(poss), other));
                    b.store(b.read(poss), b.read(lid), b.read(pos));
                }
                b.store(b.read(vals), b.read(lid), b.read(a));
            });
        }
    }

    /**
     * Replaces {@code (best, pos)} by {@code (v, j)} when {@code v} is the better answer of
     * argmin/argmax with NumPy's ties: strictly better, or equal at an earlier position; a NaN
     * beats every number and the earliest NaN wins. Positions need not arrive in order, so
     * partial results of interleaved parts combine in any order. An empty accumulator holds
     * the op's identity at position {@link Long#MAX_VALUE}.
     */
    static void takeIfBetter(Lowering low, ReduceOp op, DType t, Var best, Var pos, Expr v, Expr j) {
        IrBuilder b = low.builder();
        Var cand = low.temp(Lowering.compute(t));
        Var at = low.temp(Scalar.I64);
        b.assign(cand, v);
        b.assign(at, j);
        Expr earlier = b.compare(CmpOp.LT, b.read(at), b.read(pos));
        Expr better = low.compare(t, op == ReduceOp.ARGMAX ? CmpOp.GT : CmpOp.LT, b.read(cand), b.read(best));
        Expr tie = new Expr.Logic(true, low.compare(t, CmpOp.EQ, b.read(cand), b.read(best)), earlier);
        Expr take = new Expr.Logic(false, better, tie);
        if (t.isFloat()) {
            Scalar c = Lowering.compute(t);
            Expr candNan = b.math(MathFn.ISNAN, c, b.read(cand));
            Expr bestNan = b.math(MathFn.ISNAN, c, b.read(best));
            Expr overNan = new Expr.Logic(true, bestNan, new Expr.Logic(true, candNan, earlier));
            Expr overNumber = new Expr.Logic(true, new Expr.Unary(UnOp.NOT, bestNan),
                    new Expr.Logic(false, b.math(MathFn.ISNAN, c, b.read(cand)), take));
            take = new Expr.Logic(false, overNan, overNumber);
        }
        b.ifThen(take, () -> {
            b.assign(best, b.read(cand));
            b.assign(pos, b.read(at));
        });
    }

    /**
     * Replaces each work-item's {@code v} by the inclusive {@code op}-scan of the group's values
     * in local-id order (Hillis-Steele: log2(group) steps of two barriers); {@code vals} is
     * a local array of the group's size, left holding the scanned values.
     */
    static void inclusiveScan(Lowering low, ReduceOp op, DType t, Var v, Var vals, Var lid, long group) {
        IrBuilder b = low.builder();
        Var other = low.temp(Lowering.compute(t));
        b.store(b.read(vals), b.read(lid), b.read(v));
        for (long s = 1; s < group; s <<= 1) {
            Expr has = b.compare(CmpOp.GE, b.read(lid), b.i32((int) s));
            Expr from = b.sub(b.read(lid), b.i32((int) s));
            b.barrier(false);
            b.ifThen(has, () -> b.assign(other, b.load(b.read(vals), from)));
            b.barrier(false);
            b.ifThen(has, () -> {
                low.accumulate(op, t, v, b.read(other));
                b.store(b.read(vals), b.read(lid), b.read(v));
            });
        }
        b.barrier(false);
    }
}
