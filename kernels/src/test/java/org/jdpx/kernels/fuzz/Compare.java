package org.jdpx.kernels.fuzz;

/**
 * Compares a target's outputs with the plain-Java reference: ints and longs exactly, floats and
 * doubles bit for bit (-0.0 differs from 0.0; any NaN equals any NaN), except the math output
 * slots, which may differ by the ulp bound of the functions assigned to them in this kernel
 * (and, on a device without denormals, a result Java has as subnormal may be any value below
 * the smallest normal, zero included: such devices compute subnormals inexactly or not at all).
 */
final class Compare {
    private Compare() {
    }

    private static final int MAX_LINES = 8;

    /** Null when equal (to {@code expected} or, slot by slot, to a non-null {@code alternative}); else the differing slots (work-item, slot, expected, actual, inputs), at most a few. */
    static String outputs(FuzzKernel k, FuzzData expected, FuzzData alternative, FuzzData actual, boolean flushesSubnormals) {
        StringBuilder sb = new StringBuilder();
        int[] lines = {0};
        int n = expected.io.length;
        for (int i = 0; i < n; i++) {
            if (expected.io[i] != actual.io[i]) line(sb, lines, expected, "io", i, expected.io[i] + "", actual.io[i] + "");
            if (expected.lo[i] != actual.lo[i]) line(sb, lines, expected, "lo", i, expected.lo[i] + "", actual.lo[i] + "");
            int slot = i % FuzzKernel.OUT;
            long fu = bound(k, FuzzKernel.FLOAT_SLOT_VARS[slot]);
            boolean fflush = flushesSubnormals && Math.abs(actual.fo[i]) < Float.MIN_NORMAL && Math.abs(expected.fo[i]) < Float.MIN_NORMAL;
            if (ulps(expected.fo[i], actual.fo[i]) > fu && !fflush && (alternative == null || ulps(alternative.fo[i], actual.fo[i]) > fu)) {
                line(sb, lines, expected, "fo", i, Float.toHexString(expected.fo[i]), Float.toHexString(actual.fo[i]) + bound(fu));
            }
            if (!k.fp64()) continue;
            long du = bound(k, FuzzKernel.DOUBLE_SLOT_VARS[slot]);
            boolean dflush = flushesSubnormals && Math.abs(actual.dout[i]) < Double.MIN_NORMAL && Math.abs(expected.dout[i]) < Double.MIN_NORMAL;
            if (ulps(expected.dout[i], actual.dout[i]) > du && !dflush) {
                line(sb, lines, expected, "dout", i, Double.toHexString(expected.dout[i]), Double.toHexString(actual.dout[i]) + bound(du));
            }
        }
        return lines[0] == 0 ? null : sb.toString();
    }

    /** The ulp bound of an output slot: that of the math calls assigned to its variable, 0 for other slots. */
    private static long bound(FuzzKernel k, String slotVar) {
        return slotVar == null ? 0 : k.body().mathUlps(slotVar);
    }

    private static String bound(long ulps) {
        return ulps > 0 ? " (bound " + ulps + " ulp)" : "";
    }

    private static void line(StringBuilder sb, int[] lines, FuzzData in, String view, int i, String e, String a) {
        if (lines[0]++ >= MAX_LINES) return;
        int gid = i / FuzzKernel.OUT;
        sb.append(view).append('[').append(i).append("] (gid ").append(gid).append(", slot ").append(i % FuzzKernel.OUT)
                .append("): expected ").append(e).append(", got ").append(a).append("\n    inputs of gid ").append(gid).append(": ")
                .append(in.inputsOf(gid)).append('\n');
    }

    /** Distance in units in the last place; 0 for two NaNs, max for NaN against a number; +0 and -0 are 1 apart. */
    static long ulps(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        return Math.abs(ordered(Float.floatToRawIntBits(a)) - ordered(Float.floatToRawIntBits(b)));
    }

    static long ulps(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        long x = Double.doubleToRawLongBits(a), y = Double.doubleToRawLongBits(b);
        if (x == y) return 0;
        // map sign-magnitude to a line where -0.0 sits just below +0.0
        java.math.BigInteger ox = java.math.BigInteger.valueOf(x < 0 ? -(x & Long.MAX_VALUE) - 1 : x);
        java.math.BigInteger oy = java.math.BigInteger.valueOf(y < 0 ? -(y & Long.MAX_VALUE) - 1 : y);
        java.math.BigInteger d = ox.subtract(oy).abs();
        return d.bitLength() > 62 ? Long.MAX_VALUE : d.longValue();
    }

    private static long ordered(int bits) {
        return bits < 0 ? -(long) (bits & Integer.MAX_VALUE) - 1 : bits;
    }
}
