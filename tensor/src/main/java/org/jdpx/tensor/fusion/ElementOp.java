package org.jdpx.tensor.fusion;

import org.jdpx.tensor.DType;

/**
 * The elementwise operations of the Array API / NumPy ufuncs that fusion can put in a kernel,
 * with their NumPy names and dtype rules. Inputs are first promoted together
 * ({@link org.jdpx.tensor.Promotion}); {@link #resultType} then says what the operation gives.
 */
public enum ElementOp {
    ADD("add", 2, Rule.SAME), SUBTRACT("subtract", 2, Rule.SAME), MULTIPLY("multiply", 2, Rule.SAME),
    DIVIDE("divide", 2, Rule.FLOAT), FLOOR_DIVIDE("floor_divide", 2, Rule.SAME), REMAINDER("remainder", 2, Rule.SAME),
    /** C's fmod: the exact remainder with the dividend's sign (0 for an integer division by zero, as NumPy). */
    FMOD("fmod", 2, Rule.SAME),
    POWER("power", 2, Rule.SAME), MINIMUM("minimum", 2, Rule.SAME), MAXIMUM("maximum", 2, Rule.SAME),
    FMIN("fmin", 2, Rule.SAME), FMAX("fmax", 2, Rule.SAME), ARCTAN2("arctan2", 2, Rule.FLOAT),
    HYPOT("hypot", 2, Rule.FLOAT),
    EQUAL("equal", 2, Rule.BOOL), NOT_EQUAL("not_equal", 2, Rule.BOOL), LESS("less", 2, Rule.BOOL),
    LESS_EQUAL("less_equal", 2, Rule.BOOL), GREATER("greater", 2, Rule.BOOL), GREATER_EQUAL("greater_equal", 2, Rule.BOOL),
    LOGICAL_AND("logical_and", 2, Rule.BOOL), LOGICAL_OR("logical_or", 2, Rule.BOOL), LOGICAL_XOR("logical_xor", 2, Rule.BOOL),
    BITWISE_AND("bitwise_and", 2, Rule.SAME), BITWISE_OR("bitwise_or", 2, Rule.SAME), BITWISE_XOR("bitwise_xor", 2, Rule.SAME),
    LEFT_SHIFT("left_shift", 2, Rule.SAME), RIGHT_SHIFT("right_shift", 2, Rule.SAME),
    NEGATIVE("negative", 1, Rule.SAME), POSITIVE("positive", 1, Rule.SAME), ABS("abs", 1, Rule.SAME),
    SIGN("sign", 1, Rule.SAME), SQUARE("square", 1, Rule.SAME), RECIPROCAL("reciprocal", 1, Rule.FLOAT),
    SQRT("sqrt", 1, Rule.FLOAT), CBRT("cbrt", 1, Rule.FLOAT), EXP("exp", 1, Rule.FLOAT), EXP2("exp2", 1, Rule.FLOAT),
    EXPM1("expm1", 1, Rule.FLOAT), LOG("log", 1, Rule.FLOAT), LOG2("log2", 1, Rule.FLOAT), LOG10("log10", 1, Rule.FLOAT),
    LOG1P("log1p", 1, Rule.FLOAT), SIN("sin", 1, Rule.FLOAT), COS("cos", 1, Rule.FLOAT), TAN("tan", 1, Rule.FLOAT),
    ARCSIN("arcsin", 1, Rule.FLOAT), ARCCOS("arccos", 1, Rule.FLOAT), ARCTAN("arctan", 1, Rule.FLOAT),
    SINH("sinh", 1, Rule.FLOAT), COSH("cosh", 1, Rule.FLOAT), TANH("tanh", 1, Rule.FLOAT),
    DEG2RAD("deg2rad", 1, Rule.FLOAT), RAD2DEG("rad2deg", 1, Rule.FLOAT),
    FLOOR("floor", 1, Rule.SAME), CEIL("ceil", 1, Rule.SAME), TRUNC("trunc", 1, Rule.SAME), ROUND("round", 1, Rule.SAME),
    ISNAN("isnan", 1, Rule.BOOL), ISINF("isinf", 1, Rule.BOOL), ISFINITE("isfinite", 1, Rule.BOOL),
    LOGICAL_NOT("logical_not", 1, Rule.BOOL), BITWISE_NOT("bitwise_invert", 1, Rule.SAME),
    /** {@code where(cond, a, b)}: the promoted type of a and b. */
    WHERE("where", 3, Rule.SAME),
    /** The real part (a real array's own value). */
    REAL("real", 1, Rule.PART),
    /** The imaginary part (zero for a real array). */
    IMAG("imag", 1, Rule.PART),
    /** The complex conjugate (a real array's own value). */
    CONJ("conjugate", 1, Rule.SAME),
    /** {@code re + im*1j} from two real operands: how complex scalars and results are assembled. */
    COMPLEX("complex", 2, Rule.COMPLEX);

    /** How the result dtype follows from the promoted input dtype. */
    enum Rule { SAME, FLOAT, BOOL, PART, COMPLEX }

    private final String numpyName;
    private final int arity;
    private final Rule rule;

    ElementOp(String numpyName, int arity, Rule rule) {
        this.numpyName = numpyName;
        this.arity = arity;
        this.rule = rule;
    }

    /** NumPy's (and the Array API's) name. */
    public String numpyName() { return numpyName; }

    /** Number of array operands. */
    public int arity() { return arity; }

    /** True for operations whose inputs are read as truth values (logical_*). */
    boolean isLogical() {
        return this == LOGICAL_AND || this == LOGICAL_OR || this == LOGICAL_XOR || this == LOGICAL_NOT;
    }

    /**
     * The dtype the operands are converted to before the operation runs.
     *
     * @param promoted     the promoted dtype of the (non-condition) operands
     * @param defaultFloat float64, or float32 on a device without fp64
     * @throws IllegalArgumentException when NumPy refuses the operation for that dtype
     */
    public DType operandType(DType promoted, DType defaultFloat) {
        check(promoted);
        if (isLogical()) return DType.BOOL;
        // NumPy's true division of integers and bools is float64 (the default float), never float16/32.
        if (this == DIVIDE && !promoted.isInexact()) return defaultFloat;
        if (rule == Rule.FLOAT || rule == Rule.COMPLEX) return floatFor(promoted, defaultFloat);
        // NumPy has no bool loop for these: bools are computed as int8.
        boolean int8ForBool = this == FLOOR_DIVIDE || this == REMAINDER || this == FMOD || this == POWER || this == SQUARE
                || this == LEFT_SHIFT || this == RIGHT_SHIFT;
        if (int8ForBool && promoted == DType.BOOL) return DType.INT8;
        return promoted;
    }

    /** The result dtype for operands promoted to {@code promoted}. */
    public DType resultType(DType promoted, DType defaultFloat) {
        DType t = operandType(promoted, defaultFloat);
        if (rule == Rule.BOOL) return DType.BOOL;
        return switch (rule) {
            case PART -> t.realPart();
            case COMPLEX -> t.complexOf();
            default -> this == ABS ? t.realPart() : t;
        };
    }

    /**
     * The float dtype an integer operand of a float function becomes, as NumPy's loops choose
     * it: float16 for bool and 8-bit integers, float32 for 16-bit ones, the default float for
     * wider ones; float and complex dtypes stay.
     */
    static DType floatFor(DType t, DType defaultFloat) {
        if (t.isInexact()) return t;
        return switch (t.itemSize()) {
            case 1 -> DType.FLOAT16;
            case 2 -> DType.FLOAT32;
            default -> defaultFloat;
        };
    }

    /** Whether jdpx computes this operation on complex operands. */
    public boolean supportsComplex() {
        return switch (this) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, POWER, EQUAL, NOT_EQUAL, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR,
                 LOGICAL_NOT, NEGATIVE, POSITIVE, ABS, SIGN, SQUARE, RECIPROCAL, SQRT, EXP, EXP2, LOG, LOG2, LOG10,
                 SIN, COS, TAN, SINH, COSH, TANH, ISNAN, ISINF, ISFINITE, WHERE, REAL, IMAG, CONJ -> true;
            default -> false;
        };
    }

    /** Operations NumPy itself has no complex loop for (a TypeError there). */
    private boolean numpyRefusesComplex() {
        return switch (this) {
            case FLOOR_DIVIDE, REMAINDER, FMOD, ARCTAN2, HYPOT, CBRT, DEG2RAD, RAD2DEG, FLOOR, CEIL, TRUNC, COMPLEX,
                 BITWISE_AND, BITWISE_OR, BITWISE_XOR, BITWISE_NOT, LEFT_SHIFT, RIGHT_SHIFT -> true;
            default -> false;
        };
    }

    private void check(DType t) {
        if (t.isComplex() && !supportsComplex()) {
            if (numpyRefusesComplex()) {
                throw new IllegalArgumentException(numpyName + " is not supported for complex dtype " + t
                        + " (NumPy has no complex loop for it either); use real/imag or abs first");
            }
            boolean ordering = switch (this) {
                case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, MINIMUM, MAXIMUM, FMIN, FMAX -> true;
                default -> false;
            };
            throw new UnsupportedOperationException(numpyName + " on complex dtype " + t + " is not implemented in jdpx"
                    + (ordering ? " (NumPy orders complex numbers lexicographically, the Array API refuses to); compare"
                    + " real/imag or abs explicitly" : "; apply it to the real and imaginary parts (real/imag) instead"));
        }
        boolean bitwise = this == BITWISE_AND || this == BITWISE_OR || this == BITWISE_XOR || this == BITWISE_NOT;
        boolean shift = this == LEFT_SHIFT || this == RIGHT_SHIFT;
        if ((bitwise || shift) && t.isInexact()) {
            throw new IllegalArgumentException(numpyName + " is not supported for dtype " + t
                    + ": it takes integer or bool arrays; use astype first");
        }
        if ((this == SUBTRACT || this == NEGATIVE) && t == DType.BOOL) {
            throw new IllegalArgumentException(numpyName + " is not supported for bool arrays; use logical_xor "
                    + "or logical_not instead");
        }
        if ((this == FLOOR_DIVIDE || this == REMAINDER || this == FMOD) && t == DType.UINT64) {
            throw new UnsupportedOperationException(numpyName + " on uint64 is not implemented in jdpx; "
                    + "convert to int64 or float64 with astype first");
        }
    }
}
