package org.jdpx.tensor;

/**
 * Result dtypes of binary operations: the Array API standard's promotion lattice within a
 * family, and NumPy's table across families (which dpnp follows): {@code uint8 + int8 -> int16},
 * {@code int32 + float32 -> float64}, {@code uint64 + int64 -> float64}, {@code int16 + float16 ->
 * float32}, {@code complex64 + float64 -> complex128} (every pair is checked against NumPy's
 * {@code np.result_type} by a generated golden table). Java scalars are weak
 * (NEP 50): they take the array's dtype when it can hold them in kind.
 */
public final class Promotion {

    private Promotion() {
    }

    /** The dtype two arrays of dtypes {@code a} and {@code b} promote to. */
    public static DType result(DType a, DType b) {
        if (a == b) {
            return a;
        }
        DType.Kind ka = a.kind();
        DType.Kind kb = b.kind();
        if (ka == DType.Kind.BOOL) {
            return b;
        }
        if (kb == DType.Kind.BOOL) {
            return a;
        }
        if (ka == kb) {
            return a.itemSize() >= b.itemSize() ? a : b;
        }
        if (a.isInexact() || b.isInexact()) {
            // NumPy: the float whose mantissa covers both operands, complex when either is.
            int bits = Math.max(floatBits(a), floatBits(b));
            if (a.isComplex() || b.isComplex()) {
                return bits <= 32 ? DType.COMPLEX64 : DType.COMPLEX128;
            }
            return bits == 16 ? DType.FLOAT16 : bits == 32 ? DType.FLOAT32 : DType.FLOAT64;
        }
        DType s = ka == DType.Kind.SIGNED ? a : b;
        DType u = s == a ? b : a;
        if (s.itemSize() > u.itemSize()) {
            return s;
        }
        return switch (u.itemSize()) {
            case 1 -> DType.INT16;
            case 2 -> DType.INT32;
            case 4 -> DType.INT64;
            default -> DType.FLOAT64;
        };
    }

    /**
     * The bits of the smallest float holding every value of {@code t}: a float's own width,
     * a complex type's part width, 16 for 8-bit integers, 32 for 16-bit ones, 64 for wider ones.
     */
    private static int floatBits(DType t) {
        if (t.isInexact()) return t.realPart().itemSize() * 8;
        return switch (t.itemSize()) {
            case 1 -> 16;
            case 2 -> 32;
            default -> 64;
        };
    }

    /**
     * The dtype of an array of dtype {@code array} combined with a Java scalar of kind
     * {@code scalar} (bool, integer, float or complex): the array's dtype when the scalar's kind
     * is no higher, otherwise {@code defaultFloat} (a float scalar with an integer array), the
     * default integer (an integer scalar with a bool array), or for a complex scalar the complex
     * type of the array's precision (complex64 for float16/float32 arrays) or of the default float.
     */
    public static DType withScalar(DType array, DType.Kind scalar, DType defaultFloat) {
        return switch (scalar) {
            case BOOL -> array;
            case SIGNED, UNSIGNED -> array == DType.BOOL ? DType.INT64 : array;
            case FLOAT -> array.isInexact() ? array : defaultFloat;
            case COMPLEX -> array.isInexact() ? array.complexOf() : defaultFloat.complexOf();
        };
    }

    /**
     * The kind of a Java scalar operand: bool for a Boolean, complex for a {@link Complex},
     * float for a Double or Float, signed integer for any other Number.
     *
     * @throws IllegalArgumentException for null or any other object
     */
    public static DType.Kind scalarKind(Object o) {
        return switch (o) {
            case Boolean b -> DType.Kind.BOOL;
            case Complex c -> DType.Kind.COMPLEX;
            case Double d -> DType.Kind.FLOAT;
            case Float f -> DType.Kind.FLOAT;
            case Number n -> DType.Kind.SIGNED;
            case null -> throw new IllegalArgumentException("operand is null");
            default -> throw new IllegalArgumentException("unsupported operand type " + o.getClass().getName()
                    + ": pass a UsmNdArray, a Java number/boolean or a Complex");
        };
    }
}
