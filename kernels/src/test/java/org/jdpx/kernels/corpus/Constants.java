package org.jdpx.kernels.corpus;

/**
 * Static final constants read by corpus kernels (one is not a compile-time constant, so it is a
 * getstatic), and a helper of a class outside {@link Corpus}'s nest.
 */
final class Constants {
    private Constants() {
    }

    static final int SCALE = 3;
    static final float OFFSET = Float.parseFloat("0.25");
    static final long BIG = Long.parseLong("10000000000");

    static int remainder(int a, int b) {
        return a % b;
    }
}
