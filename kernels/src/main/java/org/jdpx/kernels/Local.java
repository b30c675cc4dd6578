package org.jdpx.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a kernel parameter of type {@code float[]}, {@code int[]}, {@code long[]} or
 * {@code double[]} as work-group local memory whose size is chosen at launch: the caller
 * passes {@link LocalMemory#floats(int)} (etc.) in its place. Every work-group gets its own
 * instance, shared by the group's work-items; it becomes a {@code __local T*} kernel argument
 * on OpenCL devices.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Local {
}
