package org.jdpx.kernels.jvm;

import java.lang.foreign.ValueLayout;
import java.util.concurrent.Phaser;

/**
 * What code generated from IR calls on the java device besides the JDK: the memory layouts of view
 * elements (static finals, so C2 folds them), OpenCL-semantics math that neither {@link Math} nor
 * {@link org.jdpx.kernels.KernelMath} has, the devices' integer division rule, and the barrier.
 * Public only because hidden classes link against it; not an API for users.
 */
public final class JvmRuntime {
    private JvmRuntime() {
    }

    /** Element layouts, unaligned like the typed views' accessors (heap segments of other arrays). */
    public static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    /** Java short elements. */
    public static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    /** Java char elements. */
    public static final ValueLayout.OfChar U16 = ValueLayout.JAVA_CHAR_UNALIGNED;
    /** Java int elements. */
    public static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    /** Java long elements. */
    public static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    /** Java float elements. */
    public static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Java double elements. */
    public static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    // ---- integer division as the OpenCL and SPIR-V output computes it: x / 0 and x % 0 give 0

    /** {@code a / b}, 0 when {@code b == 0}. */
    public static int div(int a, int b) { return b == 0 ? 0 : a / b; }
    /** {@code a % b}, 0 when {@code b == 0}. */
    public static int rem(int a, int b) { return b == 0 ? 0 : a % b; }
    /** {@code a / b}, 0 when {@code b == 0}. */
    public static long div(long a, long b) { return b == 0 ? 0 : a / b; }
    /** {@code a % b}, 0 when {@code b == 0}. */
    public static long rem(long a, long b) { return b == 0 ? 0 : a % b; }

    // ---- OpenCL math: a NaN operand of fmin/fmax yields the other operand

    /** OpenCL {@code fmin}: the other operand when one is NaN; -0 below +0 as Java orders them. */
    public static float fmin(float a, float b) { return a != a ? b : b != b ? a : Math.min(a, b); }
    /** OpenCL {@code fmax}: the other operand when one is NaN. */
    public static float fmax(float a, float b) { return a != a ? b : b != b ? a : Math.max(a, b); }
    /** OpenCL {@code fmin} on doubles. */
    public static double fmin(double a, double b) { return a != a ? b : b != b ? a : Math.min(a, b); }
    /** OpenCL {@code fmax} on doubles. */
    public static double fmax(double a, double b) { return a != a ? b : b != b ? a : Math.max(a, b); }
    /** OpenCL {@code clamp} on floats: {@code fmin(fmax(x, lo), hi)}, so a NaN {@code x} gives {@code lo}. */
    public static float clamp(float x, float lo, float hi) { return fmin(fmax(x, lo), hi); }
    /** OpenCL {@code clamp} on doubles. */
    public static double clamp(double x, double lo, double hi) { return fmin(fmax(x, lo), hi); }
    /** {@code |x|}. */
    public static float fabs(float x) { return Math.abs(x); }
    /** {@code |x|}. */
    public static double fabs(double x) { return Math.abs(x); }
    /** C {@code fmod}: Java's floating remainder is the same truncating remainder. */
    public static float fmod(float a, float b) { return a % b; }
    /** C {@code fmod} on doubles. */
    public static double fmod(double a, double b) { return a % b; }
    /** NaN test. */
    public static boolean isnan(float x) { return x != x; }
    /** NaN test. */
    public static boolean isnan(double x) { return x != x; }
    /** Set bits, in the operand's type. */
    public static int popcount(int x) { return Integer.bitCount(x); }
    /** Set bits, in the operand's type. */
    public static long popcount(long x) { return Long.bitCount(x); }
    /** Leading zero bits, in the operand's type (32 or 64 for zero, as OpenCL says). */
    public static int clz(int x) { return Integer.numberOfLeadingZeros(x); }
    /** Leading zero bits, in the operand's type. */
    public static long clz(long x) { return Long.numberOfLeadingZeros(x); }

    // ---- work-groups

    /** Zero-fills a work-group's local arrays, so each group starts as a fresh one would (work-item loops reuse them). */
    public static void clearGroup(Object[] memory) {
        for (Object a : memory) {
            switch (a) {
                case byte[] b -> java.util.Arrays.fill(b, (byte) 0);
                case short[] s -> java.util.Arrays.fill(s, (short) 0);
                case char[] c -> java.util.Arrays.fill(c, (char) 0);
                case int[] i -> java.util.Arrays.fill(i, 0);
                case long[] l -> java.util.Arrays.fill(l, 0L);
                case float[] f -> java.util.Arrays.fill(f, 0f);
                case double[] d -> java.util.Arrays.fill(d, 0d);
                default -> throw new IllegalStateException("not a local-memory array: " + a);
            }
        }
    }

    /** Sets every work-item's alive flag to {@code v}. */
    public static void fill(byte[] alive, int v) {
        java.util.Arrays.fill(alive, (byte) v);
    }

    /** The local linear id of the first work-item that has not returned, or -1 when all have. */
    public static int firstLive(byte[] alive) {
        for (int i = 0; i < alive.length; i++) if (alive[i] != 0) return i;
        return -1;
    }

    /**
     * A work-group barrier for kernels whose items run as concurrent virtual threads: waits for
     * every item of the group; unwinds the item when another item of its group failed.
     */
    public static void barrier(Phaser phaser) {
        if (phaser == null) throw new IllegalStateException("barrier in a kernel launched without work-group support");
        phaser.arriveAndAwaitAdvance();
        if (phaser.isTerminated()) throw new WorkGroup.Aborted();
    }
}
