package org.jdpx.kernels.jvm;

import java.util.Map;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * A {@link LanePlan}'s expressions evaluated for one launch, with Java's semantics: launch values
 * (int, long, float and double arithmetic on arguments and constants, integer division by zero
 * giving 0 as on every device) and element indices as {@link Affine} functions of the global ids.
 * An index whose int arithmetic would wrap somewhere in the launch's range, or whose long
 * arithmetic would overflow, throws {@link NotLinear}: the launch then runs one item at a time,
 * with the kernel's own arithmetic.
 */
final class LaneIndex {

    /** {@code c + v0·gid0 + v1·gid1 + v2·gid2}. */
    record Affine(long c, long v0, long v1, long v2) {
        long v(int d) {
            return d == 0 ? v0 : d == 1 ? v1 : v2;
        }

        boolean constant() {
            return v0 == 0 && v1 == 0 && v2 == 0;
        }

        /** The least and greatest value over global ids {@code 0..g[d]-1}. */
        long[] range(int[] g) {
            long lo = c, hi = c;
            for (int d = 0; d < 3; d++) {
                long span = Math.multiplyExact(v(d), (long) g[d] - 1);
                if (span < 0) lo = Math.addExact(lo, span);
                else hi = Math.addExact(hi, span);
            }
            return new long[] {lo, hi};
        }
    }

    /** An index this launch cannot take in lanes. */
    static final class NotLinear extends Exception {
        private static final long serialVersionUID = 1L;

        NotLinear() {
            super(null, null, false, false);
        }
    }

    private final Map<Var, Integer> paramIndex;
    private final Object[] slots;
    private final int[] g;

    /**
     * {@code slots} holds one launch value per kernel parameter (boxed numbers for arguments and
     * hidden facts), at the positions {@code paramIndex} gives.
     */
    LaneIndex(Map<Var, Integer> paramIndex, Object[] slots, int[] g) {
        this.paramIndex = paramIndex;
        this.slots = slots;
        this.g = g;
    }

    /** An int or long expression as a function of the global ids. */
    Affine affine(Expr e) throws NotLinear {
        Scalar t = e.scalar();
        Affine a;
        try {
            a = switch (e) {
                case Expr.Const c -> new Affine(c.bits(), 0, 0, 0);
                case Expr.Read r -> new Affine(((Number) slots[paramIndex.get(r.var())]).longValue(), 0, 0, 0);
                case Expr.WorkItem w when w.fn() == WorkItemFn.GLOBAL_ID ->
                        new Affine(0, w.dim() == 0 ? 1 : 0, w.dim() == 1 ? 1 : 0, w.dim() == 2 ? 1 : 0);
                case Expr.WorkItem w -> new Affine(w.dim() < 3 ? g[w.dim()] : 1, 0, 0, 0);
                case Expr.Unary u -> negate(affine(u.operand()), t);
                case Expr.Convert c -> convert(c.operand(), t);
                case Expr.Binary b -> binary(b, t);
                default -> throw new IllegalStateException("not an index expression: " + e);
            };
        } catch (ArithmeticException overflow) {
            throw new NotLinear();
        }
        if (t == Scalar.I32) {
            if (a.constant()) return new Affine((int) a.c(), 0, 0, 0);
            long[] r = a.range(g);
            if (r[0] < Integer.MIN_VALUE || r[1] > Integer.MAX_VALUE) throw new NotLinear();
        }
        return a;
    }

    private Affine negate(Affine a, Scalar t) {
        if (a.constant()) return new Affine(-a.c(), 0, 0, 0);
        return new Affine(Math.negateExact(a.c()), Math.negateExact(a.v0()), Math.negateExact(a.v1()), Math.negateExact(a.v2()));
    }

    private Affine convert(Expr operand, Scalar to) throws NotLinear {
        if (operand.scalar().isFloat()) {
            double v = real(operand);
            return new Affine(to == Scalar.I32 ? (long) (int) v : (long) v, 0, 0, 0);
        }
        Affine a = affine(operand);
        return to == Scalar.I32 ? new Affine((int) a.c(), 0, 0, 0) : a; // the plan narrows only id-free values
    }

    private Affine binary(Expr.Binary b, Scalar t) throws NotLinear {
        Affine l = affine(b.left()), r = affine(b.right());
        if (l.constant() && r.constant()) return new Affine(constant(b, t, l.c(), r.c()), 0, 0, 0);
        return switch (b.op()) {
            case ADD -> new Affine(Math.addExact(l.c(), r.c()), Math.addExact(l.v0(), r.v0()),
                    Math.addExact(l.v1(), r.v1()), Math.addExact(l.v2(), r.v2()));
            case SUB -> new Affine(Math.subtractExact(l.c(), r.c()), Math.subtractExact(l.v0(), r.v0()),
                    Math.subtractExact(l.v1(), r.v1()), Math.subtractExact(l.v2(), r.v2()));
            case MUL -> l.constant() ? scale(r, l.c()) : scale(l, r.c());
            default -> throw new IllegalStateException("the plan lets only +, - and * touch a global id, not " + b.op());
        };
    }

    private static Affine scale(Affine a, long k) {
        return new Affine(Math.multiplyExact(a.c(), k), Math.multiplyExact(a.v0(), k), Math.multiplyExact(a.v1(), k),
                Math.multiplyExact(a.v2(), k));
    }

    /** {@code x op y} in Java's int or long arithmetic (the result wraps; the caller narrows an int). */
    private static long constant(Expr.Binary b, Scalar t, long x, long y) {
        boolean i32 = t == Scalar.I32;
        return switch (b.op()) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> y == 0 ? 0 : i32 ? (int) x / (int) y : x / y;
            case REM -> y == 0 ? 0 : i32 ? (int) x % (int) y : x % y;
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
            case SHL -> i32 ? (int) x << (int) y : x << (int) y;
            case SHR -> i32 ? (int) x >> (int) y : x >> (int) y;
            case USHR -> i32 ? (int) x >>> (int) y : x >>> (int) y;
        };
    }

    /** A float or double launch value (the plan admits no global id in one), rounded to float where its type is F32. */
    double real(Expr e) throws NotLinear {
        Scalar t = e.scalar();
        boolean f32 = t == Scalar.F32;
        return switch (e) {
            case Expr.Const c -> f32 ? c.floatValue() : c.doubleValue();
            case Expr.Read r -> ((Number) slots[paramIndex.get(r.var())]).doubleValue();
            case Expr.Unary u -> -real(u.operand());
            case Expr.Convert c when c.operand().scalar().isFloat() -> f32 ? (float) real(c.operand()) : real(c.operand());
            case Expr.Convert c -> {
                Affine a = affine(c.operand());
                yield f32 ? (float) a.c() : (double) a.c();
            }
            case Expr.MathCall m -> {
                double x = real(m.args().getFirst());
                yield switch (m.fn()) {
                    case SQRT -> f32 ? (float) Math.sqrt(x) : Math.sqrt(x);
                    case FABS -> Math.abs(x);
                    case FMA -> f32 ? Math.fma((float) x, (float) real(m.args().get(1)), (float) real(m.args().get(2)))
                            : Math.fma(x, real(m.args().get(1)), real(m.args().get(2)));
                    default -> throw new IllegalStateException("no launch value of " + m.fn());
                };
            }
            case Expr.Binary b when f32 -> {
                float x = (float) real(b.left()), y = (float) real(b.right());
                yield switch (b.op()) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    default -> x / y;
                };
            }
            case Expr.Binary b -> {
                double x = real(b.left()), y = real(b.right());
                yield switch (b.op()) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    default -> x / y;
                };
            }
            default -> throw new IllegalStateException("not a launch value: " + e);
        };
    }
}
