package org.jdpx.kernels.corpus;

import java.util.List;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.ShortArray;

/**
 * Corpus cases for code that Mesa's llvmpipe (opencl:cpu:1) compiled wrongly until the OpenCL C
 * emitter spelled it differently: signed compares of a widened int with a constant, and float
 * division by a literal zero. Every device must give Java's result. (Division by a local variable
 * holding zero is still folded to 0 there: README lists it.)
 */
final class DriverDefectCases {
    private DriverDefectCases() {
    }

    private static final int[] A = {7, -7, 0, -1, 384, 385, -3, -4, -99, -100, Integer.MIN_VALUE, Integer.MAX_VALUE, 5, -6, 6, 1 << 20};
    private static final short[] S = {6, 7, -7, 0, Short.MIN_VALUE, Short.MAX_VALUE, 8, -1, 6, 7, -7, 0, 1, 2, 3, 4};
    private static final float[] X = {1f, -2f, 0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f};

    static void addTo(List<Case> c) {
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
            FloatArray x = Data.floats(X.length);
            for (int i = 0; i < X.length; i++) x.set(i, X[i]);
            return new Object[] {x, Data.floats(3 * X.length)};
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
}
