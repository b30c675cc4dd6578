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
     * A typed array view, passed as a {@code __global T*} to the start of its allocation. Where the
     * kernel also has the view's {@link Info#OFFSET} argument, every emitter moves the pointer by
     * that many elements on entry, so the body sees the view's first element at index 0 (a view
     * without one must start at its allocation).
     */
    record View(Scalar elem, int argIndex) implements ParamKind {
    }

    /** A {@code @Local} launch-sized local array: {@code clSetKernelArg(k, i, LocalMemory.bytes(), NULL)}. */
    record LocalBuffer(Scalar elem, int argIndex) implements ParamKind {
    }

    /**
     * A hidden argument the compiler added for a view parameter: its LENGTH, RANK, SHAPE(dim) or EXTENT
     * (OpenCL {@code int}), or STRIDE(dim) or OFFSET in elements (OpenCL {@code long}). Hidden
     * arguments follow all user arguments.
     */
    record ViewInfo(Info info, int argIndex, int dim) implements ParamKind {
    }

    /** A pointer parameter of a helper function (never of a kernel). */
    record Pointer(AddressSpace space) implements ParamKind {
    }

    /** A scalar parameter of a helper function. */
    record HelperValue() implements ParamKind {
    }

    /**
     * Which fact about a view a {@link ViewInfo} argument carries. OFFSET (the view's first element
     * within its allocation) is applied by the emitters to the view's pointer on kernel entry.
     * EXTENT is how many elements from the view's first one its indices may reach (the length of a
     * contiguous view, {@code 1 + sum((shape[d]-1)*stride[d])} of a strided one, the length of a
     * {@code @Local} buffer): the bound checked mode tests every access against.
     */
    enum Info { LENGTH, SHAPE, STRIDE, RANK, OFFSET, EXTENT }

    /** The name of the hidden argument holding {@code info} of a view parameter called {@code view}. */
    static String infoName(String view, Info info, int dim) {
        return view + "_" + switch (info) {
            case LENGTH -> "length";
            case RANK -> "rank";
            case SHAPE -> "shape" + dim;
            case STRIDE -> "stride" + dim;
            case OFFSET -> "offset";
            case EXTENT -> "extent";
        };
    }

    /** The IR type of a hidden view argument: STRIDE and OFFSET are I64, the others I32. */
    static Scalar infoType(Info info) {
        return info == Info.STRIDE || info == Info.OFFSET ? Scalar.I64 : Scalar.I32;
    }
}
