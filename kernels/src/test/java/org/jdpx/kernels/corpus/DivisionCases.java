package org.jdpx.kernels.corpus;

import java.util.List;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;

/**
 * Corpus cases for integer division by zero, which gives 0 on every device (README): the java
 * device as well as OpenCL C and SPIR-V, for {@code /} and {@code %}, int and long, in the kernel,
 * in helpers of its class and nest, and in a helper of another class. {@code MIN_VALUE / -1} stays
 * {@code MIN_VALUE} with remainder 0, as in Java.
 */
final class DivisionCases {
    private DivisionCases() {
    }

    private static final int[] A = {7, -7, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456, Integer.MIN_VALUE, -1,
        99, -99, 5, 1000, 0, 42, -42, 3};
    private static final int[] B = {0, 0, 0, 0, 0, 0, -1, -1, 10, -10, 5, 0, 7, 0, 0, 2};

    static void addTo(List<Case> c) {
        c.add(new Case("divisionByZero", new int[] {A.length}, null, () -> new Object[] {ints(A), ints(B),
                Data.ints(3 * A.length), Data.longs(3 * A.length)}, a -> {
            int[] e = new int[3 * A.length];
            long[] el = new long[3 * A.length];
            for (int i = 0; i < A.length; i++) {
                int x = A[i], y = B[i];
                e[3 * i] = div(x, y);
                e[3 * i + 1] = rem(x, y);
                e[3 * i + 2] = div(x, y) + rem(x, y);
                long lx = x * 1000003L, ly = y;
                el[3 * i] = div(lx, ly);
                el[3 * i + 1] = rem(lx, ly);
                el[3 * i + 2] = div(lx, ly) * 10 + rem(lx, ly);
            }
            Checks.ints(e, (IntArray) a[2]);
            Checks.longs(el, (LongArray) a[3]);
        }, true));
        c.add(new Case("divisionInOtherClass", new int[] {A.length}, null, () -> new Object[] {ints(A), ints(B), Data.ints(A.length)}, a -> {
            int[] e = new int[A.length];
            for (int i = 0; i < A.length; i++) e[i] = rem(A[i], B[i]);
            Checks.ints(e, (IntArray) a[2]);
        }, true));
    }

    private static IntArray ints(int[] v) {
        IntArray a = Data.ints(v.length);
        for (int i = 0; i < v.length; i++) a.set(i, v[i]);
        return a;
    }

    private static int div(int x, int y) { return y == 0 ? 0 : x / y; }
    private static int rem(int x, int y) { return y == 0 ? 0 : x % y; }
    private static long div(long x, long y) { return y == 0 ? 0 : x / y; }
    private static long rem(long x, long y) { return y == 0 ? 0 : x % y; }
}
