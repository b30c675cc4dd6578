package org.jdpx.kernels.frontend;

import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Scalar;

/**
 * Constants, arithmetic, comparisons and conversions for {@link MethodTranslator}: each pops its
 * operands and pushes an expression (folded where {@link ConstantFolds} can); a double narrowed
 * to float goes through {@link FloatDemotion} or is noted for devices without fp64.
 */
final class ValueInstructions {
    private ValueInstructions() {
    }

    static void constant(MethodTranslator t, ConstantInstruction ci) {
        if (ci.opcode() == Opcode.ACONST_NULL) {
            t.pushRef(new SVal.Null());
            return;
        }
        Object v = ci.constantValue();
        switch (v) {
            case Integer i -> t.push(Expr.Const.i32(i));
            case Long l -> t.push(Expr.Const.i64(l));
            case Float f -> t.push(Expr.Const.f32(f));
            case Double d -> t.push(Expr.Const.f64(d));
            case String s -> throw t.error("string use (\"" + s + "\") is not allowed in a kernel");
            default -> throw t.error("constant of type " + v.getClass().getSimpleName() + " (" + v + ") is not allowed in a kernel");
        }
    }

    static void operator(MethodTranslator t, OperatorInstruction oi) {
        Opcode op = oi.opcode();
        switch (op) {
            case IADD, LADD, FADD, DADD -> bin(t, BinOp.ADD);
            case ISUB, LSUB, FSUB, DSUB -> bin(t, BinOp.SUB);
            case IMUL, LMUL, FMUL, DMUL -> bin(t, BinOp.MUL);
            case IDIV, LDIV, FDIV, DDIV -> bin(t, BinOp.DIV);
            case IREM, LREM, FREM, DREM -> bin(t, BinOp.REM);
            case IAND, LAND -> bin(t, BinOp.AND);
            case IOR, LOR -> bin(t, BinOp.OR);
            case IXOR, LXOR -> bin(t, BinOp.XOR);
            case ISHL, LSHL -> bin(t, BinOp.SHL);
            case ISHR, LSHR -> bin(t, BinOp.SHR);
            case IUSHR, LUSHR -> bin(t, BinOp.USHR);
            case INEG, LNEG, FNEG, DNEG -> t.push(ConstantFolds.negate(t.pop()));
            case LCMP -> cmp3(t, 0);
            case FCMPL, DCMPL -> cmp3(t, -1);
            case FCMPG, DCMPG -> cmp3(t, 1);
            case ARRAYLENGTH -> {
                SVal a = t.popAny();
                if (a instanceof SVal.Arr arr && arr.length() >= 0) t.push(Expr.Const.i32(arr.length()));
                else if (a instanceof SVal.View) throw t.error("'.length' on a view: use length()");
                else throw t.error("length of a @Local array is not known at compile time; pass it as an int argument");
            }
            default -> throw t.error("operator " + op.name().toLowerCase() + " is not supported");
        }
    }

    private static void bin(MethodTranslator t, BinOp op) {
        Expr b = t.pop();
        Expr a = t.pop();
        t.push(ConstantFolds.binary(op, a, b));
    }

    private static void cmp3(MethodTranslator t, int nan) {
        Expr b = t.pop();
        Expr a = t.pop();
        t.stack.add(new SVal.Cmp3(a, b, nan));
    }

    static void convert(MethodTranslator t, ConvertInstruction cv) {
        Expr v = t.pop();
        Scalar to = switch (cv.opcode()) {
            case I2B -> Scalar.I8;
            case I2S -> Scalar.I16;
            case I2C -> Scalar.U16;
            default -> MethodTranslator.scalarOf(cv.toType());
        };
        if (to == Scalar.I8 || to == Scalar.I16 || to == Scalar.U16) {
            t.push(new Expr.Convert(Scalar.I32, new Expr.Convert(to, v)));
            return;
        }
        if (cv.opcode() == Opcode.D2F || cv.opcode() == Opcode.D2I || cv.opcode() == Opcode.D2L) {
            Expr f = FloatDemotion.demote(v, to);
            if (f != null) {
                v = f;
            } else {
                t.frontend.noteDoubleNarrowing(t.code, t.line, to);
            }
        }
        t.push(v.type() == to ? v : new Expr.Convert(to, v));
    }
}
