package org.jdpx.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an OpenCL-style kernel: a {@code static void} method whose first parameter is a
 * {@link KernelContext} and whose other parameters are primitives, typed array views
 * ({@link FloatArray} and friends) or {@link Local @Local} launch-sized local arrays.
 *
 * <p>The annotation is retained at run time so launchers and tools can find kernels by
 * reflection; {@link KernelCompiler} compiles the method's bytecode for OpenCL C and SPIR-V
 * devices, and the java device runs the method itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Kernel {
}
