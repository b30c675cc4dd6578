package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.fusion.MatMul;
import org.jdpx.tensor.fusion.MatVec;
import org.jdpx.usm.UsmMemory;

/**
 * General matrix multiply, {@code C = alpha * A @ B + beta * C} over a stack of float32 or float64
 * matrices: the one fast core behind matmul, dot, tensordot, inner and the decompositions. Each
 * operand is read where it lies through its {@link Strided} layout (transposes and broadcast
 * batches need no copy). The java device runs a packed, register-blocked Vector API kernel on all
 * cores ({@link JavaGemm}), and matrix-vector products as bandwidth-bound loops of their own
 * ({@link JavaGemv}); OpenCL devices run a register-tiled kernel with tiles staged in local
 * memory, sized for the device class ({@link MatMul#gemm}), and matrix-vector products as
 * bandwidth-bound kernels of their own for the device's plan ({@link MatVec}); a single
 * {@code 1 x k @ k x 1} product is the bandwidth-bound dot of {@link Dot} everywhere. The call
 * is enqueued on {@code queue} like any kernel and returns before it is done.
 */
public final class Gemm {

    private Gemm() {
    }

    /**
     * Enqueues {@code C[b] = alpha * A[b] @ B[b] + beta * C[b]} for {@code b < batch} with A
     * {@code m x k}, B {@code k x n} and C {@code m x n} ({@code beta == 0}: C is only written).
     *
     * @throws IllegalArgumentException for a dtype other than float32/float64, negative extents, or
     *                                  memories of another device than {@code queue}'s
     * @throws UnsupportedOperationException on an OpenCL device, when an index passes 2^31
     */
    public static void run(Queue queue, DType t, UsmMemory a, Strided sa, UsmMemory b, Strided sb, UsmMemory c,
                           Strided sc, long batch, long m, long n, long k, double alpha, double beta) {
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException("GEMM computes float32 or float64, not " + t + "; convert with astype");
        }
        if (batch < 0 || m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("GEMM extents must not be negative: batch " + batch + ", m " + m + ", n " + n + ", k " + k);
        }
        if (Math.max(m, Math.max(n, k)) > Integer.MAX_VALUE - 4096) {
            throw new UnsupportedOperationException("GEMM extents past 2^31 are not supported (m " + m + ", n " + n + ", k " + k + ")");
        }
        for (UsmMemory mem : List.of(a, b, c)) {
            if (mem.device() != queue.device()) {
                throw new IllegalArgumentException("GEMM on " + queue.device().filterString() + " got memory of "
                        + mem.device().filterString() + "; copy it to the queue's device first");
            }
        }
        if (batch == 0 || m == 0 || n == 0) return;
        if (batch == 1 && m == 1 && n == 1 && alpha == 1 && beta == 0) { // one dot product (inner, tensordot, einsum)
            Dot.run(queue, t, a, sa.offset(), sa.colStride(), b, sb.offset(), sb.rowStride(), k, c, sc.offset());
            return;
        }
        if (!queue.device().backend().equals("java")) {
            if (MatVec.tryRun(queue, t, a, sa, b, sb, c, sc, batch, m, n, k, alpha, beta)) return;
            MatMul.gemm(queue, t, a, sa, b, sb, c, sc, batch, m, n, k, alpha, beta);
            return;
        }
        List<UsmMemory> mems = new java.util.ArrayList<>();
        for (UsmMemory mem : List.of(a, b, c)) if (!mems.contains(mem)) mems.add(mem);
        EventDriver ev = UsmMemory.withSegments(mems, "run a GEMM on", s -> queue.spi().hostTask(
                () -> runHost(t, s.get(mems.indexOf(a)), sa, s.get(mems.indexOf(b)), sb, s.get(mems.indexOf(c)), sc,
                        batch, m, n, k, alpha, beta), List.of()));
        queue.wrap(ev, "gemm " + m + "x" + k + "x" + n + " " + t, null);
    }

    /**
     * Computes {@code C[b] = alpha * A[b] @ B[b] + beta * C[b]} now, on the calling thread and the
     * java GEMM's worker threads, over memory the JVM addresses: for code that already runs as a
     * task of the java device (the java device's decompositions run their panels and products in
     * one such task). Extents as in {@link #run}, which checks them; the caller owns the memory
     * for the call.
     */
    public static void runHost(DType t, MemorySegment a, Strided sa, MemorySegment b, Strided sb, MemorySegment c,
                               Strided sc, long batch, long m, long n, long k, double alpha, double beta) {
        boolean f64 = t == DType.FLOAT64;
        if (!JavaGemv.tryRun(f64, a, sa, b, sb, c, sc, batch, (int) m, (int) n, (int) k, alpha, beta)) {
            JavaGemm.run(f64, a, sa, b, sb, c, sc, batch, (int) m, (int) n, (int) k, alpha, beta);
        }
    }
}
