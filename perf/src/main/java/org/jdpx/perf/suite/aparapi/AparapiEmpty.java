package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;

/** An Aparapi kernel that does nothing, for launch overhead. */
public final class AparapiEmpty extends Kernel {
    int[] a = new int[64];

    @Override
    public void run() {
        if (getGlobalId() < 0) {
            a[0] = 1;
        }
    }
}
