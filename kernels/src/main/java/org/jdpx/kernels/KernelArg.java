package org.jdpx.kernels;

import org.jdpx.kernels.ir.ParamKind;

/**
 * One OpenCL/SPIR-V kernel argument, in {@code clSetKernelArg} order, and where its value
 * comes from. The marshalling contract for launchers:
 * <ul>
 * <li>{@link ParamKind.Value}: user argument {@code argIndex} by value; int, long, float,
 *     double as themselves, boolean/byte/short/char widened to a 4-byte {@code int};</li>
 * <li>{@link ParamKind.View}: a {@code __global T*} to the start of the view's allocation;</li>
 * <li>{@link ParamKind.LocalBuffer}: {@code clSetKernelArg(k, position, LocalMemory.bytes(), NULL)};</li>
 * <li>{@link ParamKind.ViewInfo}: a hidden fact of view {@code argIndex}: LENGTH, RANK and
 *     SHAPE(dim) as 4-byte {@code int}, STRIDE(dim) and OFFSET in elements as 8-byte {@code long}
 *     (the kernel moves the view's pointer by its OFFSET on entry).</li>
 * </ul>
 *
 * @param position the argument index in the device kernel
 * @param name the OpenCL parameter name
 * @param kind where the value comes from
 * @param clType the OpenCL C type, e.g. {@code __global float*}, {@code int}
 */
public record KernelArg(int position, String name, ParamKind kind, String clType) {

    /** Size in bytes of a by-value argument (4 or 8); 8 (a pointer) for views. */
    public int valueBytes() {
        return switch (clType) {
            case "long", "double", "ulong" -> 8;
            default -> clType.endsWith("*") ? 8 : 4;
        };
    }
}
