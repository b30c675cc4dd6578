package org.jdpx.interop;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jdpx.device.Queue;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Java primitive arrays in and out for every dtype, bit for bit: the Java type of each dtype is
 * the one of its width ({@code bool} is {@code boolean[]}, {@code int8}/{@code uint8} are
 * {@code byte[]}, {@code int16}/{@code uint16} {@code short[]}, {@code int32}/{@code uint32}
 * {@code int[]}, {@code int64}/{@code uint64} {@code long[]}, {@code float32} {@code float[]},
 * {@code float64} {@code double[]}), unsigned values kept in their two's-complement bits as Java
 * does; {@code float16} is {@code short[]} of its IEEE binary16 bits, and {@code complex64}/{@code
 * complex128} are {@code float[]}/{@code double[]} of interleaved (real, imaginary) parts, two
 * per element. Java arrays live on the heap, which no device addresses, so both directions copy; for
 * converting arrays see {@link Tensor#asarray(Object, long[], ArrayOptions)} and
 * {@link UsmNdArray#toDoubleArray()}.
 */
public final class JavaArrays {

    private JavaArrays() {
    }

    /**
     * A new array on {@code queue} with the elements of a flat Java array in C order, stored as
     * {@code dtype} (delegates to {@link Tensor#asarray(Object, long[], ArrayOptions)}).
     *
     * @throws IllegalArgumentException when the shape does not match the length, or the Java type
     *         is not a primitive array
     */
    public static UsmNdArray fromJava(Object javaArray, DType dtype, Queue queue, long... shape) {
        ArrayOptions o = ArrayOptions.on(queue).dtype(dtype);
        if (dtype.isComplex()) return Tensor.asComplexArray(javaArray, shape, o);
        if (dtype == DType.FLOAT16 && javaArray instanceof short[] bits) return Tensor.fromFloat16Bits(bits, shape, o);
        return Tensor.asarray(javaArray, shape, o);
    }

    /** The Java array type that holds {@code dtype}'s bits (see the class comment). */
    public static Class<?> javaType(DType dtype) {
        return switch (dtype) {
            case BOOL -> boolean[].class;
            case INT8, UINT8 -> byte[].class;
            case INT16, UINT16, FLOAT16 -> short[].class;
            case INT32, UINT32 -> int[].class;
            case INT64, UINT64 -> long[].class;
            case FLOAT32, COMPLEX64 -> float[].class;
            case FLOAT64, COMPLEX128 -> double[].class;
        };
    }

    /**
     * The elements in C order as a new Java array of {@link #javaType(DType)}, bit for bit
     * (waits for the device; a copy).
     *
     * @throws ArithmeticException when the array has more elements than a Java array holds
     */
    public static Object toJava(UsmNdArray array) {
        if (array.dtype() == DType.BOOL) {
            return array.toBooleanArray();
        }
        Math.toIntExact(array.size());
        MemorySegment s = array.toHostSegment();
        return switch (array.dtype().layout()) {
            case ValueLayout.OfByte b -> s.toArray(b);
            case ValueLayout.OfShort h -> s.toArray(h);
            case ValueLayout.OfInt i -> s.toArray(i);
            case ValueLayout.OfLong l -> s.toArray(l);
            case ValueLayout.OfFloat f -> s.toArray(f);
            case ValueLayout.OfDouble d -> s.toArray(d);
            default -> throw new IllegalStateException("no Java array type for " + array.dtype());
        };
    }
}
