package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/** Aparapi's style of pi by midpoint sums: each work-item folds a strided share into {@code partial}. */
public final class AparapiPi extends Kernel {
    double[] partial;
    int n;
    double h;

    /** {@code n} steps folded by {@code items} work-items. */
    public AparapiPi(int n, int items) {
        this.partial = new double[items];
        this.n = n;
        this.h = 1.0 / n;
    }

    @Override
    public void run() {
        int i = getGlobalId();
        int g = getGlobalSize();
        double s = 0.0;
        for (int j = i; j < n; j += g) {
            double x = (j + 0.5) * h;
            s += 4.0 / (1.0 + x * x);
        }
        partial[i] = s;
    }

    /** pi from the partials of the last run. */
    public double result() {
        double s = 0;
        for (double p : partial) s += p;
        return s * h;
    }
}
