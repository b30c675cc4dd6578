package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;

/**
 * Keeps float code in float where that gives Java's result. Java has no float {@code Math.sqrt}
 * and a float literal needs its {@code f}, so float code reaches the compiler as double math
 * between a widening and a narrowing ({@code (float) Math.sqrt(x)}, {@code (float) (x * 0.5)}).
 * Rebuilt in float, such an expression needs no fp64 and runs at float speed; but only some are
 * the same in float. What is demoted, at a {@code (float)} narrowing:
 * <ul>
 * <li><b>exact values</b>: a float widened to double, a double constant that is a float (or NaN),
 *     and {@code -}, {@code Math.abs}, {@code floor}, {@code ceil}, {@code rint} and {@code %} of
 *     exact values: they compute the same number in float and double, with no rounding;</li>
 * <li><b>one rounded operation</b> on exact values: {@code + - * /} and {@code Math.sqrt}. Double
 *     has more than 2p+2 bits for float's p, so rounding the exact result to double and then to
 *     float gives the correctly rounded float result (Figueroa, "When is double rounding
 *     innocuous?", 1995): the float operation's own result;</li>
 * <li><b>one math-library function</b> ({@code exp}, {@code log}, {@code sin}, {@code pow},
 *     {@code atan2}, {@code hypot}, ...) of exact values: computed by the device's float function,
 *     exactly what {@link org.jdpx.kernels.KernelMath} calls, within its OpenCL accuracy bound
 *     (e.g. {@code exp} 3 ulp) rather than as Java's double result rounded to float. This is
 *     the one demotion that may change the last bits; {@code (float) Math.exp(x)} is how Java
 *     spells a float exponential.</li>
 * </ul>
 * Everything else stays in double, as Java computes it: two operations in a row
 * ({@code (float) ((double) x * x - 1.0)} rounds once in Java, twice in float), an int operand
 * ({@code (double) 16777217} is no float), a double constant that is no float ({@code 0.1}).
 * Such a kernel then needs fp64 and a device without it refuses it; the frontend notes where.
 * {@code (int)} and {@code (long)} of a double demote exact values only: truncation would turn
 * a float rounding into a different integer.
 */
final class FloatDemotion {
    private FloatDemotion() {
    }

    /** Functions whose float result is the double result on the same values: no rounding at all. */
    private static final Set<MathFn> EXACT = EnumSet.of(MathFn.FABS, MathFn.FLOOR, MathFn.CEIL, MathFn.RINT, MathFn.TRUNC);

    /** Math-library functions the device's float version may compute to its OpenCL ulp bound. */
    private static final Set<MathFn> LIBRARY = EnumSet.of(MathFn.CBRT, MathFn.EXP, MathFn.EXP2, MathFn.EXPM1,
            MathFn.LOG, MathFn.LOG2, MathFn.LOG10, MathFn.LOG1P, MathFn.SIN, MathFn.COS, MathFn.TAN,
            MathFn.ASIN, MathFn.ACOS, MathFn.ATAN, MathFn.ATAN2, MathFn.SINH, MathFn.COSH, MathFn.TANH,
            MathFn.POW, MathFn.HYPOT);

    /**
     * The float equivalent of double expression {@code e} narrowed to {@code to} (F32, I32 or
     * I64), or null when it must stay in double to give Java's result.
     */
    static Expr demote(Expr e, Scalar to) {
        Expr x = exact(e);
        if (x != null || to != Scalar.F32) return x;
        return switch (e) {
            case Expr.Binary b when b.type() == Scalar.F64 && b.op() != BinOp.REM -> {
                Expr l = exact(b.left()), r = exact(b.right());
                yield l == null || r == null ? null : new Expr.Binary(b.op(), l, r);
            }
            case Expr.MathCall m when m.operandType() == Scalar.F64 && (m.fn() == MathFn.SQRT || LIBRARY.contains(m.fn())) ->
                call(m);
            default -> null;
        };
    }

    /** The float expression with exactly the value of double expression {@code e}, or null. */
    private static Expr exact(Expr e) {
        return switch (e) {
            case Expr.Convert c when c.to() == Scalar.F64 && c.operand().type() == Scalar.F32 -> c.operand();
            case Expr.Const k when k.type() == Scalar.F64 && ((double) (float) k.doubleValue() == k.doubleValue()
                    || Double.isNaN(k.doubleValue())) -> Expr.Const.f32((float) k.doubleValue());
            case Expr.Unary u when u.op() == UnOp.NEG && u.type() == Scalar.F64 -> {
                Expr x = exact(u.operand());
                yield x == null ? null : new Expr.Unary(UnOp.NEG, x);
            }
            case Expr.Binary b when b.type() == Scalar.F64 && b.op() == BinOp.REM -> {
                Expr l = exact(b.left()), r = exact(b.right());
                yield l == null || r == null ? null : new Expr.Binary(BinOp.REM, l, r);
            }
            case Expr.MathCall m when m.operandType() == Scalar.F64 && EXACT.contains(m.fn()) -> call(m);
            default -> null;
        };
    }

    /** {@code m} on the float versions of its arguments, or null when one is not exact. */
    private static Expr call(Expr.MathCall m) {
        List<Expr> args = new ArrayList<>();
        for (Expr a : m.args()) {
            Expr d = exact(a);
            if (d == null) return null;
            args.add(d);
        }
        return new Expr.MathCall(m.fn(), Scalar.F32, args);
    }
}
