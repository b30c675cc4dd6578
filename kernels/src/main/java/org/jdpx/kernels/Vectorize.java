package org.jdpx.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method over scalars as an elementwise function, Numba's {@code @vectorize}:
 * {@code Ufunc.of(MyFns.class, "relu")} (module jdpx-tensor) makes it a NumPy-style ufunc that
 * broadcasts, promotes dtypes and is fused into the surrounding lazy array kernel on any device.
 *
 * <p>{@link #value()} lists type signatures in Numba's spelling ({@code "float32(float32, float32)"});
 * each must match one static overload of the method with those Java types ({@code float32} =
 * {@code float}, {@code float64} = {@code double}, {@code int8/16/32/64} = {@code byte/short/int/long},
 * {@code uint16} = {@code char}, {@code bool} = {@code boolean}), and only those loops exist,
 * compiled when the ufunc is made. Without signatures every static overload of that name is a
 * loop, compiled on the first call that needs it (Numba's lazy mode). The annotation is optional
 * for a method without signatures.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Vectorize {
    /** Type signatures, {@code "result(arg, ...)"} with NumPy dtype names; empty: every overload, lazily. */
    String[] value() default {};
}
