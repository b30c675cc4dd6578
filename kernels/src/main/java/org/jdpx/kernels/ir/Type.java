package org.jdpx.kernels.ir;

/**
 * The type of an IR value or variable: a {@link Scalar}, a pointer into an address space
 * ({@link PtrType}) or a fixed-size array ({@link ArrayType}, private or work-group local).
 */
public sealed interface Type permits Scalar, PtrType, ArrayType {
}
