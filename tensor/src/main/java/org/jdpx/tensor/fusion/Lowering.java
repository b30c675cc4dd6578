package org.jdpx.tensor.fusion;

import java.util.List;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.tensor.DType;

/**
 * NumPy semantics written in the kernels module's IR (which has Java semantics): how each
 * dtype is held in registers, converted, loaded and stored, and what every {@link ElementOp}
 * and {@link ReduceOp} step computes. This is the only place that knows how a NumPy dtype maps
 * onto the IR; the kernel writer only arranges loops around it.
 *
 * <p>Register forms: bool and the 8/16-bit integers live in an I32 (bool as 0/1, unsigned ones
 * zero-extended), uint32 in an I64, int64 and uint64 in an I64 (uint64 compared unsigned),
 * floats as themselves. Every operation re-normalizes its result to that form, which is how
 * int8 arithmetic wraps at 8 bits as NumPy's does; float16 lives in an F32 rounded to half
 * after every operation ({@link HalfLowering}). Complex values never get here: {@link ComplexSplit}
 * rewrites them into pairs of real values before a kernel is written.
 */
final class Lowering {
    private final IrBuilder b;
    private int temps;

    Lowering(IrBuilder b) {
        this.b = b;
    }

    IrBuilder builder() { return b; }

    /** A new local of type {@code t}. */
    Var temp(Scalar t) {
        return b.local("t" + temps++, t);
    }

    /** The IR type holding a value of {@code t} in registers. */
    static Scalar compute(DType t) {
        return switch (t) {
            case BOOL, INT8, INT16, UINT8, UINT16, INT32 -> Scalar.I32;
            case UINT32, INT64, UINT64 -> Scalar.I64;
            case FLOAT16, FLOAT32 -> Scalar.F32;
            case FLOAT64 -> Scalar.F64;
            case COMPLEX64, COMPLEX128 -> throw complexHere(t);
        };
    }

    private static IllegalStateException complexHere(DType t) {
        return new IllegalStateException(t + " reached the real lowering; complex graphs are split by ComplexSplit first");
    }

    /** The IR type of one element of {@code t} in memory. */
    static Scalar storage(DType t) {
        return switch (t) {
            case BOOL, INT8, UINT8 -> Scalar.I8;
            case INT16, FLOAT16 -> Scalar.I16;
            case UINT16 -> Scalar.I16; // read back zero-extended (kernels have no ushort views)
            case INT32, UINT32 -> Scalar.I32;
            case INT64, UINT64 -> Scalar.I64;
            case FLOAT32 -> Scalar.F32;
            case FLOAT64 -> Scalar.F64;
            case COMPLEX64, COMPLEX128 -> throw complexHere(t);
        };
    }

    /** A constant of dtype {@code t} in register form. */
    Expr constant(DType t, double d, long l) {
        return switch (compute(t)) {
            case F32 -> b.f32((float) d);
            case F64 -> b.f64(d);
            case I64 -> b.i64(l);
            default -> b.i32((int) l);
        };
    }

    Expr zero(DType t) { return constant(t, 0, 0); }

    Expr one(DType t) { return constant(t, 1, 1); }

    /** A loaded element in register form. */
    Expr fromStorage(DType t, Expr raw) {
        return switch (t) {
            case BOOL -> boolValue(b.compare(CmpOp.NE, b.convert(Scalar.I32, raw), b.i32(0)));
            case UINT8 -> b.binary(BinOp.AND, b.convert(Scalar.I32, raw), b.i32(0xFF));
            case UINT16 -> b.binary(BinOp.AND, b.convert(Scalar.I32, raw), b.i32(0xFFFF));
            case UINT32 -> b.binary(BinOp.AND, b.convert(Scalar.I64, raw), b.i64(0xFFFFFFFFL));
            case FLOAT16 -> HalfLowering.toFloat(this, raw);
            default -> b.convert(compute(t), raw);
        };
    }

    /** A register value as stored in memory. */
    Expr toStorage(DType t, Expr v) {
        if (t == DType.FLOAT16) return b.convert(Scalar.I16, HalfLowering.toBits(this, v));
        return b.convert(storage(t), v);
    }

    /** Wraps an arithmetic result back into the register form of {@code t}. */
    Expr normalize(DType t, Expr v) {
        return switch (t) {
            case INT8 -> b.convert(Scalar.I32, b.convert(Scalar.I8, v));
            case INT16 -> b.convert(Scalar.I32, b.convert(Scalar.I16, v));
            case UINT8 -> b.binary(BinOp.AND, v, b.i32(0xFF));
            case UINT16 -> b.binary(BinOp.AND, v, b.i32(0xFFFF));
            case UINT32 -> b.binary(BinOp.AND, v, b.i64(0xFFFFFFFFL));
            default -> v;
        };
    }

    /** A 0/1 I32 from a condition. */
    Expr boolValue(Expr cond) {
        return b.select(cond, b.i32(1), b.i32(0));
    }

    /** The condition "v is non-zero" (NaN counts as true, as in NumPy). */
    Expr truthy(DType t, Expr v) {
        return b.compare(CmpOp.NE, v, zero(t));
    }

    /** NumPy's astype from {@code from} to {@code to} on a register value. */
    Expr cast(DType from, DType to, Expr v) {
        if (from == to) return v;
        if (to == DType.BOOL) return boolValue(truthy(from, v));
        if (to == DType.FLOAT16) {
            Expr single = from == DType.FLOAT64 ? HalfLowering.toOddFloat(this, v) : cast(from, DType.FLOAT32, v);
            return HalfLowering.round(this, single);
        }
        if (to.isFloat()) {
            Scalar f = compute(to);
            if (from == DType.UINT64) {
                // Unsigned 64-bit: halve (keeping the low bit for rounding), convert, double.
                Expr half = b.binary(BinOp.OR, b.binary(BinOp.USHR, v, b.i32(1)), b.binary(BinOp.AND, v, b.i64(1)));
                Expr big = b.mul(b.convert(f, half), constant(to, 2, 2));
                return b.select(b.compare(CmpOp.LT, v, b.i64(0)), big, b.convert(f, v));
            }
            return b.convert(f, v);
        }
        Scalar c = compute(to);
        Expr wide = from.isFloat() ? b.convert(Scalar.I64, v) : v;
        return normalize(to, b.convert(c, wide));
    }

    /** Signed or (for uint64) unsigned comparison of two register values of {@code t}. */
    Expr compare(DType t, CmpOp op, Expr x, Expr y) {
        if (t == DType.UINT64 && op != CmpOp.EQ && op != CmpOp.NE) {
            x = b.binary(BinOp.XOR, x, b.i64(Long.MIN_VALUE));
            y = b.binary(BinOp.XOR, y, b.i64(Long.MIN_VALUE));
        }
        return b.compare(op, x, y);
    }

    private Expr isNan(DType t, Expr x) {
        return b.math(MathFn.ISNAN, compute(t), x);
    }

    private Expr math(MathFn fn, DType t, Expr... args) {
        return b.math(fn, compute(t), args);
    }

    /**
     * One elementwise operation on register values already converted to
     * {@code op.operandType(...)} = {@code t} (condition operands of where/logical ops as
     * bool); the result is in register form of {@code op.resultType(...)}.
     */
    Expr apply(ElementOp op, DType t, List<Expr> a) {
        Expr x = a.get(0);
        Expr y = a.size() > 1 ? a.get(1) : null;
        boolean f = t.isFloat();
        return switch (op) {
            case ADD -> t == DType.BOOL ? b.binary(BinOp.OR, x, y) : normalize(t, b.add(x, y));
            case SUBTRACT -> normalize(t, b.sub(x, y));
            case MULTIPLY -> t == DType.BOOL ? b.binary(BinOp.AND, x, y) : normalize(t, b.mul(x, y));
            case DIVIDE -> b.div(x, y);
            case FLOOR_DIVIDE -> f ? floorDivFloat(t, x, y) : floorDivInt(t, x, y);
            case REMAINDER -> f ? floatRemainder(t, x, y) : intRemainder(t, x, y);
            case FMOD -> f ? b.binary(BinOp.REM, x, y) : intFmod(t, x, y);
            case POWER -> f ? math(MathFn.POW, t, x, y) : intPower(t, x, y);
            case MINIMUM, MAXIMUM -> minMax(t, op == ElementOp.MAXIMUM, x, y, true);
            case FMIN, FMAX -> f ? math(op == ElementOp.FMIN ? MathFn.FMIN : MathFn.FMAX, t, x, y)
                    : minMax(t, op == ElementOp.FMAX, x, y, false);
            case ARCTAN2 -> math(MathFn.ATAN2, t, x, y);
            case HYPOT -> math(MathFn.HYPOT, t, x, y);
            case EQUAL -> boolValue(compare(t, CmpOp.EQ, x, y));
            case NOT_EQUAL -> boolValue(compare(t, CmpOp.NE, x, y));
            case LESS -> boolValue(compare(t, CmpOp.LT, x, y));
            case LESS_EQUAL -> boolValue(compare(t, CmpOp.LE, x, y));
            case GREATER -> boolValue(compare(t, CmpOp.GT, x, y));
            case GREATER_EQUAL -> boolValue(compare(t, CmpOp.GE, x, y));
            case LOGICAL_AND, BITWISE_AND -> b.binary(BinOp.AND, x, y);
            case LOGICAL_OR, BITWISE_OR -> b.binary(BinOp.OR, x, y);
            case LOGICAL_XOR, BITWISE_XOR -> b.binary(BinOp.XOR, x, y);
            case LEFT_SHIFT, RIGHT_SHIFT -> shift(t, op == ElementOp.LEFT_SHIFT, x, y);
            case NEGATIVE -> normalize(t, new Expr.Unary(UnOp.NEG, x));
            case POSITIVE -> x;
            case ABS -> f ? math(MathFn.FABS, t, x) : t.kind() == DType.Kind.SIGNED
                    ? normalize(t, b.select(b.compare(CmpOp.LT, x, zero(t)), new Expr.Unary(UnOp.NEG, x), x)) : x;
            // NumPy's float sign: 1, -1, +0 for either zero, NaN for NaN.
            case SIGN -> f ? b.select(b.compare(CmpOp.GT, x, zero(t)), one(t), b.select(b.compare(CmpOp.LT, x, zero(t)),
                    constant(t, -1, -1), b.select(b.compare(CmpOp.EQ, x, zero(t)), zero(t), x)))
                    : b.select(compare(t, CmpOp.GT, x, zero(t)), one(t),
                    t.kind() == DType.Kind.SIGNED ? b.select(b.compare(CmpOp.LT, x, zero(t)), constant(t, -1, -1), zero(t)) : zero(t));
            case SQUARE -> t == DType.BOOL ? x : normalize(t, b.mul(x, x));
            case RECIPROCAL -> b.div(one(t), x);
            case SQRT -> math(MathFn.SQRT, t, x);
            case CBRT -> math(MathFn.CBRT, t, x);
            case EXP -> ExpLowering.exp(this, compute(t), x);
            case EXP2 -> math(MathFn.EXP2, t, x);
            case EXPM1 -> math(MathFn.EXPM1, t, x);
            case LOG -> math(MathFn.LOG, t, x);
            case LOG2 -> math(MathFn.LOG2, t, x);
            case LOG10 -> math(MathFn.LOG10, t, x);
            case LOG1P -> math(MathFn.LOG1P, t, x);
            case SIN -> math(MathFn.SIN, t, x);
            case COS -> math(MathFn.COS, t, x);
            case TAN -> math(MathFn.TAN, t, x);
            case ARCSIN -> math(MathFn.ASIN, t, x);
            case ARCCOS -> math(MathFn.ACOS, t, x);
            case ARCTAN -> math(MathFn.ATAN, t, x);
            case SINH -> math(MathFn.SINH, t, x);
            case COSH -> math(MathFn.COSH, t, x);
            case TANH -> math(MathFn.TANH, t, x);
            case DEG2RAD -> math(MathFn.RADIANS, t, x);
            case RAD2DEG -> math(MathFn.DEGREES, t, x);
            case FLOOR -> f ? math(MathFn.FLOOR, t, x) : x;
            case CEIL -> f ? math(MathFn.CEIL, t, x) : x;
            case TRUNC -> f ? math(MathFn.TRUNC, t, x) : x;
            case ROUND -> f ? math(MathFn.RINT, t, x) : x;
            case ISNAN -> f ? boolValue(isNan(t, x)) : b.i32(0);
            case ISINF -> f ? boolValue(b.compare(CmpOp.EQ, math(MathFn.FABS, t, x), constant(t, Double.POSITIVE_INFINITY, 0))) : b.i32(0);
            case ISFINITE -> f ? boolValue(b.compare(CmpOp.LT, math(MathFn.FABS, t, x), constant(t, Double.POSITIVE_INFINITY, 0))) : b.i32(1);
            case LOGICAL_NOT -> b.binary(BinOp.XOR, x, b.i32(1));
            case BITWISE_NOT -> t == DType.BOOL ? b.binary(BinOp.XOR, x, b.i32(1))
                    : normalize(t, b.binary(BinOp.XOR, x, constant(t, -1, -1)));
            case WHERE -> b.select(b.compare(CmpOp.NE, x, b.i32(0)), y, a.get(2));
            case REAL, CONJ -> x;
            case IMAG -> zero(t);
            case COMPLEX -> throw complexHere(DType.COMPLEX128);
        };
    }

    /** NumPy maximum/minimum; {@code propagateNan}: a NaN operand gives NaN. */
    private Expr minMax(DType t, boolean max, Expr x, Expr y, boolean propagateNan) {
        Expr pick = b.select(compare(t, max ? CmpOp.GT : CmpOp.LT, x, y), x, y);
        if (!t.isFloat() || !propagateNan) return pick;
        return b.select(isNan(t, x), x, b.select(isNan(t, y), y, pick));
    }

    private Expr floorDivInt(DType t, Expr x, Expr y) {
        Var q = temp(compute(t));
        b.assign(q, zero(t));
        b.ifThen(b.compare(CmpOp.NE, y, zero(t)), () -> {
            b.assign(q, b.div(x, y));
            Expr inexact = b.compare(CmpOp.NE, b.binary(BinOp.REM, x, y), zero(t));
            Expr signsDiffer = b.compare(CmpOp.NE, boolValue(b.compare(CmpOp.LT, x, zero(t))),
                    boolValue(b.compare(CmpOp.LT, y, zero(t))));
            b.ifThen(new Expr.Logic(true, inexact, signsDiffer), () -> b.assign(q, b.sub(b.read(q), one(t))));
        });
        return normalize(t, b.read(q));
    }

    private Expr intRemainder(DType t, Expr x, Expr y) {
        Var r = temp(compute(t));
        b.assign(r, intFmod(t, x, y));
        fixRemainderSign(t, r, y);
        return b.read(r);
    }

    /** C's integer fmod: the truncated remainder, 0 for a zero divisor (NumPy's result, without its warning). */
    private Expr intFmod(DType t, Expr x, Expr y) {
        Var r = temp(compute(t));
        b.assign(r, zero(t));
        b.ifThen(b.compare(CmpOp.NE, y, zero(t)), () -> b.assign(r, b.binary(BinOp.REM, x, y)));
        return b.read(r);
    }

    private Expr floatRemainder(DType t, Expr x, Expr y) {
        Var r = temp(compute(t));
        b.assign(r, b.binary(BinOp.REM, x, y));
        fixRemainderSign(t, r, y);
        // A zero remainder takes the divisor's sign, as NumPy's divmod.
        b.ifThen(b.compare(CmpOp.EQ, b.read(r), zero(t)), () -> b.assign(r, zeroSignedAs(t, y)));
        return b.read(r);
    }

    /**
     * NumPy's float floor division (its divmod): {@code (x - fmod(x, y)) / y}, one less when
     * the remainder's sign differs from y's, rounded to the nearest integer; {@code x / y} when
     * y is 0. Unlike {@code floor(x / y)} it never rounds the quotient up to the next integer
     * ({@code 1 // 0.1} is 9).
     */
    private Expr floorDivFloat(DType t, Expr x, Expr y) {
        Scalar c = compute(t);
        Var mod = temp(c);
        Var div = temp(c);
        Var q = temp(c);
        b.assign(q, b.div(x, y));
        b.ifThen(b.compare(CmpOp.NE, y, zero(t)), () -> {
            b.assign(mod, b.binary(BinOp.REM, x, y));
            b.assign(div, b.div(b.sub(x, b.read(mod)), y));
            Expr signsDiffer = b.compare(CmpOp.NE, boolValue(b.compare(CmpOp.LT, y, zero(t))),
                    boolValue(b.compare(CmpOp.LT, b.read(mod), zero(t))));
            b.ifThen(new Expr.Logic(true, b.compare(CmpOp.NE, b.read(mod), zero(t)), signsDiffer),
                    () -> b.assign(div, b.sub(b.read(div), one(t))));
            b.ifThenElse(b.compare(CmpOp.NE, b.read(div), zero(t)), () -> {
                Expr fl = math(MathFn.FLOOR, t, b.read(div));
                b.assign(q, b.select(b.compare(CmpOp.GT, b.sub(b.read(div), fl), constant(t, 0.5, 0)), b.add(fl, one(t)), fl));
            }, () -> b.assign(q, zeroSignedAs(t, b.read(q))));
        });
        return b.read(q);
    }

    /** A zero with the sign of {@code s} (NumPy's {@code copysign(0, s)}; s itself when it is a zero). */
    private Expr zeroSignedAs(DType t, Expr s) {
        return b.select(b.compare(CmpOp.EQ, s, zero(t)), s,
                b.select(b.compare(CmpOp.LT, s, zero(t)), constant(t, -0.0, 0), zero(t)));
    }

    /** Python's modulo: a non-zero remainder takes the divisor's sign. */
    private void fixRemainderSign(DType t, Var r, Expr y) {
        Expr nonZero = b.compare(CmpOp.NE, b.read(r), zero(t));
        Expr signsDiffer = b.compare(CmpOp.NE, boolValue(b.compare(CmpOp.LT, b.read(r), zero(t))),
                boolValue(b.compare(CmpOp.LT, y, zero(t))));
        b.ifThen(new Expr.Logic(true, nonZero, signsDiffer), () -> b.assign(r, b.add(b.read(r), y)));
    }

    /** Integer power by squaring; a negative exponent gives the truncated value (0 unless |base| is 1). */
    private Expr intPower(DType t, Expr base, Expr exp) {
        Scalar c = compute(t);
        Var r = temp(c);
        Var x = temp(c);
        Var e = temp(c);
        b.assign(r, one(t));
        b.assign(x, base);
        b.assign(e, exp);
        b.ifThenElse(compare(t, CmpOp.LT, b.read(e), zero(t)), () -> {
            Expr isOne = b.compare(CmpOp.EQ, b.read(x), one(t));
            Expr isMinusOne = b.compare(CmpOp.EQ, b.read(x), constant(t, -1, -1));
            Expr odd = b.compare(CmpOp.NE, b.binary(BinOp.AND, b.read(e), one(t)), zero(t));
            b.assign(r, b.select(isOne, one(t), b.select(isMinusOne, b.select(odd, constant(t, -1, -1), one(t)), zero(t))));
        }, () -> b.loop(b.compare(CmpOp.NE, b.read(e), zero(t)), () -> { }, l -> {
            b.ifThen(b.compare(CmpOp.NE, b.binary(BinOp.AND, b.read(e), one(t)), zero(t)),
                    () -> b.assign(r, normalize(t, b.mul(b.read(r), b.read(x)))));
            b.assign(x, normalize(t, b.mul(b.read(x), b.read(x))));
            b.assign(e, b.binary(t == DType.UINT64 ? BinOp.USHR : BinOp.SHR, b.read(e), b.i32(1)));
        }));
        return b.read(r);
    }

    /** NumPy shifts: a count outside 0..width-1 shifts every bit out. */
    private Expr shift(DType t, boolean left, Expr x, Expr y) {
        Scalar c = compute(t);
        int width = c == Scalar.I64 ? 64 : 32;
        Expr inRange = new Expr.Logic(true, compare(t, CmpOp.GE, y, zero(t)),
                compare(t, CmpOp.LT, y, constant(t, width, width)));
        Expr count = b.convert(Scalar.I32, y);
        Expr shifted = left ? normalize(t, b.binary(BinOp.SHL, x, count))
                : b.binary(t == DType.UINT64 ? BinOp.USHR : BinOp.SHR, x, count);
        Expr out = left || t.kind() != DType.Kind.SIGNED ? zero(t)
                : b.select(b.compare(CmpOp.LT, x, zero(t)), constant(t, -1, -1), zero(t));
        return b.select(inRange, shifted, out);
    }

    // ---- reductions ----

    /** The starting value of an accumulator of dtype {@code acc} for {@code op}. */
    Expr identity(ReduceOp op, DType acc) {
        return switch (op) {
            case SUM, ANY -> zero(acc);
            case PROD, ALL -> one(acc);
            case MIN, ARGMIN -> acc.isFloat() ? constant(acc, Double.POSITIVE_INFINITY, 0) : constant(acc, 0, maxOf(acc));
            case MAX, ARGMAX -> acc.isFloat() ? constant(acc, Double.NEGATIVE_INFINITY, 0) : constant(acc, 0, minOf(acc));
        };
    }

    private static long maxOf(DType t) {
        return switch (t) {
            case BOOL, UINT8 -> t == DType.BOOL ? 1 : 0xFF;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 0xFFFF;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 0xFFFFFFFFL;
            case INT64 -> Long.MAX_VALUE;
            case UINT64 -> -1L;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static long minOf(DType t) {
        return switch (t) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    /** {@code acc = op(acc, v)} for the value reductions (v already in the accumulator's dtype). */
    void accumulate(ReduceOp op, DType acc, Var a, Expr v) {
        Expr cur = b.read(a);
        b.assign(a, switch (op) {
            case SUM -> acc == DType.BOOL ? b.binary(BinOp.OR, cur, v) : normalize(acc, b.add(cur, v));
            case PROD -> acc == DType.BOOL ? b.binary(BinOp.AND, cur, v) : normalize(acc, b.mul(cur, v));
            case ANY -> b.binary(BinOp.OR, cur, v);
            case ALL -> b.binary(BinOp.AND, cur, v);
            case MIN, MAX -> {
                Expr better = compare(acc, op == ReduceOp.MAX ? CmpOp.GT : CmpOp.LT, v, cur);
                if (!acc.isFloat()) yield b.select(better, v, cur);
                // NaN wins and then stays (no comparison with a NaN accumulator is true): NumPy's
                // min/max propagate it. Selects only, no short-circuit branch, so loops vectorize.
                yield b.select(isNan(acc, v), v, b.select(better, v, cur));
            }
            default -> throw new IllegalArgumentException(op + " keeps a position; use accumulateArg");
        });
    }

    /**
     * Argmin/argmax step: replaces (best, pos) by (v, j) when v is strictly better, or is the
     * first NaN (NumPy returns the first NaN's position).
     */
    void accumulateArg(ReduceOp op, DType t, Var best, Var pos, Expr v, Expr j) {
        Expr better = compare(t, op == ReduceOp.ARGMAX ? CmpOp.GT : CmpOp.LT, v, b.read(best));
        if (t.isFloat()) {
            // Once the best is NaN nothing replaces it; a NaN replaces any number.
            Expr bestIsNumber = b.compare(CmpOp.EQ, boolValue(isNan(t, b.read(best))), b.i32(0));
            better = new Expr.Logic(true, bestIsNumber, new Expr.Logic(false, better, isNan(t, v)));
        }
        b.ifThen(better, () -> {
            b.assign(best, v);
            b.assign(pos, j);
        });
    }
}
