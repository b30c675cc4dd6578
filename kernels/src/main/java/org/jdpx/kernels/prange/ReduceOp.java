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

    /** {@code a op b} in Java arithmetic of {@code type}; both boxed as {@code type}. */
    Object combine(Class<?> type, Object a, Object b) {
        if (type == int.class) {
            int x = (Integer) a, y = (Integer) b;
            return switch (this) { case SUM -> x + y; case PROD -> x * y; case MIN -> Math.min(x, y); case MAX -> Math.max(x, y); };
        }
        if (type == long.class) {
            long x = (Long) a, y = (Long) b;
            return switch (this) { case SUM -> x + y; case PROD -> x * y; case MIN -> Math.min(x, y); case MAX -> Math.max(x, y); };
        }
        if (type == float.class) {
            float x = (Float) a, y = (Float) b;
            return switch (this) { case SUM -> x + y; case PROD -> x * y; case MIN -> Math.min(x, y); case MAX -> Math.max(x, y); };
        }
        double x = (Double) a, y = (Double) b;
        return switch (this) { case SUM -> x + y; case PROD -> x * y; case MIN -> Math.min(x, y); case MAX -> Math.max(x, y); };
    }
}
