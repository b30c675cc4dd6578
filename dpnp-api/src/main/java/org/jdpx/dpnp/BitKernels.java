package org.jdpx.dpnp;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;

/**
 * The {@code @Kernel} methods behind the integer and IEEE-bit ufuncs fusion cannot express:
 * Euclid's gcd (a data-dependent loop), population counts, and stepping a float's bit pattern (nextafter). One work-item per element of dense arrays ({@link Dense}).
 */
final class BitKernels {

    private BitKernels() {
    }

    /** {@code out[i] = gcd(|a[i]|, |b[i]|)} by Euclid's algorithm (at most 92 steps for 64-bit values). */
    @Kernel
    public static void gcd(KernelContext ctx, LongArray a, LongArray b, LongArray out, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        long x = a.get(i);
        long y = b.get(i);
        if (x < 0) x = -x;
        if (y < 0) y = -y;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        out.set(i, x);
    }

    /** {@code out[i]} = the number of one bits of {@code |x[i]|}. */
    @Kernel
    public static void bitCount(KernelContext ctx, LongArray x, LongArray out, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        long v = x.get(i);
        out.set(i, Long.bitCount(v < 0 ? -v : v));
    }

    /** {@code out[i]} = the float64 whose bit pattern is {@code x[i]}'s plus {@code step[i]}. */
    @Kernel
    public static void step64(KernelContext ctx, DoubleArray x, LongArray step, DoubleArray out, int n) {
        int i = ctx.globalId(0);
        if (i < n) out.set(i, Double.longBitsToDouble(Double.doubleToRawLongBits(x.get(i)) + step.get(i)));
    }

    /** {@code out[i]} = the float32 whose bit pattern is {@code x[i]}'s plus {@code step[i]}. */
    @Kernel
    public static void step32(KernelContext ctx, FloatArray x, LongArray step, FloatArray out, int n) {
        int i = ctx.globalId(0);
        if (i < n) out.set(i, Float.intBitsToFloat(Float.floatToRawIntBits(x.get(i)) + (int) step.get(i)));
    }
}
