package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdpx.device.Device;
import org.jdpx.device.testing.Confinement;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * The memory the java device's dot loops read ({@link JavaDot}): views confined to the thread
 * that runs each part, as the device's kernels get ({@code KernelSegments}), never the arrays'
 * shared segments, whose liveness check C2 turns into a loop predicate that fails on every call
 * once any confined arena was used. The value must stay exact where plain Java's is.
 */
class JavaDotSegmentsTest {

    @Test
    void everyPartReadsViewsConfinedToItsThread() throws Exception {
        Device java = TestDevices.java();
        int n = (1 << 20) + 3; // several parts
        float[] a = new float[n], b = new float[n];
        double want = 0;
        for (int i = 0; i < n; i++) {
            a[i] = i % 8;
            b[i] = (i % 5) - 2;
            want += (double) a[i] * b[i];
        }
        UsmNdArray x = Tensor.asarray(a, null, ArrayOptions.on(java)), y = Tensor.asarray(b, null, ArrayOptions.on(java));
        ConcurrentLinkedQueue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean allConfinedToTheirThread = new AtomicBoolean(true);
        JavaDot.taskSegments = (s, t) -> {
            if (!s.isAccessibleBy(Thread.currentThread()) || !t.isAccessibleBy(Thread.currentThread())) {
                allConfinedToTheirThread.set(false);
            }
            seen.add(s);
            seen.add(t);
        };
        double got;
        try {
            got = Tensor.dot(x, y).item();
        } finally {
            JavaDot.taskSegments = null;
        }
        assertTrue(seen.size() >= 4, "the dot ran as several parts: " + seen.size() / 2);
        assertTrue(allConfinedToTheirThread.get(), "each part's loop can use its segments");
        assertFalse(Confinement.usableByAnotherThread(seen), "the parts' segments must be confined views, not the arrays' shared segments");
        assertEquals(want, got, 0.0, "the dot (exact: small integers, every partial below 2^24)");
    }
}
