package org.jdpx.kernels.ir;

/**
 * Atomic read-modify-write operations; every one yields the value memory held before.
 * CMPXCHG takes (expected, desired) operands, the others one value. On F32/F64 only ADD
 * exists (emitted as a compare-and-swap loop on the raw bits). I64 and F64 need aspect atomic64.
 */
public enum AtomicOp {
    ADD, SUB, MIN, MAX, AND, OR, XOR, XCHG, CMPXCHG
}
