package org.jdpx.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method written with relative indices as a stencil kernel, Numba's {@code @stencil}:
 * its array parameters are {@link FloatStencil}, {@link DoubleStencil}, {@link IntStencil} or
 * {@link LongStencil}, read as {@code a.at(-1, 0)} relative to the element being computed, and it
 * returns that element's value. {@code StencilFunction.of(MyFns.class, "jacobi")} (module
 * jdpx-tensor) applies it to whole arrays on their device.
 *
 * <p>The neighbourhood is inferred from the constant indices of the {@code at} calls; a stencil
 * whose indices are computed must declare it in {@link #neighborhood()}. Output elements whose
 * neighbourhood does not fit in the array get {@link #cval()} (Numba's border rule).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Stencil {
    /** Per axis the lowest and highest relative index, flattened: {@code {-1, 1, -2, 2}}; empty: inferred. */
    int[] neighborhood() default {};

    /** The value of output elements whose neighbourhood leaves the array (Numba's {@code cval}). */
    double cval() default 0;
}
