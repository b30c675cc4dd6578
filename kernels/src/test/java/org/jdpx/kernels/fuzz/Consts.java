package org.jdpx.kernels.fuzz;

import java.util.Random;

/** Literals and input values, biased toward the edges: 0, -1, MIN/MAX, NaN, infinities, subnormals, -0.0. */
final class Consts {
    private Consts() {
    }

    private static final int[] INTS = {0, 1, -1, 2, 7, 31, 32, 33, 255, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final long[] LONGS = {0, 1, -1, 63, 64, 0xffffffffL, 1L << 53, Long.MIN_VALUE, Long.MAX_VALUE};
    private static final float[] FLOATS = {0f, -0f, 1f, -1f, 0.5f, 3f, 16777216f, 16777217f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p-140f, Float.MAX_VALUE, 2147483648f, 1f + 0x1p-12f};
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 0x1p53, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0x1p-140, 1e300, 9.223372036854775807E18};

    static int anInt(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> INTS[r.nextInt(INTS.length)];
            case 1 -> r.nextInt();
            default -> r.nextInt(200) - 100;
        };
    }

    static long aLong(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> LONGS[r.nextInt(LONGS.length)];
            case 1 -> r.nextLong();
            default -> r.nextInt(2000) - 1000;
        };
    }

    static float aFloat(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> FLOATS[r.nextInt(FLOATS.length)];
            case 1 -> Float.intBitsToFloat(r.nextInt());
            case 2 -> r.nextInt(64) - 32;
            default -> (float) ((r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(9) - 4));
        };
    }

    static double aDouble(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> DOUBLES[r.nextInt(DOUBLES.length)];
            case 1 -> Double.longBitsToDouble(r.nextLong());
            case 2 -> r.nextInt(64) - 32;
            default -> (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(13) - 6);
        };
    }

    /** A Java literal of type {@code t} (parenthesised when negative). */
    static String literal(Ty t, Random r) {
        return switch (t) {
            case INT -> intLiteral(anInt(r));
            case LONG -> {
                long v = aLong(r);
                yield v == Long.MIN_VALUE ? "Long.MIN_VALUE" : v < 0 ? "(" + v + "L)" : v + "L";
            }
            case FLOAT -> floatLiteral(aFloat(r));
            case DOUBLE -> doubleLiteral(aDouble(r));
            case BOOL -> r.nextBoolean() ? "true" : "false";
        };
    }

    static String intLiteral(int v) {
        return v == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : v < 0 ? "(" + v + ")" : Integer.toString(v);
    }

    static String floatLiteral(float v) {
        if (Float.isNaN(v)) return "Float.NaN";
        if (Float.isInfinite(v)) return v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        String s = Float.toHexString(Math.abs(v)) + "f";
        return (Float.floatToRawIntBits(v) < 0) ? "(-" + s + ")" : s;
    }

    static String doubleLiteral(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        String s = Double.toHexString(Math.abs(v));
        return (Double.doubleToRawLongBits(v) < 0) ? "(-" + s + ")" : s;
    }
}
