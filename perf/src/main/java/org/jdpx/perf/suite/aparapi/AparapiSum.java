package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/** Aparapi's style of a float sum: a contiguous chunk per work-item, folded on the host. */
public final class AparapiSum extends Kernel {
    float[] x;
    float[] partial;
    int n;

    /** {@code n} floats of value 1, folded by {@code items} work-items. */
    public AparapiSum(int n, int items) {
        x = new float[n];
        java.util.Arrays.fill(x, 1f);
        partial = new float[items];
        this.n = n;
    }

    @Override
    public void run() {
        int i = getGlobalId();
        int chunk = (n + getGlobalSize() - 1) / getGlobalSize();
        int end = min(n, (i + 1) * chunk);
        float s = 0f;
        for (int j = i * chunk; j < end; j++) {
            s += x[j];
        }
        partial[i] = s;
    }

    /** The sum from the partials of the last run. */
    public double result() {
        double s = 0;
        for (float p : partial) s += p;
        return s;
    }
}
