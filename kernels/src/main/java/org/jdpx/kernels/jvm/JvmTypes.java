package org.jdpx.kernels.jvm;

import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import org.jdpx.kernels.ir.Scalar;

/** How IR scalars live on the JVM: stack kinds, memory kinds, segment layouts, opcode prefixes. */
final class JvmTypes {
    private JvmTypes() {
    }

    /** The JVM stack kind of a scalar: sub-int types and BOOL are int. */
    static TypeKind kind(Scalar s) {
        return switch (s) {
            case I64 -> TypeKind.LONG;
            case F32 -> TypeKind.FLOAT;
            case F64 -> TypeKind.DOUBLE;
            default -> TypeKind.INT;
        };
    }

    /** The kind of an element in memory (arrays and segment accessors). */
    static TypeKind memoryKind(Scalar s) {
        return switch (s) {
            case I8 -> TypeKind.BYTE;
            case I16 -> TypeKind.SHORT;
            case U16 -> TypeKind.CHAR;
            case BOOL -> throw new IllegalArgumentException("BOOL is never stored in memory");
            default -> kind(s);
        };
    }

    static ClassDesc layoutDesc(Scalar elem) {
        String of = switch (elem) {
            case I8 -> "OfByte";
            case I16 -> "OfShort";
            case U16 -> "OfChar";
            case I32 -> "OfInt";
            case I64 -> "OfLong";
            case F32 -> "OfFloat";
            case F64 -> "OfDouble";
            case BOOL -> throw new IllegalArgumentException("BOOL is never stored in memory");
        };
        return ClassDesc.of("java.lang.foreign.ValueLayout$" + of);
    }

    static String prefix(Scalar s) {
        return switch (kind(s)) {
            case LONG -> "L";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            default -> "I";
        };
    }
}
