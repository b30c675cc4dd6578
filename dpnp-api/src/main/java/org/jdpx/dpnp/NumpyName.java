package org.jdpx.dpnp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * NumPy's name for a method whose Java name does not map to it by the camelCase to snake_case
 * rule ({@code expandDims} is {@code expand_dims} without it; {@code atleast1d} needs it for
 * {@code atleast_1d}). The coverage table reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NumpyName {
    /** The name in NumPy's main namespace. */
    String value();
}
