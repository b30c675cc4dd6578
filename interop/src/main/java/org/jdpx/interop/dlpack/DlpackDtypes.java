package org.jdpx.interop.dlpack;

import org.jdpx.tensor.DType;

/** jdpx dtypes as DLPack's {@code DLDataType} (code, bits; one lane) and back. */
final class DlpackDtypes {

    static final int INT = 0;
    static final int UINT = 1;
    static final int FLOAT = 2;
    static final int BFLOAT = 4;
    static final int COMPLEX = 5;
    static final int BOOL = 6;

    private DlpackDtypes() {
    }

    /** The {@code DLDataTypeCode} of a dtype. */
    static int code(DType t) {
        return switch (t.kind()) {
            case BOOL -> BOOL;
            case SIGNED -> INT;
            case UNSIGNED -> UINT;
            case FLOAT -> FLOAT;
            case COMPLEX -> COMPLEX;
        };
    }

    /**
     * The dtype of a DLPack type.
     *
     * @throws IllegalArgumentException for types jdpx has no dtype for (bfloat16, float8 and
     *         smaller, vector lanes), naming the type
     */
    static DType of(int code, int bits, int lanes) {
        if (lanes != 1) {
            throw new IllegalArgumentException("DLPack vector types (lanes=" + lanes + ") have no jdpx dtype");
        }
        for (DType t : DType.values()) {
            if (code(t) == code && t.itemSize() * 8 == bits) {
                return t;
            }
        }
        String name = switch (code) {
            case FLOAT -> "float" + bits;
            case BFLOAT -> "bfloat" + bits;
            case COMPLEX -> "complex" + bits;
            case INT -> "int" + bits;
            case UINT -> "uint" + bits;
            case BOOL -> "bool" + bits;
            default -> "type code " + code + " with " + bits + " bits";
        };
        throw new IllegalArgumentException("jdpx has no dtype for DLPack " + name
                + " (it has bool, int8-64, uint8-64, float16, float32, float64, complex64, complex128)");
    }
}
