package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jdpx.device.Device;
import org.jdpx.device.testing.Confinement;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * The memory the java device's GEMV and GEMM tasks read and write ({@link JavaGemv},
 * {@link JavaGemm}): views confined to the thread that runs each task, as the device's kernels get
 * ({@code KernelSegments}), never the arrays' shared segments, whose liveness check C2 turns into
 * a loop predicate that fails on every call once any confined arena was used. The products stay
 * exact (small integers).
 */
class JavaGemvSegmentsTest {
    private static final int M = 600;
    private static final int K = 1000;
    private static final int N = 520;

    /** Runs {@code product} with {@code hook} installed, then checks what the tasks were shown. */
    private static void checkTasksSawConfinedViews(Consumer<Consumer<MemorySegment[]>> install, Runnable product,
                                                   String what) throws InterruptedException {
        ConcurrentLinkedQueue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean allUsableByTheirThread = new AtomicBoolean(true);
        AtomicBoolean anyTask = new AtomicBoolean();
        install.accept(segments -> {
            anyTask.set(true);
            for (MemorySegment s : segments) {
                if (!s.isAccessibleBy(Thread.currentThread())) allUsableByTheirThread.set(false);
                if (s.isNative()) seen.add(s);
            }
        });
        try {
            product.run();
        } finally {
            install.accept(null);
        }
        assertTrue(anyTask.get(), what + ": the product ran as tasks");
        assertFalse(seen.isEmpty(), what + ": the tasks read the device's memory");
        assertTrue(allUsableByTheirThread.get(), what + ": each task can use its segments");
        assertFalse(Confinement.usableByAnotherThread(seen),
                what + ": the tasks' segments must be confined views, not the arrays' shared segments");
    }

    private static float[] matrix(int rows, int cols, int mod) {
        float[] a = new float[rows * cols];
        for (int i = 0; i < a.length; i++) a[i] = (i % mod) - mod / 2;
        return a;
    }

    @Test
    void gemvTasksReadViewsConfinedToTheirThread() throws Exception {
        Device java = TestDevices.java();
        float[] a = matrix(M, K, 7);
        float[] x = matrix(1, K, 5);
        float[] y = matrix(1, M, 3);
        UsmNdArray da = Tensor.asarray(a, new long[] {M, K}, ArrayOptions.on(java));
        UsmNdArray dx = Tensor.asarray(x, null, ArrayOptions.on(java));
        UsmNdArray dy = Tensor.asarray(y, null, ArrayOptions.on(java));
        float[] ax = new float[M];
        for (int i = 0; i < M; i++) {
            float s = 0;
            for (int p = 0; p < K; p++) s += a[i * K + p] * x[p];
            ax[i] = s;
        }
        float[] aty = new float[K];
        for (int p = 0; p < K; p++) {
            float s = 0;
            for (int i = 0; i < M; i++) s += a[i * K + p] * y[i];
            aty[p] = s;
        }
        float[][] got = new float[2][];
        checkTasksSawConfinedViews(h -> JavaGemv.taskSegments = h,
                () -> got[0] = Tensor.matmul(da, dx).toFloatArray(), "A x (rows contiguous)");
        checkTasksSawConfinedViews(h -> JavaGemv.taskSegments = h,
                () -> got[1] = Tensor.matmul(da.T(), dy).toFloatArray(), "A^T y (columns contiguous)");
        assertArrayEquals(ax, got[0], 0f, "A x");
        assertArrayEquals(aty, got[1], 0f, "A^T y");
    }

    @Test
    void gemmTasksReadAndWriteViewsConfinedToTheirThread() throws Exception {
        Device java = TestDevices.java();
        float[] a = matrix(M, K, 7);
        float[] b = matrix(K, N, 5);
        UsmNdArray da = Tensor.asarray(a, new long[] {M, K}, ArrayOptions.on(java));
        UsmNdArray db = Tensor.asarray(b, new long[] {K, N}, ArrayOptions.on(java));
        float[] want = new float[M * N];
        for (int i = 0; i < M; i++) {
            for (int p = 0; p < K; p++) {
                float ai = a[i * K + p];
                for (int j = 0; j < N; j++) want[i * N + j] += ai * b[p * N + j];
            }
        }
        float[][] got = new float[1][];
        checkTasksSawConfinedViews(h -> JavaGemm.taskSegments = h,
                () -> got[0] = Tensor.matmul(da, db).toFloatArray(), "A B");
        assertArrayEquals(want, got[0], 0f, "A B");
    }
}
