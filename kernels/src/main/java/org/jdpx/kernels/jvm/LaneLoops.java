package org.jdpx.kernels.jvm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jdpx.kernels.ir.BinOp;

/**
 * The Vector API loops of {@link LaneKernels}: one operation of a lane program over a block of
 * work-items held in a float or double array. Blocks are a multiple of the JVM's preferred vector
 * length long ({@link #BLOCK}); an operation runs over every whole vector its {@code n} items
 * touch, so lanes past {@code n} hold leftovers nobody stores or sums. Each lane does what the
 * scalar kernel does to one item: IEEE operations with one rounding each, no fusing (a
 * {@code Math.fma} of the kernel is one fused operation in both). Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class LaneLoops {
    /** The species of every float and double lane operation, here and in {@link LaneCode}'s generated code. */
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** How views' memory is read: the platform's order, as every other access of the java device. */
    static final java.nio.ByteOrder ORDER = java.nio.ByteOrder.nativeOrder();
    /** Items per block: a multiple of both species' lengths; registers of this many items stay in L1 together. */
    static final int BLOCK = 1024;
    /** The longer of the two species, in items: every block is a whole number of these. */
    static final int UNIT = Math.max(FS.length(), DS.length());

    static {
        if (BLOCK % FS.length() != 0 || BLOCK % DS.length() != 0) {
            throw new IllegalStateException("a block of " + BLOCK + " items is not a whole number of vectors");
        }
    }

    private LaneLoops() {
    }

    /** {@code d = a op b} for ADD, SUB, MUL or DIV, float lanes. */
    static void binary(BinOp op, float[] a, float[] b, float[] d, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i += FS.length()) f(a, i).add(f(b, i)).intoArray(d, i); }
            case SUB -> { for (int i = 0; i < n; i += FS.length()) f(a, i).sub(f(b, i)).intoArray(d, i); }
            case MUL -> { for (int i = 0; i < n; i += FS.length()) f(a, i).mul(f(b, i)).intoArray(d, i); }
            case DIV -> { for (int i = 0; i < n; i += FS.length()) f(a, i).div(f(b, i)).intoArray(d, i); }
            default -> throw new IllegalArgumentException("no lane loop for " + op);
        }
    }

    /** As {@link #binary(BinOp, float[], float[], float[], int)}, double lanes. */
    static void binary(BinOp op, double[] a, double[] b, double[] d, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i += DS.length()) d(a, i).add(d(b, i)).intoArray(d, i); }
            case SUB -> { for (int i = 0; i < n; i += DS.length()) d(a, i).sub(d(b, i)).intoArray(d, i); }
            case MUL -> { for (int i = 0; i < n; i += DS.length()) d(a, i).mul(d(b, i)).intoArray(d, i); }
            case DIV -> { for (int i = 0; i < n; i += DS.length()) d(a, i).div(d(b, i)).intoArray(d, i); }
            default -> throw new IllegalArgumentException("no lane loop for " + op);
        }
    }

    /** {@code d = -a}, {@code |a|} or {@code sqrt(a)} ({@link LanePlan.Unary.Fn}), float lanes. */
    static void unary(LanePlan.Unary.Fn fn, float[] a, float[] d, int n) {
        // one loop per operator: lanewise(op) is intrinsic only for an operator C2 sees as a
        // constant; chosen by a switch first, it ran per lane in Java (sqrt 2.2-2.4 ns and abs
        // 1.6-1.8 ns an element against 0.08 for a multiplication)
        switch (fn) {
            case NEG -> { for (int i = 0; i < n; i += FS.length()) f(a, i).neg().intoArray(d, i); }
            case ABS -> { for (int i = 0; i < n; i += FS.length()) f(a, i).abs().intoArray(d, i); }
            case SQRT -> { for (int i = 0; i < n; i += FS.length()) f(a, i).sqrt().intoArray(d, i); }
        }
    }

    /** As {@link #unary(LanePlan.Unary.Fn, float[], float[], int)}, double lanes. */
    static void unary(LanePlan.Unary.Fn fn, double[] a, double[] d, int n) {
        switch (fn) {
            case NEG -> { for (int i = 0; i < n; i += DS.length()) d(a, i).neg().intoArray(d, i); }
            case ABS -> { for (int i = 0; i < n; i += DS.length()) d(a, i).abs().intoArray(d, i); }
            case SQRT -> { for (int i = 0; i < n; i += DS.length()) d(a, i).sqrt().intoArray(d, i); }
        }
    }

    /** {@code d = fma(a, b, c)} ({@code Math.fma}: one rounding), float lanes. */
    static void fma(float[] a, float[] b, float[] c, float[] d, int n) {
        for (int i = 0; i < n; i += FS.length()) f(a, i).fma(f(b, i), f(c, i)).intoArray(d, i);
    }

    /** As {@link #fma(float[], float[], float[], float[], int)}, double lanes. */
    static void fma(double[] a, double[] b, double[] c, double[] d, int n) {
        for (int i = 0; i < n; i += DS.length()) d(a, i).fma(d(b, i), d(c, i)).intoArray(d, i);
    }

    /** {@code d = (double) a}, exact. */
    static void widen(float[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) d[i] = a[i];
    }

    /** {@code d = (float) a}, rounded to nearest as Java's {@code d2f}. */
    static void narrow(double[] a, float[] d, int n) {
        for (int i = 0; i < n; i++) d[i] = (float) a[i];
    }

    /**
     * The sum of {@code a[0..n-1]}: four vector accumulators in float lanes over the block (at most
     * {@link #BLOCK} items, so no lane adds more than a few dozen terms), then their lanes; the
     * caller adds the blocks' sums in double.
     */
    static double sum(float[] a, int n) {
        int w = FS.length(), whole = n - n % w;
        FloatVector s0 = FloatVector.zero(FS), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 4 * w <= whole; i += 4 * w) {
            s0 = s0.add(f(a, i));
            s1 = s1.add(f(a, i + w));
            s2 = s2.add(f(a, i + 2 * w));
            s3 = s3.add(f(a, i + 3 * w));
        }
        for (; i < whole; i += w) s0 = s0.add(f(a, i));
        double total = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) total += a[i];
        return total;
    }

    /** As {@link #sum(float[], int)}, double lanes. */
    static double sum(double[] a, int n) {
        int w = DS.length(), whole = n - n % w;
        DoubleVector s0 = DoubleVector.zero(DS), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 4 * w <= whole; i += 4 * w) {
            s0 = s0.add(d(a, i));
            s1 = s1.add(d(a, i + w));
            s2 = s2.add(d(a, i + 2 * w));
            s3 = s3.add(d(a, i + 3 * w));
        }
        for (; i < whole; i += w) s0 = s0.add(d(a, i));
        double total = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) total += a[i];
        return total;
    }

    private static FloatVector f(float[] a, int i) {
        return FloatVector.fromArray(FS, a, i);
    }

    private static DoubleVector d(double[] a, int i) {
        return DoubleVector.fromArray(DS, a, i);
    }
}
