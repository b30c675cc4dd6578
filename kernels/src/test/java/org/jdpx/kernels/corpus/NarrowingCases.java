package org.jdpx.kernels.corpus;

import java.util.List;
import java.util.Random;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;

/**
 * Corpus cases for {@code (float)}, {@code (int)} and {@code (long)} of double expressions:
 * every result bit-exact against Java, whether the compiler kept the expression in double
 * ({@code doubleNarrowing}, fp64 devices only) or proved float arithmetic gives the same
 * ({@code exactNarrowing}, every device).
 */
final class NarrowingCases {
    private NarrowingCases() {
    }

    /** The inputs first: x = 1 + 2^-12 (x*x - 1 rounds in float) and a = 2^24 + 1 (no float). */
    static final float X0 = 1f + 0x1p-12f;
    static final int A0 = 16777217;
    static final int N = 64;

    static void addTo(List<Case> c) {
        c.add(new Case("doubleNarrowing", new int[] {N}, null, () -> new Object[] {xs(), as(), Data.floats(6 * N), Data.ints(2 * N)}, a -> {
            FloatArray x = (FloatArray) a[0];
            IntArray n = (IntArray) a[1];
            float[] e = new float[6 * N];
            int[] ei = new int[2 * N];
            for (int i = 0; i < N; i++) {
                float f = x.get(i);
                e[6 * i] = (float) ((double) f * f - 1.0);
                e[6 * i + 1] = (float) ((double) n.get(i) - 16777216.0);
                e[6 * i + 2] = (float) (f * 0.1);
                e[6 * i + 3] = (float) Math.floor(f * 3.75);
                e[6 * i + 4] = (float) ((double) f * f * f);
                e[6 * i + 5] = (float) Math.sqrt((double) f * f + 1.0);
                ei[2 * i] = (int) (f * 3.75);
                ei[2 * i + 1] = (int) ((double) f + f);
            }
            Checks.equal(0x1.0008p-11f, e[0], "(float) ((double) x * x - 1.0) at x = 1 + 2^-12");
            Checks.equal(1f, e[1], "(float) ((double) a - 16777216.0) at a = 16777217");
            Checks.floatsExact(e, (FloatArray) a[2]);
            Checks.ints(ei, (IntArray) a[3]);
        }, true));
        c.add(new Case("exactNarrowing", new int[] {N}, null, () -> new Object[] {xs(), ys(), Data.floats(8 * N), Data.ints(N)}, a -> {
            FloatArray x = (FloatArray) a[0], y = (FloatArray) a[1];
            float[] e = new float[8 * N];
            int[] ei = new int[N];
            for (int i = 0; i < N; i++) {
                float f = x.get(i), g = y.get(i);
                e[8 * i] = (float) ((double) f * g);
                e[8 * i + 1] = (float) ((double) f / g);
                e[8 * i + 2] = (float) ((double) f - g);
                e[8 * i + 3] = (float) Math.sqrt(Math.abs(f));
                e[8 * i + 4] = (float) (-(double) f + g * 0.5f);
                e[8 * i + 5] = (float) (Math.floor(f) + 0.25);
                e[8 * i + 6] = (float) ((double) f % g);
                e[8 * i + 7] = (float) (Math.ceil(f) * Math.rint(g));
                ei[i] = (int) Math.floor(f * 4.0f) + (int) (long) -(double) g;
            }
            Checks.floatsExact(e, (FloatArray) a[2]);
            Checks.ints(ei, (IntArray) a[3]);
        }, true));
    }

    /** Floats near 1 (where products round), of mixed magnitude and sign. */
    static FloatArray xs() {
        FloatArray x = Data.floats(N);
        Random r = new Random(50);
        x.set(0, X0);
        for (int i = 1; i < N; i++) {
            float v = i % 3 == 0 ? 1f + r.nextInt(1 << 12) * 0x1p-23f : (r.nextFloat() - 0.5f) * (1 << (i % 20));
            x.set(i, i % 2 == 0 ? v : -v);
        }
        return x;
    }

    static FloatArray ys() {
        FloatArray y = Data.floats(N);
        Random r = new Random(51);
        for (int i = 0; i < N; i++) y.set(i, (r.nextFloat() + 0.01f) * (i % 2 == 0 ? 3f : -0.37f));
        return y;
    }

    /** Ints beyond float's 24 bits, starting with 2^24 + 1. */
    static IntArray as() {
        IntArray a = Data.ints(N);
        Random r = new Random(52);
        a.set(0, A0);
        for (int i = 1; i < N; i++) a.set(i, (1 << 24) + r.nextInt(1 << 20));
        return a;
    }
}
