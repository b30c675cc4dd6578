package org.jdpx.samples;

import java.nio.file.Path;
import org.jdpx.device.Device;

/**
 * One seed program in one programming style, runnable on any device and checked against a
 * plain-Java reference ({@link References}). The tour ({@link Tour}) runs every {@link Samples#all()
 * sample} on one device.
 */
public interface Sample {

    /** The three ways numba-dpex (and jdpx) let you write data-parallel code. */
    enum Style {
        /** Whole-array expressions on {@code UsmNdArray}s, fused into kernels: NumPy style. */
        ARRAY,
        /** {@code @Parallel} loops in ordinary methods: Numba's {@code prange}. */
        PRANGE,
        /** OpenCL-style {@code @Kernel} methods with ids, barriers, local memory and atomics. */
        KERNEL,
        /** {@code @Stencil} methods with relative indices applied to whole arrays: Numba's {@code @stencil}. */
        STENCIL;

        /** Lower-case name, as printed and in JSON. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Short program name, shared by its styles: {@code "pi"}, {@code "l2 distance"}, ... */
    String name();

    /** How this version is written. */
    Style style();

    /**
     * Runs the program on {@code device} and compares its result with the plain-Java reference.
     * Never throws for a wrong result: that is a {@link Result} with {@code ok == false}.
     */
    Result run(Device device);

    /**
     * What one run gave.
     *
     * @param device    filter string of the device the result lives on (read from the data, so a
     *                  fallback shows here)
     * @param precision {@code "float64"} or {@code "float32"}, the floating type the computation used
     * @param ok        whether the result matched the reference within its tolerance
     * @param detail    the value or error next to its reference and tolerance, in words
     * @param output    a file the sample wrote (the Mandelbrot PNG), or null
     */
    record Result(String device, String precision, boolean ok, String detail, Path output) {
    }
}
