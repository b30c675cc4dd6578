package org.jdpx.kernels.ir;

/**
 * Comparisons giving {@link Scalar#BOOL}. On floats they are Java's (and C's) ordered
 * comparisons: any comparison with NaN is false except NE, which is true.
 */
public enum CmpOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CmpOp(String symbol) { this.symbol = symbol; }

    /** The C/Java operator symbol. */
    public String symbol() { return symbol; }

    /** The comparison that is true exactly when this one is false, valid for integers only (NaN breaks it for floats). */
    public CmpOp negateForIntegers() {
        return switch (this) {
            case EQ -> NE; case NE -> EQ; case LT -> GE; case GE -> LT; case GT -> LE; case LE -> GT;
        };
    }

    /** The comparison with swapped operands ({@code a < b} is {@code b > a}). */
    public CmpOp swap() {
        return switch (this) {
            case EQ -> EQ; case NE -> NE; case LT -> GT; case GT -> LT; case LE -> GE; case GE -> LE;
        };
    }
}
