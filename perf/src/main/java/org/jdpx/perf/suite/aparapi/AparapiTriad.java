package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/** Aparapi's style of the STREAM triad: a Kernel subclass over Java arrays. */
public final class AparapiTriad extends Kernel {
    float[] a;
    float[] b;
    float[] c;
    float s;

    /** Arrays of {@code n} floats, b = 1 and c = 2. */
    public AparapiTriad(int n, float s) {
        a = new float[n];
        b = new float[n];
        c = new float[n];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
        this.s = s;
    }

    @Override
    public void run() {
        int i = getGlobalId();
        a[i] = b[i] + s * c[i];
    }
}
