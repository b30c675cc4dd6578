package org.jdpx.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the variable of a counted {@code for} loop as parallel, Numba's {@code prange}:
 * {@code for (@Parallel int i = start; i < end; i++) { ... }}. It is a type annotation, so javac
 * keeps it in the class file next to the loop, and a plain call of the method still runs the loop
 * serially in Java. {@link org.jdpx.kernels.prange.Prange#compile Prange.compile} turns the loop
 * body into a kernel that runs on the device of the loop's arrays, with reductions on scalar
 * locals ({@code +=}, {@code -=}, {@code *=}, {@code Math.min}, {@code Math.max}) inferred.
 *
 * <p>Iterations may run in any order and at the same time: a loop whose iterations depend on each
 * other in a way the compiler sees is refused, one it cannot see races (see README, "prange loops").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Parallel {
}
