package org.jdpx.kernels.ir;

/**
 * Built-in math with OpenCL semantics (not Java's: the frontend lowers Java's stricter
 * {@code Math.min}/{@code max}/{@code signum}/{@code round}/{@code abs} into IR around these).
 * Each knows its OpenCL C name and its OpenCL.std extended-instruction number for SPIR-V
 * ({@code intOpcode} for the signed-integer flavour, -1 when there is none).
 */
public enum MathFn {
    SQRT("sqrt", 1, 61), RSQRT("rsqrt", 1, 56), CBRT("cbrt", 1, 11),
    EXP("exp", 1, 19), EXP2("exp2", 1, 20), EXPM1("expm1", 1, 22),
    LOG("log", 1, 37), LOG2("log2", 1, 38), LOG10("log10", 1, 39), LOG1P("log1p", 1, 40),
    SIN("sin", 1, 57), COS("cos", 1, 14), TAN("tan", 1, 62),
    ASIN("asin", 1, 3), ACOS("acos", 1, 0), ATAN("atan", 1, 6), ATAN2("atan2", 2, 7),
    SINH("sinh", 1, 59), COSH("cosh", 1, 15), TANH("tanh", 1, 63),
    POW("pow", 2, 48), HYPOT("hypot", 2, 32),
    FLOOR("floor", 1, 25), CEIL("ceil", 1, 12), RINT("rint", 1, 53), TRUNC("trunc", 1, 66),
    FABS("fabs", 1, 23), FMA("fma", 3, 26), MAD("mad", 3, 42),
    FMIN("fmin", 2, 28), FMAX("fmax", 2, 27), FMOD("fmod", 2, 29),
    MIX("mix", 3, 99), SIGN("sign", 1, 103), DEGREES("degrees", 1, 96), RADIANS("radians", 1, 100),
    STEP("step", 2, 101), SMOOTHSTEP("smoothstep", 3, 102),
    /** Clamp; float flavour fclamp, integer flavour s_clamp. */
    CLAMP("clamp", 3, 95, 149),
    /** Signed integer minimum. */
    MIN("min", 2, -1, 158),
    /** Signed integer maximum. */
    MAX("max", 2, -1, 156),
    /** Set bits of an integer (result has the operand's type). */
    POPCOUNT("popcount", 1, -1, 166),
    /** Leading zero bits of an integer (result has the operand's type). */
    CLZ("clz", 1, -1, 151),
    /** NaN test giving BOOL (SPIR-V OpIsNan, OpenCL C {@code isnan}). */
    ISNAN("isnan", 1, -1);

    private final String clName;
    private final int arity;
    private final int floatOpcode;
    private final int intOpcode;

    MathFn(String clName, int arity, int floatOpcode) {
        this(clName, arity, floatOpcode, -1);
    }

    MathFn(String clName, int arity, int floatOpcode, int intOpcode) {
        this.clName = clName;
        this.arity = arity;
        this.floatOpcode = floatOpcode;
        this.intOpcode = intOpcode;
    }

    /** OpenCL C built-in name. */
    public String clName() { return clName; }

    /** Number of operands. */
    public int arity() { return arity; }

    /** OpenCL.std instruction number for float operands, -1 if none. */
    public int floatOpcode() { return floatOpcode; }

    /** OpenCL.std instruction number for integer operands, -1 if none. */
    public int intOpcode() { return intOpcode; }
}
