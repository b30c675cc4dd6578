package org.jdpx.device.opencl;

import org.jdpx.device.spi.LocalArg;

/**
 * The value each argument of one {@code cl_kernel} was last set to, so that {@link OpenClKernel}
 * skips {@code clSetKernelArg} for an argument that already holds it. Not thread-safe: the kernel
 * uses it under its own lock, the same lock its set-and-enqueue runs under.
 *
 * <p>Memory is remembered by identity of its {@link OpenClMemory}: the object stays reachable
 * from here, so no other block can be the same object, even one the driver put at the freed
 * block's address. Scalars by their bits and size in bytes (a {@code Byte 1} and a
 * {@code Boolean true} set the same byte), local memory by its size. The cost of identity: each
 * memory argument slot keeps the last {@link OpenClMemory} object it held reachable (a small Java
 * object; its {@code cl_mem} is released by {@link OpenClMemory#free()} as before).
 */
final class ArgValues {

    private static final byte UNSET = 0;
    private static final byte MEMORY = 1;
    private static final byte LOCAL = 2;
    /** Scalars: {@code SCALAR + size in bytes}. */
    private static final byte SCALAR = 10;

    private final byte[] kind;
    private final long[] bits;
    private final Object[] memory;

    ArgValues(int count) {
        kind = new byte[count];
        bits = new long[count];
        memory = new Object[count];
    }

    /** Whether argument {@code i} was last set to {@code arg}'s value. */
    boolean holds(int i, Object arg) {
        byte k = kind[i];
        if (k == UNSET) return false;
        return switch (arg) {
            case OpenClMemory m -> k == MEMORY && memory[i] == m;
            case LocalArg l -> k == LOCAL && bits[i] == l.bytes();
            case null -> false;
            default -> {
                long b = scalarBits(arg);
                yield k == SCALAR + scalarSize(arg) && bits[i] == b;
            }
        };
    }

    /** Records that argument {@code i} now holds {@code arg} (after a successful set). */
    void remember(int i, Object arg) {
        switch (arg) {
            case OpenClMemory m -> {
                kind[i] = MEMORY;
                memory[i] = m;
            }
            case LocalArg l -> {
                kind[i] = LOCAL;
                bits[i] = l.bytes();
                memory[i] = null;
            }
            default -> {
                kind[i] = (byte) (SCALAR + scalarSize(arg));
                bits[i] = scalarBits(arg);
                memory[i] = null;
            }
        }
    }

    /** Forgets argument {@code i}, before a set that may fail half-way. */
    void forget(int i) {
        kind[i] = UNSET;
        memory[i] = null;
    }

    private static int scalarSize(Object v) {
        return switch (v) {
            case Integer x -> 4;
            case Float x -> 4;
            case Long x -> 8;
            case Double x -> 8;
            case Short x -> 2;
            case Character x -> 2;
            case Byte x -> 1;
            case Boolean x -> 1;
            default -> -1; // not a scalar: never held, the set reports the type
        };
    }

    private static long scalarBits(Object v) {
        return switch (v) {
            case Integer x -> x;
            case Float x -> Float.floatToRawIntBits(x);
            case Long x -> x;
            case Double x -> Double.doubleToRawLongBits(x);
            case Short x -> x;
            case Character x -> x;
            case Byte x -> x;
            case Boolean x -> x ? 1 : 0;
            default -> 0;
        };
    }
}
