package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/** Aparapi's style of float matmul: one work-item per output element, a dot product over k. */
public final class AparapiMatmul extends Kernel {
    float[] a;
    float[] b;
    float[] c;
    int n;

    /** {@code n × n} matrices, a = 0.5 and b = 0.25. */
    public AparapiMatmul(int n) {
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        this.n = n;
    }

    @Override
    public void run() {
        int row = getGlobalId() / n;
        int col = getGlobalId() % n;
        float s = 0f;
        for (int k = 0; k < n; k++) {
            s += a[row * n + k] * b[k * n + col];
        }
        c[row * n + col] = s;
    }
}
