package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/** Aparapi's style of {@code A += B + 5*C} on doubles. */
public final class AparapiFused extends Kernel {
    double[] a;
    double[] b;
    double[] c;

    /** Arrays of {@code n} doubles: a = 0, b = 1, c = 2. */
    public AparapiFused(int n) {
        a = new double[n];
        b = new double[n];
        c = new double[n];
        java.util.Arrays.fill(b, 1.0);
        java.util.Arrays.fill(c, 2.0);
    }

    @Override
    public void run() {
        int i = getGlobalId();
        a[i] = a[i] + (b[i] + 5.0 * c[i]);
    }
}
