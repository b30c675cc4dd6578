package org.jdpx.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What a running work-item knows about itself: its ids and the launch geometry, work-group
 * barriers, work-group local memory and atomics. Every {@link Kernel @Kernel} method takes one
 * as its first parameter.
 *
 * <p>On OpenCL and SPIR-V devices the compiler replaces each call by the device built-in
 * ({@code get_global_id}, {@code barrier}, {@code atomic_add}, ...); dimension arguments must
 * then be compile-time constants 0..2 and local-memory sizes constants. On the java device a
 * runner subclass supplies the ids; the atomics below are shared by all runners and use
 * VarHandles, so they are real atomics between the runner's threads.
 */
public abstract class KernelContext {

    /** For runners only: the java device's per-thread context subclasses this. */
    protected KernelContext() {
    }

    /** Global id in dimension {@code dim} (0..2). */
    public abstract int globalId(int dim);

    /** Id within the work-group in dimension {@code dim}. */
    public abstract int localId(int dim);

    /** Work-group id in dimension {@code dim}. */
    public abstract int groupId(int dim);

    /** Global range in dimension {@code dim} (1 for dimensions the launch does not use). */
    public abstract int globalSize(int dim);

    /** Work-group size in dimension {@code dim}. */
    public abstract int localSize(int dim);

    /** Number of work-groups in dimension {@code dim}. */
    public abstract int numGroups(int dim);

    /** Row-major linear global id: {@code (id2 * size1 + id1) * size0 + id0}. */
    public abstract int globalLinearId();

    /** Linear id within the work-group. */
    public abstract int localLinearId();

    /** Linear work-group id. */
    public abstract int groupLinearId();

    /** Waits for every work-item of the group; makes local-memory writes visible to the group. */
    public abstract void localBarrier();

    /** Like {@link #localBarrier()}, and also orders global-memory accesses within the group. */
    public abstract void globalBarrier();

    /** Work-group local memory of {@code n} floats, shared by the group; {@code n} must be a compile-time constant. */
    public abstract float[] localFloats(int n);

    /** Work-group local memory of {@code n} ints; {@code n} must be a compile-time constant. */
    public abstract int[] localInts(int n);

    /** Work-group local memory of {@code n} longs; {@code n} must be a compile-time constant. */
    public abstract long[] localLongs(int n);

    /** Work-group local memory of {@code n} doubles (needs fp64 on devices); {@code n} must be constant. */
    public abstract double[] localDoubles(int n);

    // ---- atomics on global views: each returns the value before the update ----

    /** Atomically adds {@code v} to {@code a[i]}; returns the old value. */
    public final int atomicAdd(IntArray a, int i, int v) { return a.atomicAdd(i, v); }
    /** Atomically subtracts; returns the old value. */
    public final int atomicSub(IntArray a, int i, int v) { return a.atomicAdd(i, -v); }
    /** Atomic signed minimum; returns the old value. */
    public final int atomicMin(IntArray a, int i, int v) { return a.atomicMin(i, v); }
    /** Atomic signed maximum; returns the old value. */
    public final int atomicMax(IntArray a, int i, int v) { return a.atomicMax(i, v); }
    /** Atomic bitwise and; returns the old value. */
    public final int atomicAnd(IntArray a, int i, int v) { return a.atomicAnd(i, v); }
    /** Atomic bitwise or; returns the old value. */
    public final int atomicOr(IntArray a, int i, int v) { return a.atomicOr(i, v); }
    /** Atomic bitwise xor; returns the old value. */
    public final int atomicXor(IntArray a, int i, int v) { return a.atomicXor(i, v); }
    /** Atomic exchange; returns the old value. */
    public final int atomicExchange(IntArray a, int i, int v) { return a.atomicExchange(i, v); }
    /** Stores {@code desired} if {@code a[i] == expected}; returns the old value either way. */
    public final int atomicCompareExchange(IntArray a, int i, int expected, int desired) {
        return a.atomicCompareExchange(i, expected, desired);
    }

    /** 64-bit atomic add (devices need aspect atomic64); returns the old value. */
    public final long atomicAdd(LongArray a, int i, long v) { return a.atomicAdd(i, v); }
    /** 64-bit atomic subtract; returns the old value. */
    public final long atomicSub(LongArray a, int i, long v) { return a.atomicAdd(i, -v); }
    /** 64-bit atomic minimum; returns the old value. */
    public final long atomicMin(LongArray a, int i, long v) { return a.atomicMin(i, v); }
    /** 64-bit atomic maximum; returns the old value. */
    public final long atomicMax(LongArray a, int i, long v) { return a.atomicMax(i, v); }
    /** 64-bit atomic and; returns the old value. */
    public final long atomicAnd(LongArray a, int i, long v) { return a.atomicAnd(i, v); }
    /** 64-bit atomic or; returns the old value. */
    public final long atomicOr(LongArray a, int i, long v) { return a.atomicOr(i, v); }
    /** 64-bit atomic xor; returns the old value. */
    public final long atomicXor(LongArray a, int i, long v) { return a.atomicXor(i, v); }
    /** 64-bit atomic exchange; returns the old value. */
    public final long atomicExchange(LongArray a, int i, long v) { return a.atomicExchange(i, v); }
    /** 64-bit compare-and-exchange; returns the old value. */
    public final long atomicCompareExchange(LongArray a, int i, long expected, long desired) {
        return a.atomicCompareExchange(i, expected, desired);
    }

    /** Atomic float add (a compare-and-swap loop on devices); returns the old value. */
    public final float atomicAdd(FloatArray a, int i, float v) { return addFloat(a, i, v); }
    /** Atomic double add (devices need aspects fp64 and atomic64); returns the old value. */
    public final double atomicAdd(DoubleArray a, int i, double v) { return addDouble(a, i, v); }

    /**
     * For runners: how {@link #atomicAdd(FloatArray, int, float)} is carried out, a
     * compare-exchange loop here. The java device overrides it to sum a chunk's adds first where
     * no item reads the old value ({@code CompiledKernel#atomicsSummable}).
     */
    protected float addFloat(FloatArray a, int i, float v) { return a.atomicAdd(i, v); }

    /** For runners: how {@link #atomicAdd(DoubleArray, int, double)} is carried out, as {@link #addFloat}. */
    protected double addDouble(DoubleArray a, int i, double v) { return a.atomicAdd(i, v); }

    // ---- atomics on work-group local arrays ----

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** Atomic add on local memory; returns the old value. */
    public final int atomicAdd(int[] a, int i, int v) { return (int) INTS.getAndAdd(a, i, v); }
    /** Atomic subtract on local memory; returns the old value. */
    public final int atomicSub(int[] a, int i, int v) { return (int) INTS.getAndAdd(a, i, -v); }
    /** Atomic minimum on local memory; returns the old value. */
    public final int atomicMin(int[] a, int i, int v) {
        int old = (int) INTS.getVolatile(a, i);
        while (v < old) {
            int seen = (int) INTS.compareAndExchange(a, i, old, v);
            if (seen == old) break;
            old = seen;
        }
        return old;
    }
    /** Atomic maximum on local memory; returns the old value. */
    public final int atomicMax(int[] a, int i, int v) {
        int old = (int) INTS.getVolatile(a, i);
        while (v > old) {
            int seen = (int) INTS.compareAndExchange(a, i, old, v);
            if (seen == old) break;
            old = seen;
        }
        return old;
    }
    /** Atomic and on local memory; returns the old value. */
    public final int atomicAnd(int[] a, int i, int v) { return (int) INTS.getAndBitwiseAnd(a, i, v); }
    /** Atomic or on local memory; returns the old value. */
    public final int atomicOr(int[] a, int i, int v) { return (int) INTS.getAndBitwiseOr(a, i, v); }
    /** Atomic xor on local memory; returns the old value. */
    public final int atomicXor(int[] a, int i, int v) { return (int) INTS.getAndBitwiseXor(a, i, v); }
    /** Atomic exchange on local memory; returns the old value. */
    public final int atomicExchange(int[] a, int i, int v) { return (int) INTS.getAndSet(a, i, v); }
    /** Compare-and-exchange on local memory; returns the old value. */
    public final int atomicCompareExchange(int[] a, int i, int expected, int desired) {
        return (int) INTS.compareAndExchange(a, i, expected, desired);
    }

    /** 64-bit atomic add on local memory; returns the old value. */
    public final long atomicAdd(long[] a, int i, long v) { return (long) LONGS.getAndAdd(a, i, v); }
    /** 64-bit atomic subtract on local memory; returns the old value. */
    public final long atomicSub(long[] a, int i, long v) { return (long) LONGS.getAndAdd(a, i, -v); }
    /** 64-bit atomic minimum on local memory; returns the old value. */
    public final long atomicMin(long[] a, int i, long v) {
        long old = (long) LONGS.getVolatile(a, i);
        while (v < old) {
            long seen = (long) LONGS.compareAndExchange(a, i, old, v);
            if (seen == old) break;
            old = seen;
        }
        return old;
    }
    /** 64-bit atomic maximum on local memory; returns the old value. */
    public final long atomicMax(long[] a, int i, long v) {
        long old = (long) LONGS.getVolatile(a, i);
        while (v > old) {
            long seen = (long) LONGS.compareAndExchange(a, i, old, v);
            if (seen == old) break;
            old = seen;
        }
        return old;
    }
    /** 64-bit atomic and on local memory; returns the old value. */
    public final long atomicAnd(long[] a, int i, long v) { return (long) LONGS.getAndBitwiseAnd(a, i, v); }
    /** 64-bit atomic or on local memory; returns the old value. */
    public final long atomicOr(long[] a, int i, long v) { return (long) LONGS.getAndBitwiseOr(a, i, v); }
    /** 64-bit atomic xor on local memory; returns the old value. */
    public final long atomicXor(long[] a, int i, long v) { return (long) LONGS.getAndBitwiseXor(a, i, v); }
    /** 64-bit atomic exchange on local memory; returns the old value. */
    public final long atomicExchange(long[] a, int i, long v) { return (long) LONGS.getAndSet(a, i, v); }
    /** 64-bit compare-and-exchange on local memory; returns the old value. */
    public final long atomicCompareExchange(long[] a, int i, long expected, long desired) {
        return (long) LONGS.compareAndExchange(a, i, expected, desired);
    }

    /**
     * Atomic float add on local memory; returns the old value. Java float arrays have no
     * atomic VarHandle for floats, so the java device serialises these per array.
     */
    public final float atomicAdd(float[] a, int i, float v) {
        synchronized (a) {
            float old = a[i];
            a[i] = old + v;
            return old;
        }
    }

}
