package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.List;

/**
 * The host-side plan of a transform: how a length splits into Stockham radices, the length
 * Bluestein convolves in, and the tables of roots of unity the kernels read (computed in float64
 * from exact integer arguments, so the device never evaluates a sine).
 */
final class FftTables {

    private FftTables() {
    }

    /**
     * The Stockham radices of {@code n} (4 first, then 2, 3, 5, 7; their product is n), or null
     * when n has a prime factor above 7 (Bluestein's case). Length 1 has no radices.
     */
    static int[] radices(int n) {
        List<Integer> r = new ArrayList<>();
        int rest = n;
        while (rest % 4 == 0) {
            r.add(4);
            rest /= 4;
        }
        for (int p : new int[] {2, 3, 5, 7}) {
            while (rest % p == 0) {
                r.add(p);
                rest /= p;
            }
        }
        if (rest != 1) return null;
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The length Bluestein's convolution for {@code n} points runs in: the least number of
     * factors 2, 3, 5 and 7 that is at least {@code 2n - 1} (such numbers lie within a few
     * percent of each other, so this is up to twice shorter than the next power of two).
     */
    static int convolutionLength(int n) {
        long m = 2L * n - 1;
        while (m <= Integer.MAX_VALUE / 2 && radices((int) m) == null) m++;
        if (m > Integer.MAX_VALUE / 2) {
            throw new UnsupportedOperationException("fft: length " + n + " has a prime factor above 7 and is too long "
                    + "for Bluestein's algorithm here (its convolution needs " + m + " points); pad it to a length of "
                    + "factors 2, 3, 5 and 7");
        }
        return (int) m;
    }

    /** {@code exp(-2 pi i t / n)} for t &lt; n, interleaved (re, im). */
    static double[] twiddles(int n) {
        double[] w = new double[2 * n];
        for (int t = 0; t < n; t++) {
            double a = 2 * Math.PI * t / n;
            w[2 * t] = Math.cos(a);
            w[2 * t + 1] = -Math.sin(a);
        }
        return w;
    }

    /** Bluestein's chirp {@code exp(-pi i j^2 / n)} for j &lt; n, interleaved; j^2 reduced mod 2n exactly. */
    static double[] chirp(int n) {
        double[] c = new double[2 * n];
        for (int j = 0; j < n; j++) {
            long e = (long) j * j % (2L * n);
            double a = Math.PI * e / n;
            c[2 * j] = Math.cos(a);
            c[2 * j + 1] = -Math.sin(a);
        }
        return c;
    }

    /**
     * Bluestein's filter before its transform: the conjugate chirp (the chirp itself when
     * {@code inverse}) at positions j and m - j for j &lt; n, zero between.
     */
    static double[] filter(int n, int m, boolean inverse) {
        double[] c = chirp(n);
        double[] f = new double[2 * m];
        double sign = inverse ? 1 : -1;
        for (int j = 0; j < n; j++) {
            f[2 * j] = c[2 * j];
            f[2 * j + 1] = sign * c[2 * j + 1];
            if (j > 0) {
                f[2 * (m - j)] = f[2 * j];
                f[2 * (m - j) + 1] = f[2 * j + 1];
            }
        }
        return f;
    }
}
