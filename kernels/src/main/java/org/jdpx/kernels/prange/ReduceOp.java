package org.jdpx.kernels.prange;

/**
 * The reductions Numba infers, on int, long, float and double: {@code +=} and {@code -=} (a sum;
 * {@code -=} adds negated terms), {@code *=}, {@code Math.min} and {@code Math.max}. Each work-item
 * starts from the identity and the host combines the partials with the variable's value before
 * the loop, with Java's own arithmetic (wrapping for integers, {@code Math.min} NaN rules).
 */
enum ReduceOp {
    SUM("+"), PROD("*"), MIN("Math.min"), MAX("Math.max");

    private final String symbol;

    ReduceOp(String symbol) {
        this.symbol = symbol;
    }

    /** The Java arrays a whole-array reduction may update: int[], long[], float[] and double[]. */
    static java.util.Set<Class<?>> arrayTypes() {
        return java.util.Set.of(int[].class, long[].class, float[].class, double[].class);
    }

    /** How the report names it. */
    String symbol() {
        return symbol;
    }

    /** The value a work-item's accumulator starts from, boxed as {@code type}. */
    Object identity(Class<?> type) {
        return switch (this) {
            case SUM -> box(type, 0, 0);
            case PROD -> box(type, 1, 1);
            case MIN -> box(type, type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE, Double.POSITIVE_INFINITY);
            case MAX -> box(type, type == int.class ? Integer.MIN_VALUE : Long.MIN_VALUE, Double.NEGATIVE_INFINITY);
        };
    }

    private static Object box(Class<?> type, long integral, double floating) {
        if (type == int.class) return (int) integral;
        if (type == long.class) return integral;
        if (type == float.class) return (float) floating;
        return floating;
    }

    /** {@code a op b} in int arithmetic (wrapping). */
    int apply(int a, int b) {
        return switch (this) { case SUM -> a + b; case PROD -> a * b; case MIN -> Math.min(a, b); case MAX -> Math.max(a, b); };
    }

    /** {@code a op b} in long arithmetic (wrapping). */
    long apply(long a, long b) {
        return switch (this) { case SUM -> a + b; case PROD -> a * b; case MIN -> Math.min(a, b); case MAX -> Math.max(a, b); };
    }

    /** {@code a op b} in float arithmetic ({@code Math.min} NaN rules). */
    float apply(float a, float b) {
        return switch (this) { case SUM -> a + b; case PROD -> a * b; case MIN -> Math.min(a, b); case MAX -> Math.max(a, b); };
    }

    /** {@code a op b} in double arithmetic ({@code Math.min} NaN rules). */
    double apply(double a, double b) {
        return switch (this) { case SUM -> a + b; case PROD -> a * b; case MIN -> Math.min(a, b); case MAX -> Math.max(a, b); };
    }
}
