package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * The float32 GEMM's micro-kernel keeps its accumulators in registers in a JVM that ran other
 * Vector API code first: after the java device's softmax (Vector API lanes), C2 compiled
 * {@link VectorF32#tile} with vector boxes allocated in its K loop in about half the JVMs, so a
 * 1024 product took 6x the CPU time and 27 young collections (2.7 GB allocated per product in
 * this test's JVM when it happened). Counted as the bytes all threads allocate per product: the
 * tiles' accumulator arrays are a few MiB.
 */
class VectorF32AllocationTest {
    private static final int N = 1024;

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) sum += Math.max(0, b);
        return sum;
    }

    @Test
    void aProductAfterTheVectorSoftmaxAllocatesNoVectorBoxes() {
        ArrayOptions on = ArrayOptions.on(TestDevices.java());
        float[] values = new float[1 << 24];
        for (int i = 0; i < values.length; i++) values[i] = (i % 1000) / 1000f;
        UsmNdArray x = Tensor.asarray(values, null, on).sync();
        UsmNdArray y = Tensor.emptyLike(x);
        for (int i = 0; i < 10; i++) {
            UsmNdArray e = Tensor.exp(x.subtract(x.max()));
            y.assign(e.divide(e.sum())).sync();
        }
        UsmNdArray a = Tensor.full(new long[] {N, N}, 0.5, on.dtype(DType.FLOAT32)).eval();
        UsmNdArray b = Tensor.full(new long[] {N, N}, 0.25, on.dtype(DType.FLOAT32)).eval();
        for (int p = 0; p < 10; p++) Tensor.matmul(a, b).queue().finish();
        int products = 5;
        long before = allocatedByAllThreads();
        UsmNdArray c = null;
        for (int p = 0; p < products; p++) {
            c = Tensor.matmul(a, b);
            c.queue().finish();
        }
        long perProduct = (allocatedByAllThreads() - before) / products;
        // 8192 micro-tiles of 4 x 32 floats a K block: their accumulator arrays are a few MiB; a box per K step is 500 MiB
        assertTrue(perProduct < 64L << 20, "a " + N + " product allocated " + perProduct + " bytes");
        assertEquals(0.125 * N, c.toFloatArray()[0], 0.0, "0.5 * 0.25 summed " + N + " times");
    }
}
