package org.jdpx.interop.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jdpx.tensor.DType;

/** jdpx dtypes as Arrow types and back; bool is Arrow's bit-packed boolean. */
final class ArrowTypes {

    private ArrowTypes() {
    }

    /** The Arrow type holding a dtype. */
    static ArrowType of(DType t) {
        return switch (t.kind()) {
            case BOOL -> ArrowType.Bool.INSTANCE;
            case SIGNED -> new ArrowType.Int(t.itemSize() * 8, true);
            case UNSIGNED -> new ArrowType.Int(t.itemSize() * 8, false);
            case FLOAT -> new ArrowType.FloatingPoint(t == DType.FLOAT16 ? FloatingPointPrecision.HALF
                    : t == DType.FLOAT32 ? FloatingPointPrecision.SINGLE : FloatingPointPrecision.DOUBLE);
            case COMPLEX -> throw new IllegalArgumentException("Arrow has no complex type, so " + t + " arrays cannot "
                    + "be exported; export real(x) and imag(x) as two arrays");
        };
    }

    /**
     * The dtype of an Arrow type.
     *
     * @throws IllegalArgumentException for types without a jdpx dtype, naming the type
     */
    static DType dtype(ArrowType a) {
        switch (a) {
            case ArrowType.Bool b -> {
                return DType.BOOL;
            }
            case ArrowType.Int i -> {
                for (DType t : DType.values()) {
                    if (t.isInteger() && t.itemSize() * 8 == i.getBitWidth()
                            && (t.kind() == DType.Kind.SIGNED) == i.getIsSigned()) {
                        return t;
                    }
                }
            }
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.HALF -> {
                return DType.FLOAT16;
            }
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.SINGLE -> {
                return DType.FLOAT32;
            }
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.DOUBLE -> {
                return DType.FLOAT64;
            }
            default -> {
            }
        }
        throw new IllegalArgumentException("Arrow type " + a + " has no jdpx dtype; jdpx reads Bool, Int(8-64, "
                + "signed or not), FloatingPoint(HALF, SINGLE, DOUBLE) and fixed_shape_tensor of those");
    }

    /** A new empty vector of a dtype. */
    static FieldVector vector(String name, DType t, BufferAllocator allocator) {
        return FieldType.notNullable(of(t)).createNewSingleVector(name, allocator, null);
    }
}
