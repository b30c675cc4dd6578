package org.jdpx.kernels.ir;

/**
 * What a function parameter is, so a launcher can marshal kernel arguments. {@code argIndex}
 * counts the kernel's Java parameters after the {@code KernelContext} (0 = the first user
 * argument).
 */
public sealed interface ParamKind {

    /** A primitive passed by value; a Java {@code boolean} is passed as an OpenCL {@code int} 0/1. */
    record Value(Class<?> javaType, int argIndex) implements ParamKind {
    }

    /**
     * A typed array view, passed as a {@code __global T*} whose base already points at the
     * view's first element (the view's offset applied by the launcher).
     */
    record View(Scalar elem, int argIndex) implements ParamKind {
    }

    /** A {@code @Local} launch-sized local array: {@code clSetKernelArg(k, i, LocalMemory.bytes(), NULL)}. */
    record LocalBuffer(Scalar elem, int argIndex) implements ParamKind {
    }

    /**
     * A hidden argument the compiler added for a view parameter: its LENGTH, RANK or SHAPE(dim)
     * (OpenCL {@code int}) or STRIDE(dim) in elements (OpenCL {@code long}). Hidden arguments
     * follow all user arguments.
     */
    record ViewInfo(Info info, int argIndex, int dim) implements ParamKind {
    }

    /** A pointer parameter of a helper function (never of a kernel). */
    record Pointer(AddressSpace space) implements ParamKind {
    }

    /** A scalar parameter of a helper function. */
    record HelperValue() implements ParamKind {
    }

    /** Which fact about a view a {@link ViewInfo} argument carries. */
    enum Info { LENGTH, SHAPE, STRIDE, RANK }
}
