package org.jdpx.kernels.jvm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jdpx.kernels.ir.AtomicOp;

/**
 * Atomics for code generated from IR on the java device, on view memory (a segment and an element
 * index) and on work-group local arrays. The operation is {@link AtomicOp#ordinal()}, a constant at
 * every generated call site, so C2 folds the switch after inlining. Every method returns the value
 * held before the update, as OpenCL's atomics do; min/max and float add are compare-and-swap loops.
 * Public only because hidden classes link against it.
 */
public final class JvmAtomics {
    private JvmAtomics() {
    }

    private static final VarHandle SEG_I32 = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle SEG_I64 = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle ARR_I32 = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle ARR_I64 = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle ARR_F32 = MethodHandles.arrayElementVarHandle(float[].class);
    private static final VarHandle ARR_F64 = MethodHandles.arrayElementVarHandle(double[].class);
    private static final int ADD = AtomicOp.ADD.ordinal(), SUB = AtomicOp.SUB.ordinal(), MIN = AtomicOp.MIN.ordinal(),
            MAX = AtomicOp.MAX.ordinal(), AND = AtomicOp.AND.ordinal(), OR = AtomicOp.OR.ordinal(),
            XOR = AtomicOp.XOR.ordinal(), XCHG = AtomicOp.XCHG.ordinal();

    /** int atomic {@code op} on element {@code i} of a view's segment; {@code b} is the desired value of CMPXCHG. */
    public static int i32(MemorySegment s, long i, int op, int a, int b) {
        long at = i * 4L;
        if (op == ADD) return (int) SEG_I32.getAndAdd(s, at, a);
        if (op == SUB) return (int) SEG_I32.getAndAdd(s, at, -a);
        if (op == AND) return (int) SEG_I32.getAndBitwiseAnd(s, at, a);
        if (op == OR) return (int) SEG_I32.getAndBitwiseOr(s, at, a);
        if (op == XOR) return (int) SEG_I32.getAndBitwiseXor(s, at, a);
        if (op == XCHG) return (int) SEG_I32.getAndSet(s, at, a);
        if (op == MIN || op == MAX) {
            int old = (int) SEG_I32.getVolatile(s, at);
            while (op == MIN ? a < old : a > old) {
                int seen = (int) SEG_I32.compareAndExchange(s, at, old, a);
                if (seen == old) break;
                old = seen;
            }
            return old;
        }
        return (int) SEG_I32.compareAndExchange(s, at, a, b);
    }

    /** long atomic {@code op} on element {@code i} of a view's segment. */
    public static long i64(MemorySegment s, long i, int op, long a, long b) {
        long at = i * 8L;
        if (op == ADD) return (long) SEG_I64.getAndAdd(s, at, a);
        if (op == SUB) return (long) SEG_I64.getAndAdd(s, at, -a);
        if (op == AND) return (long) SEG_I64.getAndBitwiseAnd(s, at, a);
        if (op == OR) return (long) SEG_I64.getAndBitwiseOr(s, at, a);
        if (op == XOR) return (long) SEG_I64.getAndBitwiseXor(s, at, a);
        if (op == XCHG) return (long) SEG_I64.getAndSet(s, at, a);
        if (op == MIN || op == MAX) {
            long old = (long) SEG_I64.getVolatile(s, at);
            while (op == MIN ? a < old : a > old) {
                long seen = (long) SEG_I64.compareAndExchange(s, at, old, a);
                if (seen == old) break;
                old = seen;
            }
            return old;
        }
        return (long) SEG_I64.compareAndExchange(s, at, a, b);
    }

    /** float atomic add on element {@code i} of a view's segment, a compare-and-swap loop on the raw bits. */
    public static float f32(MemorySegment s, long i, float v) {
        long at = i * 4L;
        while (true) {
            int old = (int) SEG_I32.getVolatile(s, at);
            int next = Float.floatToRawIntBits(Float.intBitsToFloat(old) + v);
            if ((int) SEG_I32.compareAndExchange(s, at, old, next) == old) return Float.intBitsToFloat(old);
        }
    }

    /** double atomic add on element {@code i} of a view's segment. */
    public static double f64(MemorySegment s, long i, double v) {
        long at = i * 8L;
        while (true) {
            long old = (long) SEG_I64.getVolatile(s, at);
            long next = Double.doubleToRawLongBits(Double.longBitsToDouble(old) + v);
            if ((long) SEG_I64.compareAndExchange(s, at, old, next) == old) return Double.longBitsToDouble(old);
        }
    }

    /** int atomic {@code op} on element {@code i} of a work-group local array. */
    public static int i32(int[] arr, int i, int op, int a, int b) {
        if (op == ADD) return (int) ARR_I32.getAndAdd(arr, i, a);
        if (op == SUB) return (int) ARR_I32.getAndAdd(arr, i, -a);
        if (op == AND) return (int) ARR_I32.getAndBitwiseAnd(arr, i, a);
        if (op == OR) return (int) ARR_I32.getAndBitwiseOr(arr, i, a);
        if (op == XOR) return (int) ARR_I32.getAndBitwiseXor(arr, i, a);
        if (op == XCHG) return (int) ARR_I32.getAndSet(arr, i, a);
        if (op == MIN || op == MAX) {
            int old = (int) ARR_I32.getVolatile(arr, i);
            while (op == MIN ? a < old : a > old) {
                int seen = (int) ARR_I32.compareAndExchange(arr, i, old, a);
                if (seen == old) break;
                old = seen;
            }
            return old;
        }
        return (int) ARR_I32.compareAndExchange(arr, i, a, b);
    }

    /** long atomic {@code op} on element {@code i} of a work-group local array. */
    public static long i64(long[] arr, int i, int op, long a, long b) {
        if (op == ADD) return (long) ARR_I64.getAndAdd(arr, i, a);
        if (op == SUB) return (long) ARR_I64.getAndAdd(arr, i, -a);
        if (op == AND) return (long) ARR_I64.getAndBitwiseAnd(arr, i, a);
        if (op == OR) return (long) ARR_I64.getAndBitwiseOr(arr, i, a);
        if (op == XOR) return (long) ARR_I64.getAndBitwiseXor(arr, i, a);
        if (op == XCHG) return (long) ARR_I64.getAndSet(arr, i, a);
        if (op == MIN || op == MAX) {
            long old = (long) ARR_I64.getVolatile(arr, i);
            while (op == MIN ? a < old : a > old) {
                long seen = (long) ARR_I64.compareAndExchange(arr, i, old, a);
                if (seen == old) break;
                old = seen;
            }
            return old;
        }
        return (long) ARR_I64.compareAndExchange(arr, i, a, b);
    }

    /** float atomic add on element {@code i} of a work-group local array. */
    public static float f32(float[] arr, int i, float v) {
        while (true) {
            float old = (float) ARR_F32.getVolatile(arr, i);
            // compare the raw bits: a float CAS on values would spin forever on NaN
            if (Float.floatToRawIntBits((float) ARR_F32.compareAndExchange(arr, i, old, old + v)) == Float.floatToRawIntBits(old)) {
                return old;
            }
        }
    }

    /** double atomic add on element {@code i} of a work-group local array. */
    public static double f64(double[] arr, int i, double v) {
        while (true) {
            double old = (double) ARR_F64.getVolatile(arr, i);
            if (Double.doubleToRawLongBits((double) ARR_F64.compareAndExchange(arr, i, old, old + v)) == Double.doubleToRawLongBits(old)) {
                return old;
            }
        }
    }
}
