package org.jdpx.kernels.jvm;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.OperatorInstruction;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;

/**
 * Conditions for {@link JvmFunctionCode}: they branch directly ({@code if_icmp*}, {@code fcmpg}/{@code fcmpl}
 * chosen so that a comparison with NaN is false, short-circuit {@code &&}/{@code ||}) instead of
 * materialising booleans, which only a condition used as a value does.
 */
final class JvmConditionCode {
    private final JvmFunctionCode f;
    private final CodeBuilder code;

    JvmConditionCode(JvmFunctionCode f, CodeBuilder code) {
        this.f = f;
        this.code = code;
    }

    void booleanValue(Expr cond) {
        java.lang.classfile.Label yes = code.newLabel();
        java.lang.classfile.Label end = code.newLabel();
        branch(cond, true, yes);
        code.iconst_0().goto_(end);
        code.labelBinding(yes);
        code.iconst_1();
        code.labelBinding(end);
    }

    /** Jumps to {@code target} exactly when {@code cond} evaluates to {@code when}; falls through otherwise. */
    void branch(Expr cond, boolean when, java.lang.classfile.Label target) {
        switch (cond) {
            case Expr.Compare c -> compare(c, when, target);
            case Expr.Logic l -> {
                if (l.and() == when) {
                    // (a && b) true, or (a || b) false: both operands must agree
                    java.lang.classfile.Label skip = code.newLabel();
                    branch(l.left(), !when, skip);
                    branch(l.right(), when, target);
                    code.labelBinding(skip);
                } else {
                    branch(l.left(), when, target);
                    branch(l.right(), when, target);
                }
            }
            case Expr.Unary u when u.op() == UnOp.NOT -> branch(u.operand(), !when, target);
            case Expr.Const k -> {
                if ((k.bits() != 0) == when) code.goto_(target);
            }
            default -> {
                f.expr(cond);
                code.branch(when ? Opcode.IFNE : Opcode.IFEQ, target);
            }
        }
    }

    private void compare(Expr.Compare c, boolean when, java.lang.classfile.Label target) {
        Scalar t = c.left().scalar();
        if (t.isFloat()) {
            // fcmpg yields 1 for NaN, fcmpl -1: pick the one that makes an unordered comparison false
            CmpOp op = c.op();
            boolean g = op == CmpOp.LT || op == CmpOp.LE;
            f.expr(c.left());
            f.expr(c.right());
            code.with(OperatorInstruction.of(Opcode.valueOf((t == Scalar.F32 ? "FCMP" : "DCMP") + (g ? "G" : "L"))));
            // negating the test of the fcmp result is exact: the NaN case is already mapped to the failing side
            code.branch(zeroTest(when ? op : op.negateForIntegers()), target);
            return;
        }
        CmpOp op = when ? c.op() : c.op().negateForIntegers();
        f.expr(c.left());
        if (t == Scalar.I64) {
            f.expr(c.right());
            code.lcmp().branch(zeroTest(op), target);
        } else if (c.right() instanceof Expr.Const k && k.bits() == 0) {
            code.branch(zeroTest(op), target);
        } else {
            f.expr(c.right());
            code.branch(Opcode.valueOf("IF_ICMP" + op.name()), target);
        }
    }

    private static Opcode zeroTest(CmpOp op) {
        return Opcode.valueOf("IF" + op.name());
    }
}
