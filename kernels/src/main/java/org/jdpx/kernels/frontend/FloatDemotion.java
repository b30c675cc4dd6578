package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;

/**
 * Keeps float code in float. Java has no float {@code Math.sqrt}, and a double literal makes
 * {@code x * 0.5} a double multiply, so {@code (float) Math.sqrt(x)} reaches the compiler as
 * double math between a widening and a narrowing. When everything under the narrowing came
 * from floats (or float-exact constants), the expression is rebuilt in float: the device then
 * needs no fp64 and runs at float speed. For a single +, -, *, / or sqrt the result is
 * bit-identical (double has more than twice float's precision); for longer chains and
 * transcendental functions it may differ from the java device in the last bits, which is the
 * documented accuracy contract of device math anyway.
 */
final class FloatDemotion {
    private FloatDemotion() {
    }

    /** The float equivalent of double expression {@code e}, or null when it needs double. */
    static Expr demote(Expr e) {
        return switch (e) {
            case Expr.Convert c when c.to() == Scalar.F64 && c.operand().type() == Scalar.F32 -> c.operand();
            case Expr.Convert c when c.to() == Scalar.F64 && c.operand().type() == Scalar.I32 -> new Expr.Convert(Scalar.F32, c.operand());
            case Expr.Const k when k.type() == Scalar.F64 && (double) (float) k.doubleValue() == k.doubleValue() || isNaN(k) ->
                Expr.Const.f32((float) k.doubleValue());
            case Expr.Binary b when b.type() == Scalar.F64 && b.op() != BinOp.REM -> {
                Expr l = demote(b.left()), r = demote(b.right());
                yield l == null || r == null ? null : new Expr.Binary(b.op(), l, r);
            }
            case Expr.Unary u when u.op() == UnOp.NEG && u.type() == Scalar.F64 -> {
                Expr x = demote(u.operand());
                yield x == null ? null : new Expr.Unary(UnOp.NEG, x);
            }
            case Expr.MathCall m when m.operandType() == Scalar.F64 && m.fn().floatOpcode() >= 0 && m.fn() != MathFn.ISNAN -> {
                List<Expr> args = new ArrayList<>();
                for (Expr a : m.args()) {
                    Expr d = demote(a);
                    if (d == null) yield null;
                    args.add(d);
                }
                yield new Expr.MathCall(m.fn(), Scalar.F32, args);
            }
            default -> null;
        };
    }

    private static boolean isNaN(Expr.Const k) {
        return k.type() == Scalar.F64 && Double.isNaN(k.doubleValue());
    }
}
