package org.jdpx.kernels.frontend;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;

/**
 * Kernels that must be refused. The line each error must name carries a {@code // BAD:<kernel>}
 * marker; the test finds it in this source file.
 */
@SuppressWarnings({"unused", "StringBufferReplaceableByString"})
final class NegativeKernels {
    private NegativeKernels() {
    }

    static int counter = 3;
    static final int[] TABLE = {1, 2, 3};
    static final Holder HOLDER = new Holder();

    static final class Holder {
        int value = 7;

        int twice() {
            return value * 2;
        }
    }

    @Kernel
    static void newObject(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        StringBuilder sb = new StringBuilder(); // BAD:newObject
        out.set(i, sb.length());
    }

    @Kernel
    static void dynamicArray(KernelContext ctx, FloatArray out, int n) {
        int i = ctx.globalId(0);
        float[] tmp = new float[n]; // BAD:dynamicArray
        out.set(i, tmp[0]);
    }

    @Kernel
    static void throwsException(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        if (i < 0) {
            throw new IllegalStateException("negative id"); // BAD:throwsException
        }
        out.set(i, i);
    }

    @Kernel
    static void usesString(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        String s = "kernel"; // BAD:usesString
        out.set(i, s.length());
    }

    @Kernel
    static void virtualCall(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        out.set(i, HOLDER.twice()); // BAD:virtualCall
    }

    @Kernel
    static void synchronizedBlock(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        synchronized (out) { // BAD:synchronizedBlock
            out.set(i, i);
        }
    }

    @Kernel
    static void instanceField(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        out.set(i, HOLDER.value); // BAD:instanceField
    }

    @Kernel
    static void nonFinalStatic(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        out.set(i, i * counter); // BAD:nonFinalStatic
    }

    @Kernel
    static void staticArray(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        out.set(i, TABLE[i % 3]); // BAD:staticArray
    }

    @Kernel
    static void lambda(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        java.util.function.IntUnaryOperator f = x -> x + 1; // BAD:lambda
        out.set(i, f.applyAsInt(i));
    }

    static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1); // BAD:recursion
    }

    @Kernel
    static void recursion(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        out.set(i, factorial(i));
    }

    @Kernel
    static int nonVoid(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0); // BAD:nonVoid
        out.set(i, i);
        return i;
    }

    @Kernel
    static void noContext(IntArray out, int i) {
        out.set(i, i); // BAD:noContext
    }

    @Kernel
    static void tryCatch(KernelContext ctx, IntArray out) {
        int i = ctx.globalId(0);
        try {
            out.set(i, 10 / i);
        } catch (ArithmeticException e) { // BAD:tryCatch
            out.set(i, 0);
        }
    }

    @Kernel
    static void dynamicDimension(KernelContext ctx, IntArray out, int d) {
        out.set(0, ctx.globalId(d)); // BAD:dynamicDimension
    }

    @Kernel
    static void localInHelperCaller(KernelContext ctx, FloatArray out) {
        out.set(0, sumLocal(ctx));
    }

    static float sumLocal(KernelContext ctx) {
        float[] scratch = ctx.localFloats(16); // BAD:localInHelperCaller
        return scratch[0];
    }
}
