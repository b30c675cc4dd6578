package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The java GEMM's packing buffers are kept per thread across products, not made anew for each:
 * a decomposition makes hundreds of products, and per-product buffers stayed strongly reachable
 * from the threads' ThreadLocal maps, so the heap held (and young collections copied) about one
 * buffer set per product made since the last cleanup.
 */
class JavaGemmBuffersTest {
    private static final int M = 256;
    private static final int N = 512;
    private static final int K = 512;

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void manyProductsKeepNoBuffersBehind() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment a = arena.allocate(8L * M * K);
            MemorySegment b = arena.allocate(8L * K * N);
            MemorySegment c = arena.allocate(8L * M * N);
            for (int i = 0; i < M * K; i++) a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (i % 7) - 3);
            for (int i = 0; i < K * N; i++) b.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (i % 5) - 2);
            Strided sa = new Strided(0, K, 1, 0);
            Strided sb = new Strided(0, N, 1, 0);
            Strided sc = new Strided(0, N, 1, 0);
            JavaGemm.run(true, a, sa, b, sb, c, sc, 1, M, N, K, 1.0, 0.0);
            long before = usedAfterGc();
            int products = 60;
            for (int p = 0; p < products; p++) JavaGemm.run(true, a, sa, b, sb, c, sc, 1, M, N, K, 1.0, 0.0);
            long grown = usedAfterGc() - before;
            // one B buffer is K x N doubles (2 MiB); per-product buffers held about one per product
            long oneSet = 8L * K * N;
            assertTrue(grown < 4 * oneSet, "the heap grew by " + grown + " bytes over " + products
                    + " products, about " + grown / oneSet + " packing buffers of " + oneSet + " bytes kept behind");
            double expected = 0;
            for (int p = 0; p < K; p++) expected += ((p % 7) - 3) * (double) ((p * N % 5) - 2);
            assertEquals(expected, c.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), 0.0);
        }
    }
}
