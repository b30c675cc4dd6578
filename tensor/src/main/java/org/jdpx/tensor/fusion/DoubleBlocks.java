package org.jdpx.tensor.fusion;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockLanes} for float64: one Vector API loop per operation over the JVM's preferred
 * vector width. {@code exp} is {@link ExpLowering}'s polynomial step by step in lanes (the same
 * additions, multiplications, selects and bit operations, never fused), so the java device gives
 * the same bits as every OpenCL device. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class DoubleBlocks implements BlockLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ValueLayout.OfDouble F = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final double LOG2E = ExpLowering.LOG2E;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(ExpLowering.F64_SHIFTER);
    private static final double[] C = new double[ExpLowering.F64_DEGREE + 1];

    static {
        for (int n = 2; n < C.length; n++) C[n] = ExpLowering.inverseFactorial(n);
        if (ExpLowering.F64_DEGREE != 13) throw new IllegalStateException("DoubleBlocks.exp unrolls degree 13");
    }

    private static final double C2 = C[2], C3 = C[3], C4 = C[4], C5 = C[5], C6 = C[6], C7 = C[7], C8 = C[8], C9 = C[9],
            C10 = C[10], C11 = C[11], C12 = C[12], C13 = C[13];

    /** Each operation's loop, called through a handle so that C2 compiles it on its own ({@link BlockLoops}). */
    private static final BlockLoops LOOPS = new BlockLoops(MethodHandles.lookup(), double[].class);

    @Override public BlockLoops loops() { return LOOPS; }

    @Override public int lanes() { return L; }

    @Override public int itemSize() { return 8; }

    @Override public Object buffer(int length) { return new double[length]; }

    @Override
    public void load(MemorySegment s, long index, Object buf, int n) {
        MemorySegment.copy(s, F, index * 8, (double[]) buf, 0, n);
    }

    @Override
    public void store(Object buf, MemorySegment s, long index, int n) {
        MemorySegment.copy((double[]) buf, 0, s, F, index * 8, n);
    }

    @Override public double get(MemorySegment s, long index) { return s.getAtIndex(F, index); }

    @Override public void put(MemorySegment s, long index, double v) { s.setAtIndex(F, index, v); }

    @Override public void fill(Object buf, double v) { Arrays.fill((double[]) buf, v); }

    @Override public double round(double v) { return v; }

    @Override
    public void apply(ElementOp op, Object x, Object y, Object out, int n) {
        try {
            LOOPS.elementwise(op).invokeExact((double[]) x, (double[]) y, (double[]) out, n);
        } catch (Throwable t) {
            throw BlockLoops.rethrow(t);
        }
    }

    private static DoubleVector v(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    private static void add(double[] a, double[] b, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).add(v(b, i)).intoArray(d, i);
    }

    private static void sub(double[] a, double[] b, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).sub(v(b, i)).intoArray(d, i);
    }

    private static void mul(double[] a, double[] b, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).mul(v(b, i)).intoArray(d, i);
    }

    private static void div(double[] a, double[] b, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).div(v(b, i)).intoArray(d, i);
    }

    private static void reciprocal(double[] a, double[] unused, double[] d, int n) {
        for (int i = 0; i < n; i += L) DoubleVector.broadcast(S, 1.0).div(v(a, i)).intoArray(d, i);
    }

    private static void neg(double[] a, double[] unused, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).neg().intoArray(d, i);
    }

    private static void abs(double[] a, double[] unused, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).abs().intoArray(d, i);
    }

    private static void sqrt(double[] a, double[] unused, double[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).sqrt().intoArray(d, i);
    }

    private static void square(double[] a, double[] unused, double[] d, int n) {
        mul(a, a, d, n);
    }

    private static void maximum(double[] a, double[] b, double[] d, int n) {
        minMax(true, a, b, d, n);
    }

    private static void minimum(double[] a, double[] b, double[] d, int n) {
        minMax(false, a, b, d, n);
    }

    /** NumPy's maximum/minimum as {@link Lowering} writes them: a NaN operand wins (x's first), else the larger/smaller, y on ties. */
    private static void minMax(boolean max, double[] a, double[] b, double[] d, int n) {
        VectorOperators.Comparison better = max ? VectorOperators.GT : VectorOperators.LT;
        for (int i = 0; i < n; i += L) {
            DoubleVector x = v(a, i), y = v(b, i);
            DoubleVector r = y.blend(x, x.compare(better, y));
            r = r.blend(y, y.test(VectorOperators.IS_NAN));
            r.blend(x, x.test(VectorOperators.IS_NAN)).intoArray(d, i);
        }
    }

    /**
     * {@link ExpLowering#exp} in lanes, operation for operation, in three passes over the block:
     * the reduced argument {@code r} (into a scratch buffer) and the shifted exponent (into
     * {@code d}), the polynomial (in the scratch buffer), then the scaling by two powers of two.
     * Every vector operation is a Vector API call, which C2 inlines by annotation: a helper of
     * our own (a load, a power of two) is inlined only while the method's graph is small, and
     * this one's grew past C2's node cutoff before the last helpers, which then ran as calls on
     * boxed vectors: 3.5-4.8 ns an element (4096 float64, warm) where the JVM's scalar
     * {@code Math.exp} takes 3.0. Without helpers it took 1.0 ns in one loop and 0.75 in three
     * (fewer live vectors), with the same bits.
     */
    private static void exp(double[] a, double[] unused, double[] d, int n) {
        double[] rs = scratch(n);
        for (int i = 0; i < n; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            x = x.blend(ExpLowering.F64_HI, x.compare(VectorOperators.GT, ExpLowering.F64_HI));
            x = x.blend(ExpLowering.F64_LO, x.compare(VectorOperators.LT, ExpLowering.F64_LO));
            DoubleVector shifted = x.mul(LOG2E).add(ExpLowering.F64_SHIFTER);
            DoubleVector k = shifted.sub(ExpLowering.F64_SHIFTER);
            x.sub(k.mul(ExpLowering.F64_LN2_HI)).sub(k.mul(ExpLowering.F64_LN2_LO)).intoArray(rs, i);
            shifted.intoArray(d, i);
        }
        for (int i = 0; i < n; i += L) {
            DoubleVector r = DoubleVector.fromArray(S, rs, i);
            DoubleVector p = DoubleVector.broadcast(S, C13);
            p = p.mul(r).add(C12);
            p = p.mul(r).add(C11);
            p = p.mul(r).add(C10);
            p = p.mul(r).add(C9);
            p = p.mul(r).add(C8);
            p = p.mul(r).add(C7);
            p = p.mul(r).add(C6);
            p = p.mul(r).add(C5);
            p = p.mul(r).add(C4);
            p = p.mul(r).add(C3);
            p = p.mul(r).add(C2);
            r.mul(r).mul(p).add(r).add(1.0).intoArray(rs, i);
        }
        for (int i = 0; i < n; i += L) {
            LongVector ki = DoubleVector.fromArray(S, d, i).reinterpretAsLongs().sub(SHIFTER_BITS);
            LongVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            LongVector k2 = ki.sub(k1);
            DoubleVector.fromArray(S, rs, i).mul(k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())
                    .mul(k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles()).intoArray(d, i);
        }
    }

    /** This thread's scratch buffer of at least {@code n} elements (for {@link #exp}). */
    private static double[] scratch(int n) {
        double[] s = SCRATCH.get();
        if (s.length < n) SCRATCH.set(s = new double[n]);
        return s;
    }

    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    @Override
    public double reduce(ReduceOp op, Object buf, int n) {
        double[] a = (double[]) buf;
        int end = (n + L - 1) / L * L;
        double identity = switch (op) {
            case SUM -> 0.0;
            case PROD -> 1.0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalStateException(op + " has no block loop");
        };
        Arrays.fill(a, n, end, identity);
        try {
            return (double) LOOPS.reduction(op).invokeExact(a, end);
        } catch (Throwable t) {
            throw BlockLoops.rethrow(t);
        }
    }

    private static double sum(double[] a, int n) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0;
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            s0 = s0.add(v(a, i));
            s1 = s1.add(v(a, i + L));
        }
        if (i < n) s0 = s0.add(v(a, i));
        return s0.add(s1).reduceLanes(VectorOperators.ADD);
    }

    private static double prod(double[] a, int n) {
        DoubleVector s = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < n; i += L) s = s.mul(v(a, i));
        return s.reduceLanes(VectorOperators.MUL);
    }

    /** Math.max's rules (a NaN wins): NumPy's max propagates NaN. */
    private static double max(double[] a, int n) {
        DoubleVector s = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i += L) s = s.max(v(a, i));
        return s.reduceLanes(VectorOperators.MAX);
    }

    private static double min(double[] a, int n) {
        DoubleVector s = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i += L) s = s.min(v(a, i));
        return s.reduceLanes(VectorOperators.MIN);
    }
}
