package org.jdpx.kernels.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;

/** Element-wise comparisons with meaningful tolerances and messages naming the first bad index. */
final class Checks {
    private Checks() {
    }

    static void ints(int[] expected, IntArray actual) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual.get(i)) fail("index " + i + ": expected " + expected[i] + " but was " + actual.get(i));
        }
    }

    static void longs(long[] expected, LongArray actual) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual.get(i)) fail("index " + i + ": expected " + expected[i] + " but was " + actual.get(i));
        }
    }

    /** Bit-exact floats (NaN equals NaN). */
    static void floatsExact(float[] expected, FloatArray actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual.get(i))) {
                fail("index " + i + ": expected " + expected[i] + " but was " + actual.get(i));
            }
        }
    }

    /** |e - a| <= abs + rel * |e| for every element. */
    static void floatsClose(float[] expected, FloatArray actual, double rel, double abs) {
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual.get(i);
            if (!(Math.abs(e - a) <= abs + rel * Math.abs(e))) fail("index " + i + ": expected " + e + " but was " + a + " (rel " + rel + ", abs " + abs + ")");
        }
    }

    static void doublesClose(double[] expected, DoubleArray actual, double rel) {
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual.get(i);
            if (!(Math.abs(e - a) <= rel * Math.abs(e) + 1e-300)) fail("index " + i + ": expected " + e + " but was " + a);
        }
    }

    static void equal(Object expected, Object actual, String what) {
        assertEquals(expected, actual, what);
    }
}
