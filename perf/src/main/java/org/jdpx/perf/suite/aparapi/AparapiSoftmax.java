package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/**
 * Aparapi's style of softmax: one kernel whose {@code pass} field selects max partials (0),
 * exp-sum partials (1) or normalisation (2); the host folds the partials between passes.
 */
public final class AparapiSoftmax extends Kernel {
    float[] x;
    float[] y;
    float[] partial;
    int n;
    int pass;
    float max;
    float invSum;

    /** {@code n} inputs in [0, 1), {@code items} partials. */
    public AparapiSoftmax(int n, int items) {
        x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (i % 1000) / 1000f;
        y = new float[n];
        partial = new float[items];
        this.n = n;
    }

    @Override
    public void run() {
        int i = getGlobalId();
        if (pass == 2) {
            y[i] = exp(x[i] - max) * invSum;
        } else {
            int chunk = (n + getGlobalSize() - 1) / getGlobalSize();
            int end = min(n, (i + 1) * chunk);
            float s = pass == 0 ? -Float.MAX_VALUE : 0f;
            for (int j = i * chunk; j < end; j++) {
                if (pass == 0) {
                    s = max(s, x[j]);
                } else {
                    s += exp(x[j] - max);
                }
            }
            partial[i] = s;
        }
    }

    /** Runs the three passes on {@code device}. */
    public void softmax(com.aparapi.device.Device device) {
        int items = partial.length;
        pass = 0;
        execute(com.aparapi.Range.create(device, items));
        get(partial);
        float m = -Float.MAX_VALUE;
        for (float p : partial) m = Math.max(m, p);
        max = m;
        pass = 1;
        execute(com.aparapi.Range.create(device, items));
        get(partial);
        double s = 0;
        for (float p : partial) s += p;
        invSum = (float) (1.0 / s);
        pass = 2;
        execute(com.aparapi.Range.create(device, n));
    }
}
