package org.jdpx.tensor.fusion;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockLanes} for float32: one Vector API loop per operation over the JVM's preferred
 * vector width. {@code exp} is {@link ExpLowering}'s polynomial step by step in lanes (the same
 * additions, multiplications, selects and bit operations, never fused), so the java device gives
 * the same bits as every OpenCL device. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class FloatBlocks implements BlockLanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final float LOG2E = (float) ExpLowering.LOG2E;
    private static final int SHIFTER_BITS = Float.floatToRawIntBits(ExpLowering.F32_SHIFTER);
    private static final float[] C = new float[ExpLowering.F32_DEGREE + 1];

    static {
        for (int n = 2; n < C.length; n++) C[n] = (float) ExpLowering.inverseFactorial(n);
        if (ExpLowering.F32_DEGREE != 7) throw new IllegalStateException("FloatBlocks.exp unrolls degree 7");
    }

    private static final float C2 = C[2], C3 = C[3], C4 = C[4], C5 = C[5], C6 = C[6], C7 = C[7];

    /** Each operation's loop, called through a handle so that C2 compiles it on its own ({@link BlockLoops}). */
    private static final BlockLoops LOOPS = new BlockLoops(MethodHandles.lookup(), float[].class);

    @Override public BlockLoops loops() { return LOOPS; }

    @Override public int lanes() { return L; }

    @Override public int itemSize() { return 4; }

    @Override public Object buffer(int length) { return new float[length]; }

    @Override
    public void load(MemorySegment s, long index, Object buf, int n) {
        MemorySegment.copy(s, F, index * 4, (float[]) buf, 0, n);
    }

    @Override
    public void store(Object buf, MemorySegment s, long index, int n) {
        MemorySegment.copy((float[]) buf, 0, s, F, index * 4, n);
    }

    @Override public double get(MemorySegment s, long index) { return s.getAtIndex(F, index); }

    @Override public void put(MemorySegment s, long index, double v) { s.setAtIndex(F, index, (float) v); }

    @Override public void fill(Object buf, double v) { Arrays.fill((float[]) buf, (float) v); }

    @Override public double round(double v) { return (float) v; }

    @Override
    public void apply(ElementOp op, Object x, Object y, Object out, int n) {
        try {
            LOOPS.elementwise(op).invokeExact((float[]) x, (float[]) y, (float[]) out, n);
        } catch (Throwable t) {
            throw BlockLoops.rethrow(t);
        }
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    private static void add(float[] a, float[] b, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).add(v(b, i)).intoArray(d, i);
    }

    private static void sub(float[] a, float[] b, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).sub(v(b, i)).intoArray(d, i);
    }

    private static void mul(float[] a, float[] b, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).mul(v(b, i)).intoArray(d, i);
    }

    private static void div(float[] a, float[] b, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).div(v(b, i)).intoArray(d, i);
    }

    private static void reciprocal(float[] a, float[] unused, float[] d, int n) {
        for (int i = 0; i < n; i += L) FloatVector.broadcast(S, 1f).div(v(a, i)).intoArray(d, i);
    }

    private static void neg(float[] a, float[] unused, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).neg().intoArray(d, i);
    }

    private static void abs(float[] a, float[] unused, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).abs().intoArray(d, i);
    }

    private static void sqrt(float[] a, float[] unused, float[] d, int n) {
        for (int i = 0; i < n; i += L) v(a, i).sqrt().intoArray(d, i);
    }

    private static void square(float[] a, float[] unused, float[] d, int n) {
        mul(a, a, d, n);
    }

    private static void maximum(float[] a, float[] b, float[] d, int n) {
        minMax(true, a, b, d, n);
    }

    private static void minimum(float[] a, float[] b, float[] d, int n) {
        minMax(false, a, b, d, n);
    }

    /** NumPy's maximum/minimum as {@link Lowering} writes them: a NaN operand wins (x's first), else the larger/smaller, y on ties. */
    private static void minMax(boolean max, float[] a, float[] b, float[] d, int n) {
        VectorOperators.Comparison better = max ? VectorOperators.GT : VectorOperators.LT;
        for (int i = 0; i < n; i += L) {
            FloatVector x = v(a, i), y = v(b, i);
            FloatVector r = y.blend(x, x.compare(better, y));
            r = r.blend(y, y.test(VectorOperators.IS_NAN));
            r.blend(x, x.test(VectorOperators.IS_NAN)).intoArray(d, i);
        }
    }

    /**
     * {@link ExpLowering#exp} in lanes, operation for operation, in three passes over the block
     * (the reduced argument and shifted exponent, the polynomial, the scaling) and without helper
     * methods, as {@code DoubleBlocks.exp} (why there): 0.19-0.20 ns an element against 0.29 in
     * one loop (4096 float32, warm).
     */
    private static void exp(float[] a, float[] unused, float[] d, int n) {
        float[] rs = scratch(n);
        for (int i = 0; i < n; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, i);
            x = x.blend(ExpLowering.F32_HI, x.compare(VectorOperators.GT, ExpLowering.F32_HI));
            x = x.blend(ExpLowering.F32_LO, x.compare(VectorOperators.LT, ExpLowering.F32_LO));
            FloatVector shifted = x.mul(LOG2E).add(ExpLowering.F32_SHIFTER);
            FloatVector k = shifted.sub(ExpLowering.F32_SHIFTER);
            x.sub(k.mul(ExpLowering.F32_LN2_HI)).sub(k.mul(ExpLowering.F32_LN2_LO)).intoArray(rs, i);
            shifted.intoArray(d, i);
        }
        for (int i = 0; i < n; i += L) {
            FloatVector r = FloatVector.fromArray(S, rs, i);
            FloatVector p = FloatVector.broadcast(S, C7);
            p = p.mul(r).add(C6);
            p = p.mul(r).add(C5);
            p = p.mul(r).add(C4);
            p = p.mul(r).add(C3);
            p = p.mul(r).add(C2);
            r.mul(r).mul(p).add(r).add(1f).intoArray(rs, i);
        }
        for (int i = 0; i < n; i += L) {
            IntVector ki = FloatVector.fromArray(S, d, i).reinterpretAsInts().sub(SHIFTER_BITS);
            IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            IntVector k2 = ki.sub(k1);
            FloatVector.fromArray(S, rs, i).mul(k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                    .mul(k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()).intoArray(d, i);
        }
    }

    /** This thread's scratch buffer of at least {@code n} elements (for {@link #exp}). */
    private static float[] scratch(int n) {
        float[] s = SCRATCH.get();
        if (s.length < n) SCRATCH.set(s = new float[n]);
        return s;
    }

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public double reduce(ReduceOp op, Object buf, int n) {
        float[] a = (float[]) buf;
        int end = (n + L - 1) / L * L;
        float identity = switch (op) {
            case SUM -> 0f;
            case PROD -> 1f;
            case MAX -> Float.NEGATIVE_INFINITY;
            case MIN -> Float.POSITIVE_INFINITY;
            default -> throw new IllegalStateException(op + " has no block loop");
        };
        Arrays.fill(a, n, end, identity);
        try {
            return (float) LOOPS.reduction(op).invokeExact(a, end);
        } catch (Throwable t) {
            throw BlockLoops.rethrow(t);
        }
    }

    private static float sum(float[] a, int n) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            s0 = s0.add(v(a, i));
            s1 = s1.add(v(a, i + L));
        }
        if (i < n) s0 = s0.add(v(a, i));
        return s0.add(s1).reduceLanes(VectorOperators.ADD);
    }

    private static float prod(float[] a, int n) {
        FloatVector s = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < n; i += L) s = s.mul(v(a, i));
        return s.reduceLanes(VectorOperators.MUL);
    }

    /** Math.max's rules (a NaN wins): NumPy's max propagates NaN. */
    private static float max(float[] a, int n) {
        FloatVector s = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i += L) s = s.max(v(a, i));
        return s.reduceLanes(VectorOperators.MAX);
    }

    private static float min(float[] a, int n) {
        FloatVector s = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        for (int i = 0; i < n; i += L) s = s.min(v(a, i));
        return s.reduceLanes(VectorOperators.MIN);
    }
}
