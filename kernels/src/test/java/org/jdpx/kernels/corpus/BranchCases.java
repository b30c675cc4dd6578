package org.jdpx.kernels.corpus;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;

/**
 * Corpus cases for nested if/else shapes: an else holding an if/else, else-if chains, and ifs
 * inside a loop inside an else (issue 12: OpenCL C for these lost a closing brace). References
 * are the same branches written as plain Java over one element.
 */
final class BranchCases {
    private BranchCases() {
    }

    static void addTo(List<Case> c) {
        c.add(new Case("nestedIfElse", new int[] {64}, null, () -> new Object[] {Data.randomFloats(64, 40, 0, 1), Data.floats(64)}, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[64];
            for (int i = 0; i < 64; i++) {
                float x = in.get(i);
                e[i] = i > 3 ? (x > 0.5f ? 1f : x * x) : x;
            }
            Checks.floatsExact(e, (FloatArray) a[1]);
        }, true));
        c.add(intCase("elseIfChain", 41, -100, 100, BranchCases::elseIfChain));
        c.add(intCase("ifLoopInElse", 42, -20, 60, v -> ifLoopInElse(v, 12), 12));
        c.add(new Case("elseWithLoneIf", new int[] {256}, null, () -> new Object[] {Data.randomFloats(256, 43, 0, 1), Data.floats(256)}, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[256];
            for (int i = 0; i < 256; i++) e[i] = elseWithLoneIf(i, in.get(i));
            Checks.floatsExact(e, (FloatArray) a[1]);
        }, true));
        c.add(intCase("thenNestedChains", 44, -5, 40, v -> thenNestedChains(v, 16), 16));
    }

    /** A kernel over 256 ints in {@code [lo, hi)} writing {@code ref(v)} for each, with extra scalar arguments after the arrays. */
    private static Case intCase(String kernel, long seed, int lo, int hi, IntUnaryOperator ref, Object... extra) {
        return new Case(kernel, new int[] {256}, null, () -> {
            Object[] args = new Object[2 + extra.length];
            args[0] = ints(256, seed, lo, hi);
            args[1] = Data.ints(256);
            System.arraycopy(extra, 0, args, 2, extra.length);
            return args;
        }, a -> {
            IntArray in = (IntArray) a[0];
            int[] e = new int[256];
            for (int i = 0; i < 256; i++) e[i] = ref.applyAsInt(in.get(i));
            Checks.ints(e, (IntArray) a[1]);
        }, true);
    }

    /** {@code n} ints uniformly in {@code [lo, hi)}. */
    private static IntArray ints(int n, long seed, int lo, int hi) {
        IntArray a = Data.randomInts(n, seed, hi - lo);
        for (int i = 0; i < n; i++) a.set(i, a.get(i) + lo);
        return a;
    }

    private static int elseIfChain(int v) {
        int r;
        if (v < -50) r = 1;
        else if (v < 0) r = v % 2 == 0 ? 2 : 3;
        else if (v == 0) r = 4;
        else if (v < 50) r = v > 25 ? 5 : 6;
        else r = v > 90 ? 7 : v > 70 ? 8 : 9;
        return r * 100 + (v & 15);
    }

    private static int ifLoopInElse(int v, int n) {
        if (v < 0) return -v;
        int acc = 0;
        for (int k = 0; k < n; k++) {
            int m = (v + k) % 3;
            if (m == 0) {
                acc += k > 2 ? k : -1;
            } else if (m == 1) {
                acc ^= k;
            } else {
                if (acc > 40) break;
                acc += 2;
            }
        }
        return acc > 10 ? acc * 2 : Math.max(acc, 0);
    }

    private static float elseWithLoneIf(int i, float x) {
        float r = x < 0.25f ? x : x < 0.5f ? 2f * x : 0f;
        if (i % 2 == 0) return r + (x > 0.75f ? 1f : x > 0.6f ? 2f : 3f);
        return r - (x > 0.9f ? 1f : x > 0.8f ? 2f : x > 0.7f ? 3f : 4f);
    }

    private static int thenNestedChains(int v, int n) {
        int acc = 0;
        for (int k = 0; k < n; k++) {
            if (v <= k) acc += 1;
            else if (v % 4 == 0) acc += 3;
            else if (v % 4 == 1) acc += k % 2 == 0 ? 5 : -1;
            else acc ^= k;
        }
        return acc > 40 ? acc * 2 : acc > 20 ? acc + 1000 : -acc;
    }
}
