package org.jdpx.kernels;

import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;

/**
 * Kernel argument values as every launcher passes them, following the {@link KernelArg} contract:
 * checked against the parameter they are for, so a wrong argument is an error naming the kernel and
 * the parameter instead of garbage on a device. Used by the OpenCL/Level Zero marshalling and by
 * the java device's IR path.
 */
public final class KernelArgs {
    private KernelArgs() {
    }

    /**
     * A by-value argument as the kernel declares it: booleans, bytes, shorts and chars widen to an
     * {@link Integer}, the others keep their box.
     *
     * @throws IllegalArgumentException when {@code value} is not a boxed {@code type}
     */
    public static Object scalar(String kernel, String param, Object value, Class<?> type) {
        Class<?> box = java.lang.invoke.MethodType.methodType(type).wrap().returnType();
        if (!box.isInstance(value)) {
            throw new IllegalArgumentException("argument '" + param + "' of kernel " + kernel + " must be a " + type
                    + ", got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        if (type == boolean.class) return ((Boolean) value) ? 1 : 0;
        if (type == byte.class || type == short.class) return ((Number) value).intValue();
        if (type == char.class) return (int) (Character) value;
        return value;
    }

    /**
     * The view passed for a view parameter with {@code elem} elements.
     *
     * @throws IllegalArgumentException when {@code value} is not a view of that element type
     */
    public static ArrayView view(String kernel, String param, Object value, Scalar elem) {
        if (!(value instanceof ArrayView v) || element(v) != elem) {
            throw new IllegalArgumentException("argument '" + param + "' of kernel " + kernel + " must be a view of "
                    + elem.clName() + " elements (" + viewClass(elem) + "), got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return v;
    }

    /**
     * The hidden fact {@code info} of a view: LENGTH, RANK, SHAPE and EXTENT (at most
     * {@code Integer.MAX_VALUE}) as Integer; STRIDE and OFFSET in elements as Long. {@code arg} may
     * also be a {@link LocalMemory}, whose only fact is its EXTENT (its length).
     */
    public static Object viewInfo(Object arg, ParamKind.ViewInfo info) {
        if (arg instanceof LocalMemory lm && info.info() == ParamKind.Info.EXTENT) return lm.length();
        ArrayView v = (ArrayView) arg;
        return switch (info.info()) {
            case LENGTH -> v.length();
            case RANK -> v.rank();
            case SHAPE -> v.shape(info.dim());
            case STRIDE -> v.stride(info.dim());
            case OFFSET -> v.offset();
            case EXTENT -> (int) Math.min(extent(v), Integer.MAX_VALUE);
        };
    }

    /** Elements from a view's first one that its indices may reach: 0 for an empty view. */
    static long extent(ArrayView v) {
        long reach = 0;
        for (int d = 0; d < v.rank(); d++) {
            if (v.shape(d) == 0) return 0L;
            reach += (v.shape(d) - 1L) * v.stride(d);
        }
        return reach + 1;
    }

    /** The element type of a view. */
    public static Scalar element(ArrayView v) {
        return switch (v) {
            case FloatArray f -> Scalar.F32;
            case DoubleArray d -> Scalar.F64;
            case IntArray i -> Scalar.I32;
            case LongArray l -> Scalar.I64;
            case ShortArray s -> Scalar.I16;
            case ByteArray b -> Scalar.I8;
        };
    }

    private static String viewClass(Scalar elem) {
        return switch (elem) {
            case F32 -> "FloatArray";
            case F64 -> "DoubleArray";
            case I32 -> "IntArray";
            case I64 -> "LongArray";
            case I16 -> "ShortArray";
            case I8 -> "ByteArray";
            default -> "no view type";
        };
    }
}
