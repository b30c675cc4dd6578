package org.jdpx.kernels.ir;

/** A pointer to {@code elem} values in {@code space}: how array views and local-memory parameters reach the IR. */
public record PtrType(Scalar elem, AddressSpace space) implements Type {
}
