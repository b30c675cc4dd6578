package org.jdpx.kernels;

/**
 * The launch-time size of a {@link Local @Local} kernel parameter: how many elements of which
 * primitive type each work-group gets. Passed as the argument value in place of the array;
 * the java device allocates one array per work-group, an OpenCL launcher calls
 * {@code clSetKernelArg(kernel, i, bytes(), null)}.
 *
 * @param elementType one of {@code float.class, int.class, long.class, double.class}
 * @param length elements per work-group, at least 1
 */
public record LocalMemory(Class<?> elementType, int length) {

    /** Checks the element type and length; throws {@link IllegalArgumentException} when either is invalid. */
    public LocalMemory {
        if (elementType != float.class && elementType != int.class
                && elementType != long.class && elementType != double.class) {
            throw new IllegalArgumentException("local memory element type must be float, int, long or double, not " + elementType);
        }
        if (length < 1) {
            throw new IllegalArgumentException("local memory length must be at least 1, got " + length);
        }
    }

    /** {@code n} floats per work-group. */
    public static LocalMemory floats(int n) { return new LocalMemory(float.class, n); }

    /** {@code n} ints per work-group. */
    public static LocalMemory ints(int n) { return new LocalMemory(int.class, n); }

    /** {@code n} longs per work-group. */
    public static LocalMemory longs(int n) { return new LocalMemory(long.class, n); }

    /** {@code n} doubles per work-group. */
    public static LocalMemory doubles(int n) { return new LocalMemory(double.class, n); }

    /** Size in bytes of one work-group's instance, as OpenCL's {@code clSetKernelArg} wants it. */
    public long bytes() {
        int size = (elementType == long.class || elementType == double.class) ? 8 : 4;
        return (long) size * length;
    }

    /** A fresh zeroed Java array for one work-group on the java device. */
    public Object newArray() {
        if (elementType == float.class) return new float[length];
        if (elementType == int.class) return new int[length];
        if (elementType == long.class) return new long[length];
        return new double[length];
    }
}
