package org.jdpx.kernels.ir;

import java.util.List;

/**
 * Pure-or-explicit expressions of the IR. Every node knows its {@link #type()}. Only
 * {@link Call} and {@link Atomic} have side effects; the frontend evaluates those into a
 * temporary at the point Java evaluates them, so emitters may print expression trees as they
 * are. Java semantics are carried by the operators ({@link BinOp}, {@link Convert}).
 */
public sealed interface Expr {

    /** The value's type. */
    Type type();

    /** The scalar type; throws {@link IllegalStateException} when the value is a pointer/array. */
    default Scalar scalar() {
        if (type() instanceof Scalar s) return s;
        throw new IllegalStateException("not a scalar expression: " + this);
    }

    /**
     * A constant. Integer values are stored sign-extended in {@code bits}; F32 and F64 store
     * their raw IEEE bits ({@link Float#floatToRawIntBits}, {@link Double#doubleToRawLongBits}).
     */
    record Const(Scalar type, long bits) implements Expr {
        /** An int constant. */
        public static Const i32(int v) { return new Const(Scalar.I32, v); }
        /** A long constant. */
        public static Const i64(long v) { return new Const(Scalar.I64, v); }
        /** A float constant. */
        public static Const f32(float v) { return new Const(Scalar.F32, Float.floatToRawIntBits(v)); }
        /** A double constant. */
        public static Const f64(double v) { return new Const(Scalar.F64, Double.doubleToRawLongBits(v)); }
        /** A condition constant. */
        public static Const bool(boolean v) { return new Const(Scalar.BOOL, v ? 1 : 0); }
        /** The float value of an F32 constant. */
        public float floatValue() { return Float.intBitsToFloat((int) bits); }
        /** The double value of an F64 constant. */
        public double doubleValue() { return Double.longBitsToDouble(bits); }
    }

    /** Reads a variable (for arrays: names the array, usable only as a {@link Load}/{@link Store} base or call argument). */
    record Read(Var var) implements Expr {
        @Override public Type type() { return var.type(); }
    }

    /** Arithmetic negation (NEG, with wrap-around for MIN_VALUE) or condition negation (NOT on BOOL). */
    record Unary(UnOp op, Expr operand) implements Expr {
        @Override public Type type() { return operand.type(); }
    }

    /** Java binary arithmetic, see {@link BinOp}; the type is the left operand's. */
    record Binary(BinOp op, Expr left, Expr right) implements Expr {
        @Override public Type type() { return left.type(); }
    }

    /** A comparison of two values of one scalar type, giving BOOL. */
    record Compare(CmpOp op, Expr left, Expr right) implements Expr {
        @Override public Type type() { return Scalar.BOOL; }
    }

    /** Short-circuit {@code &&} ({@code and == true}) or {@code ||} of two conditions. */
    record Logic(boolean and, Expr left, Expr right) implements Expr {
        @Override public Type type() { return Scalar.BOOL; }
    }

    /**
     * A Java primitive conversion to {@code to}: integer narrowing wraps (keeps the low bits),
     * widening sign-extends (U16 zero-extends), int/long to float rounds to nearest, float to
     * int/long truncates and <b>saturates</b> with NaN giving 0, double to float rounds to
     * nearest. BOOL converts to 0/1.
     */
    record Convert(Scalar to, Expr operand) implements Expr {
        @Override public Type type() { return to; }
    }

    /** Reinterprets the bits of a same-size scalar ({@code Float.floatToRawIntBits} and friends). */
    record Bitcast(Scalar to, Expr operand) implements Expr {
        @Override public Type type() { return to; }
    }

    /** {@code cond ? a : b} where both sides are evaluated-free pure values. */
    record Select(Expr cond, Expr ifTrue, Expr ifFalse) implements Expr {
        @Override public Type type() { return ifTrue.type(); }
    }

    /**
     * Element {@code index} (I32 or I64, counted in elements) of a pointer or array {@code base}.
     * {@code at} is the source position ({@code File.java:42}) the access came from, or null; it
     * names the access in checked mode's errors and takes no part in equality.
     */
    record Load(Expr base, Expr index, String at) implements Expr {
        /** A load without a source position. */
        public Load(Expr base, Expr index) { this(base, index, null); }
        @Override public Type type() { return IrTypes.elementOf(base.type()); }
        @Override public boolean equals(Object o) { return o instanceof Load l && base.equals(l.base) && index.equals(l.index); }
        @Override public int hashCode() { return 31 * base.hashCode() + index.hashCode(); }
    }

    /** A call of another IR function (a compiled helper method); has side effects. */
    record Call(Function function, List<Expr> args) implements Expr {
        /** Copies the argument list. */
        public Call { args = List.copyOf(args); }
        @Override public Type type() { return function.returnType() == null ? Scalar.I32 : function.returnType(); }
    }

    /** A built-in math function on operands of type {@code type} (ISNAN yields BOOL). */
    record MathCall(MathFn fn, Scalar operandType, List<Expr> args) implements Expr {
        /** Copies the argument list. */
        public MathCall { args = List.copyOf(args); }
        @Override public Type type() { return fn == MathFn.ISNAN ? Scalar.BOOL : operandType; }
    }

    /** A work-item query for constant dimension {@code dim} (0..2), an I32. */
    record WorkItem(WorkItemFn fn, int dim) implements Expr {
        @Override public Type type() { return Scalar.I32; }
    }

    /**
     * An atomic update of element {@code index} of {@code base}, yielding the old value; has side
     * effects. {@code at} is the source position as for {@link Load} (null if unknown).
     */
    record Atomic(AtomicOp op, Expr base, Expr index, List<Expr> operands, String at) implements Expr {
        /** Copies the operand list. */
        public Atomic { operands = List.copyOf(operands); }
        /** An atomic without a source position. */
        public Atomic(AtomicOp op, Expr base, Expr index, List<Expr> operands) { this(op, base, index, operands, null); }
        @Override public Type type() { return IrTypes.elementOf(base.type()); }
        @Override public boolean equals(Object o) {
            return o instanceof Atomic a && op == a.op && base.equals(a.base) && index.equals(a.index) && operands.equals(a.operands);
        }
        @Override public int hashCode() { return java.util.Objects.hash(op, base, index, operands); }
    }
}
