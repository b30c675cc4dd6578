package org.jdpx.kernels.corpus;

import java.util.List;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.ShortArray;

/**
 * Corpus cases where a device's own semantics differ from Java's and the compiler must write around
 * them: OpenCL's fmin/fmax, which may return either zero of two signs, and code that Mesa's
 * llvmpipe (opencl:cpu:1) compiled wrongly until the OpenCL C emitter spelled it differently: signed compares of a widened int with a constant, and float
 * division by a literal zero. Every device must give Java's result. (Division by a local variable
 * holding zero is still folded to 0 there: README lists it.)
 */
final class DeviceSemanticsCases {
    private DeviceSemanticsCases() {
    }

    private static final int[] A = {7, -7, 0, -1, 384, 385, -3, -4, -99, -100, Integer.MIN_VALUE, Integer.MAX_VALUE, 5, -6, 6, 1 << 20};
    private static final short[] S = {6, 7, -7, 0, Short.MIN_VALUE, Short.MAX_VALUE, 8, -1, 6, 7, -7, 0, 1, 2, 3, 4};
    private static final float[] X = {1f, -2f, 0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f};

    private static final float[] MA = {0f, -0f, -0f, 0f, 1f, Float.NaN, 1f, Float.NEGATIVE_INFINITY, 3f, -0f};
    private static final float[] MB = {-0f, 0f, -0f, 0f, 2f, 1f, Float.NaN, Float.POSITIVE_INFINITY, 3f, -1f};

    static void addTo(List<Case> c) {
        c.add(new Case("roundOfNaNArithmetic", new int[] {X.length}, null, () -> new Object[] {floats(X), Data.floats(2 * X.length), Data.ints(X.length)},
                a -> {
                    float[] e = new float[2 * X.length];
                    for (int i = 0; i < X.length; i++) {
                        e[2 * i] = (float) Math.rint(X[i] / Float.NaN);
                        e[2 * i + 1] = (float) Math.floor(X[i] * Float.NaN) + (float) Math.tanh(Float.NaN) + (float) Math.exp(Float.NaN)
                                + (float) Math.expm1(-(Float.NaN / X[i]));
                    }
                    bitExact(e, (FloatArray) a[1]);
                    int[] ei = new int[X.length];
                    for (int i = 0; i < X.length; i++) ei[i] = 3 + i;
                    Checks.ints(ei, (IntArray) a[2]);
                }, true));
        c.add(new Case("minMaxSignedZeros", new int[] {MA.length}, null, () -> new Object[] {floats(MA), floats(MB),
                Data.floats(4 * MA.length)}, a -> {
            float[] e = new float[4 * MA.length];
            for (int i = 0; i < MA.length; i++) {
                e[4 * i] = Math.max(MA[i], MB[i]);
                e[4 * i + 1] = Math.min(MA[i], MB[i]);
                e[4 * i + 2] = Math.max(MB[i], MA[i]);
                e[4 * i + 3] = Math.min(MB[i], MA[i]);
            }
            bitExact(e, (FloatArray) a[2]);
        }, true));
        c.add(new Case("minMaxSignedZerosDouble", new int[] {MA.length}, null, () -> {
            DoubleArray x = Data.doubles(MA.length), y = Data.doubles(MA.length);
            for (int i = 0; i < MA.length; i++) {
                x.set(i, MA[i]);
                y.set(i, MB[i]);
            }
            return new Object[] {x, y, Data.doubles(2 * MA.length)};
        }, a -> {
            DoubleArray out = (DoubleArray) a[2];
            for (int i = 0; i < MA.length; i++) {
                double[] want = {Math.max((double) MA[i], MB[i]), Math.min((double) MA[i], MB[i])};
                for (int k = 0; k < 2; k++) {
                    if (Double.doubleToLongBits(out.get(2 * i + k)) != Double.doubleToLongBits(want[k])) {
                        throw new AssertionError("element " + (2 * i + k) + " (" + (k == 0 ? "max" : "min") + " of " + MA[i]
                                + ", " + MB[i] + "): expected " + want[k] + " but was " + out.get(2 * i + k));
                    }
                }
            }
        }, true));
        c.add(new Case("widenedIntCompare", new int[] {A.length}, null, () -> {
            IntArray a = Data.ints(A.length);
            ShortArray s = Data.shorts(S.length);
            for (int i = 0; i < A.length; i++) {
                a.set(i, A[i]);
                s.set(i, S[i]);
            }
            return new Object[] {a, s, Data.ints(A.length)};
        }, a -> {
            int[] e = new int[A.length];
            for (int i = 0; i < A.length; i++) {
                long p = A[i], q = S[i];
                e[i] = (p < 385L ? 1 : 0) | (p < 0L ? 2 : 0) | (p >= -3L ? 4 : 0) | (p > -100L ? 8 : 0) | (0L > p ? 16 : 0)
                        | (q < 7L ? 32 : 0) | ((long) (A[i] + 1) <= -5L ? 64 : 0);
            }
            Checks.ints(e, (IntArray) a[2]);
        }, true));
        c.add(new Case("divisionByFloatZero", new int[] {X.length}, null, () -> {
            return new Object[] {floats(X), Data.floats(3 * X.length)};
        }, a -> {
            FloatArray out = (FloatArray) a[1];
            for (int i = 0; i < X.length; i++) {
                float[] want = {X[i] / 0f, X[i] / -0f, (X[i] + 1f) / 0f};
                for (int k = 0; k < 3; k++) {
                    float got = out.get(3 * i + k);
                    if (Float.floatToIntBits(got) != Float.floatToIntBits(want[k])) {
                        throw new AssertionError("element " + (3 * i + k) + " (" + X[i] + (k == 1 ? " / -0f" : k == 2 ? " + 1 / 0f" : " / 0f")
                                + "): expected " + want[k] + " but was " + got);
                    }
                }
            }
        }, true));
    }

    private static FloatArray floats(float[] v) {
        FloatArray a = Data.floats(v.length);
        for (int i = 0; i < v.length; i++) a.set(i, v[i]);
        return a;
    }

    private static void bitExact(float[] want, FloatArray got) {
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToIntBits(got.get(i)) != Float.floatToIntBits(want[i])) {
                throw new AssertionError("element " + i + ": expected " + want[i] + " but was " + got.get(i));
            }
        }
    }
}
