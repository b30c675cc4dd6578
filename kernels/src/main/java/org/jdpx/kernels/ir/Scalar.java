package org.jdpx.kernels.ir;

/**
 * Scalar types of the IR. {@code BOOL} only types conditions (Java booleans are {@code I32}
 * 0/1 values, as in the JVM); {@code I8}, {@code I16} and {@code U16} (Java char) appear as
 * memory element types and as the result of narrowing conversions, Java arithmetic itself
 * happens in {@code I32}, {@code I64}, {@code F32} and {@code F64}.
 */
public enum Scalar implements Type {
    /** A condition; never stored in memory. */
    BOOL("bool", 0),
    /** Java byte. */
    I8("char", 1),
    /** Java short. */
    I16("short", 2),
    /** Java char (unsigned 16 bits). */
    U16("ushort", 2),
    /** Java int (also boolean, byte, short and char values on the operand stack). */
    I32("int", 4),
    /** Java long. */
    I64("long", 8),
    /** Java float. */
    F32("float", 4),
    /** Java double: needs aspect fp64 on devices. */
    F64("double", 8);

    private final String clName;
    private final int bytes;

    Scalar(String clName, int bytes) {
        this.clName = clName;
        this.bytes = bytes;
    }

    /** The OpenCL C spelling of the type. */
    public String clName() { return clName; }

    /** Size in bytes in memory (0 for BOOL). */
    public int bytes() { return bytes; }

    /** True for F32 and F64. */
    public boolean isFloat() { return this == F32 || this == F64; }

    /** True for the integer types I8..I64 (not BOOL). */
    public boolean isInt() { return this != BOOL && !isFloat(); }

    /** Bits in the type (1 for BOOL). */
    public int bits() { return this == BOOL ? 1 : bytes * 8; }

    /** The scalar for a Java primitive class; throws {@link IllegalArgumentException} for others. */
    public static Scalar ofJava(Class<?> c) {
        if (c == int.class || c == boolean.class) return I32;
        if (c == long.class) return I64;
        if (c == float.class) return F32;
        if (c == double.class) return F64;
        if (c == byte.class) return I8;
        if (c == short.class) return I16;
        if (c == char.class) return U16;
        throw new IllegalArgumentException("not a kernel primitive: " + c);
    }
}
