package org.jdpx.tensor;

import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * Element types of arrays, named as NumPy and the Array API standard name them.
 *
 * <p>float16 is stored as IEEE binary16 bits (two bytes) and computed in float32 with every
 * result rounded back to half, which is what NumPy's float16 loops do, so results match NumPy on
 * every device whether or not it has {@code cl_khr_fp16}. The complex types are stored as NumPy
 * stores them: interleaved (real, imaginary) pairs of float32 ({@code complex64}) or float64
 * ({@code complex128}); their {@link #layout()} is the layout of one part.
 */
public enum DType {
    BOOL("bool", 1, Kind.BOOL, ValueLayout.JAVA_BYTE),
    INT8("int8", 1, Kind.SIGNED, ValueLayout.JAVA_BYTE),
    INT16("int16", 2, Kind.SIGNED, ValueLayout.JAVA_SHORT),
    INT32("int32", 4, Kind.SIGNED, ValueLayout.JAVA_INT),
    INT64("int64", 8, Kind.SIGNED, ValueLayout.JAVA_LONG),
    UINT8("uint8", 1, Kind.UNSIGNED, ValueLayout.JAVA_BYTE),
    UINT16("uint16", 2, Kind.UNSIGNED, ValueLayout.JAVA_SHORT),
    UINT32("uint32", 4, Kind.UNSIGNED, ValueLayout.JAVA_INT),
    UINT64("uint64", 8, Kind.UNSIGNED, ValueLayout.JAVA_LONG),
    FLOAT16("float16", 2, Kind.FLOAT, ValueLayout.JAVA_SHORT),
    FLOAT32("float32", 4, Kind.FLOAT, ValueLayout.JAVA_FLOAT),
    FLOAT64("float64", 8, Kind.FLOAT, ValueLayout.JAVA_DOUBLE),
    COMPLEX64("complex64", 8, Kind.COMPLEX, ValueLayout.JAVA_FLOAT),
    COMPLEX128("complex128", 16, Kind.COMPLEX, ValueLayout.JAVA_DOUBLE);

    /** The family a dtype belongs to; promotion works within and across families. */
    public enum Kind { BOOL, SIGNED, UNSIGNED, FLOAT, COMPLEX }

    private final String numpyName;
    private final int itemSize;
    private final Kind kind;
    private final ValueLayout layout;

    DType(String numpyName, int itemSize, Kind kind, ValueLayout layout) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
        this.kind = kind;
        this.layout = layout;
    }

    /** NumPy's name, e.g. {@code float32}. */
    public String numpyName() {
        return numpyName;
    }

    /**
     * NumPy's one-letter type code ({@code dtype.char}): {@code '?'}, {@code 'b'}, {@code 'h'},
     * {@code 'i'}, {@code 'l'} (int64, as on Linux), {@code 'B'}... {@code 'e'}, {@code 'f'},
     * {@code 'd'}, {@code 'F'}, {@code 'D'}.
     */
    public char typeChar() {
        return switch (this) {
            case BOOL -> '?';
            case INT8 -> 'b';
            case INT16 -> 'h';
            case INT32 -> 'i';
            case INT64 -> 'l';
            case UINT8 -> 'B';
            case UINT16 -> 'H';
            case UINT32 -> 'I';
            case UINT64 -> 'L';
            case FLOAT16 -> 'e';
            case FLOAT32 -> 'f';
            case FLOAT64 -> 'd';
            case COMPLEX64 -> 'F';
            case COMPLEX128 -> 'D';
        };
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** The family. */
    public Kind kind() {
        return kind;
    }

    /**
     * The Java layout of one element in memory (unsigned types share their signed layout,
     * float16 is a short holding its bits, a complex type gives the layout of one of its parts).
     */
    public ValueLayout layout() {
        return layout;
    }

    /** True for the real floating types float16, float32 and float64. */
    public boolean isFloat() {
        return kind == Kind.FLOAT;
    }

    /** True for complex64 and complex128. */
    public boolean isComplex() {
        return kind == Kind.COMPLEX;
    }

    /** True for the float and complex types (NumPy's {@code inexact}). */
    public boolean isInexact() {
        return kind == Kind.FLOAT || kind == Kind.COMPLEX;
    }

    /**
     * The real dtype of one part: float32 for complex64, float64 for complex128, the dtype
     * itself for every real dtype.
     */
    public DType realPart() {
        return switch (this) {
            case COMPLEX64 -> FLOAT32;
            case COMPLEX128 -> FLOAT64;
            default -> this;
        };
    }

    /**
     * The complex dtype whose parts hold this dtype exactly enough: complex128 for float64,
     * complex64 for float32 and float16, itself for a complex dtype.
     *
     * @throws IllegalArgumentException for a bool or integer dtype (promote it to a float first)
     */
    public DType complexOf() {
        return switch (this) {
            case FLOAT16, FLOAT32, COMPLEX64 -> COMPLEX64;
            case FLOAT64, COMPLEX128 -> COMPLEX128;
            default -> throw new IllegalArgumentException(this + " has no complex counterpart; promote it to a float first");
        };
    }

    /** True for the signed and unsigned integer types. */
    public boolean isInteger() {
        return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
    }

    /**
     * Parses NumPy's name or a common alias ({@code f4}, {@code float}, {@code i8}, {@code double}).
     *
     * @throws IllegalArgumentException naming the supported dtypes
     */
    public static DType of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DType t : values()) {
            if (t.numpyName.equals(n)) {
                return t;
            }
        }
        return switch (n) {
            case "?", "b1", "boolean" -> BOOL;
            case "i1", "byte" -> INT8;
            case "i2", "short" -> INT16;
            case "i4", "int" -> INT32;
            case "i8", "long" -> INT64;
            case "u1", "ubyte" -> UINT8;
            case "u2", "ushort" -> UINT16;
            case "u4", "uint" -> UINT32;
            case "u8", "ulong" -> UINT64;
            case "f2", "e", "half" -> FLOAT16;
            case "f4", "float", "single" -> FLOAT32;
            case "f8", "double" -> FLOAT64;
            case "c8", "csingle", "singlecomplex" -> COMPLEX64;
            case "c16", "complex", "cdouble" -> COMPLEX128;
            default -> throw new IllegalArgumentException("unknown or unsupported dtype '" + name
                    + "'; supported: bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32,"
                    + " float64, complex64, complex128");
        };
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
