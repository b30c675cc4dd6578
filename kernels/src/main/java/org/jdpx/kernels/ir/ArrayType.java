package org.jdpx.kernels.ir;

/**
 * A fixed-size array variable: a private array ({@code new float[16]} in a kernel) or a
 * constant-size work-group local array ({@code ctx.localFloats(256)}).
 */
public record ArrayType(Scalar elem, int length, AddressSpace space) implements Type {
    /** Checks the length is positive. */
    public ArrayType {
        if (length < 1) throw new IllegalArgumentException("array length must be positive: " + length);
    }
}
