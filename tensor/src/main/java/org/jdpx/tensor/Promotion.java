package org.jdpx.tensor;

/**
 * Result dtypes of binary operations: the Array API standard's promotion lattice within a
 * family, and NumPy's table across families (which dpnp follows): {@code uint8 + int8 -> int16},
 * {@code int32 + float32 -> float64}, {@code uint64 + int64 -> float64}. Java scalars are weak
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
        if (ka == DType.Kind.FLOAT || kb == DType.Kind.FLOAT) {
            DType f = ka == DType.Kind.FLOAT ? a : b;
            DType i = f == a ? b : a;
            // NumPy: a float holds an integer when its mantissa covers the integer's range.
            if (f == DType.FLOAT64 || i.itemSize() <= 2) {
                return f;
            }
            return DType.FLOAT64;
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
     * The dtype of an array of dtype {@code array} combined with a Java scalar of kind
     * {@code scalar} (bool, integer or float): the array's dtype when the scalar's kind is no
     * higher, otherwise {@code defaultFloat} (a float scalar with an integer array) or the
     * default integer (an integer scalar with a bool array).
     */
    public static DType withScalar(DType array, DType.Kind scalar, DType defaultFloat) {
        return switch (scalar) {
            case BOOL -> array;
            case SIGNED, UNSIGNED -> array == DType.BOOL ? DType.INT64 : array;
            case FLOAT -> array.isFloat() ? array : defaultFloat;
        };
    }
}
