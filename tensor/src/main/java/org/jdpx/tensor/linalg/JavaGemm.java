package org.jdpx.tensor.linalg;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;
import org.jdpx.kernels.jvm.HostThreads;
import org.jdpx.kernels.jvm.KernelSegments;

/**
 * The java device's GEMM, {@code C = alpha * A @ B + beta * C} over a stack of matrices, blocked in
 * the way of GotoBLAS/BLIS: a {@code KC x NC} block of B and an {@code MC x KC} block of A are packed
 * into contiguous panels (which also reads any strides or transposes), and a register micro-kernel
 * multiplies one panel of each into an {@code MR x NR} tile of C. The stack and the longer of C's
 * two extents are cut into tasks that all cores take in turn. The micro-kernels use the Java
 * Vector API when {@code jdk.incubator.vector} is in the JVM ({@code --add-modules
 * jdk.incubator.vector}) and a scalar kernel otherwise.
 */
final class JavaGemm {
    private static final System.Logger LOG = System.getLogger(JavaGemm.class.getName());
    /**
     * K per block. 1024 (was 512) does products up to K = 1024 in one pass, so C is written once
     * and never read back: 1024 products measured 5.4-6.7 ms (float32) and 12.7-15 ms (float64)
     * against 6.1-7.0 and 12.7-16 with 512, and a float64 A block (MC x KC) still fits a 1 MB L2.
     */
    private static final int KC = 1024;
    private static final int MC = 120;
    private static final int NC = 3072;
    /** Below this many multiply-adds one thread does the whole product. */
    private static final long SERIAL_WORK = 1L << 18;
    private static final int THREADS = HostThreads.threads();
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final GemmEngine F32 = engine(false);
    private static final GemmEngine F64 = engine(true);
    /**
     * Each thread's packing buffers, {A, B} of float32 then of float64, kept across products and
     * grown when a product needs more: a decomposition makes hundreds of products, and buffers
     * made per product (a ThreadLocal per call) stayed reachable from the pool threads' maps until
     * young collections copied them, about 30 ms every other 1024 solve.
     */
    private static final ThreadLocal<Object[]> BUFFERS = ThreadLocal.withInitial(() -> new Object[4]);

    /** Shown the A, B and C segments each task reads and writes, on its thread (a test checks they are confined views); null otherwise. */
    static volatile Consumer<MemorySegment[]> taskSegments;

    private JavaGemm() {
    }

    /** Cores the GEMM uses. */
    static int threads() {
        return THREADS;
    }

    /** Runs {@code task(0..tasks-1)} on all cores ({@link HostThreads#run}). */
    static void parallel(long tasks, boolean serial, java.util.function.LongConsumer task) {
        HostThreads.run(tasks, serial, "GEMM", task);
    }

    /** Whether the Vector API micro-kernels are in use (else the scalar fallback). */
    static boolean vectorized() {
        return VECTOR;
    }

    private static GemmEngine engine(boolean f64) {
        if (!VECTOR) {
            LOG.log(System.Logger.Level.INFO, "jdk.incubator.vector is not in this JVM: the java device's GEMM uses "
                    + "its scalar kernel; start the JVM with --add-modules jdk.incubator.vector for the fast one");
            return new ScalarGemmEngine(f64);
        }
        return f64 ? new VectorF64() : new VectorF32();
    }

    /**
     * Computes {@code C[b] = alpha * A[b] @ B[b] + beta * C[b]} for {@code b < batch}, each A
     * {@code m x k}, B {@code k x n}, C {@code m x n}, on all cores; returns when done.
     */
    static void run(boolean f64, MemorySegment a, Strided sa, MemorySegment b, Strided sb, MemorySegment c, Strided sc,
                    long batch, int m, int n, int k, double alpha, double beta) {
        GemmEngine e = f64 ? F64 : F32;
        if (batch == 0 || m == 0 || n == 0) return;
        long work = batch * m * (long) n * Math.max(1, k);
        int threads = work < SERIAL_WORK ? 1 : THREADS;
        boolean alongM = m >= n;
        int unit = alongM ? e.mr() : e.nr();
        int extent = alongM ? m : n;
        long perBatch = Math.max(1, Math.min(ceilDiv(extent, unit), ceilDiv(threads * 2L, batch)));
        long step = ceilDiv(ceilDiv(extent, perBatch), unit) * unit;
        long slices = ceilDiv(extent, step);
        long tasks = batch * slices;
        int kc = Math.min(KC, Math.max(1, k));
        int aSize = (int) Math.min(MC, ceilDiv(m, e.mr()) * e.mr()) * kc;
        int bSize = (int) Math.min(NC, ceilDiv(n, e.nr()) * e.nr()) * kc;
        parallel(tasks, threads == 1, t -> slice(f64, e, a, sa, b, sb, c, sc, t, slices, step, extent, alongM, m, n, k,
                alpha, beta, buffers(e, f64, aSize, bSize)));
    }

    /** The calling thread's {A, B} packing buffers of at least {@code aSize} and {@code bSize} elements. */
    private static Object[] buffers(GemmEngine e, boolean f64, int aSize, int bSize) {
        Object[] all = BUFFERS.get();
        int at = f64 ? 2 : 0;
        if (all[at] == null || java.lang.reflect.Array.getLength(all[at]) < aSize) all[at] = e.buffer(aSize);
        if (all[at + 1] == null || java.lang.reflect.Array.getLength(all[at + 1]) < bSize) all[at + 1] = e.buffer(bSize);
        return new Object[] {all[at], all[at + 1]};
    }

    private static void slice(boolean f64, GemmEngine e, MemorySegment a, Strided sa, MemorySegment b, Strided sb,
                              MemorySegment c, Strided sc, long t, long slices, long step, int extent, boolean alongM,
                              int m, int n, int k, double alpha, double beta, Object[] buffers) {
        // Views confined to this thread (KernelSegments says why): the packing loops and the
        // micro-kernel's stores to C would otherwise carry the shared segments' owner test, which
        // C2 hoists as a loop predicate that fails on every call once a confined arena was used.
        a = KernelSegments.of(a);
        b = KernelSegments.of(b);
        c = KernelSegments.of(c);
        Consumer<MemorySegment[]> probe = taskSegments;
        if (probe != null) probe.accept(new MemorySegment[] {a, b, c});
        long bi = t / slices;
        int lo = (int) ((t % slices) * step);
        int hi = (int) Math.min(extent, lo + step);
        if (alongM) {
            block(f64, e, a, sa, b, sb, c, sc, bi, lo, hi, 0, n, k, alpha, beta, buffers);
        } else {
            block(f64, e, a, sa, b, sb, c, sc, bi, 0, m, lo, hi, k, alpha, beta, buffers);
        }
    }

    /** Rows {@code m0..m1} and columns {@code n0..n1} of C for stack element {@code bi}. */
    private static void block(boolean f64, GemmEngine e, MemorySegment a, Strided sa, MemorySegment b, Strided sb, MemorySegment c,
                              Strided sc, long bi, int m0, int m1, int n0, int n1, int k, double alpha, double beta,
                              Object[] buffers) {
        int mr = e.mr();
        int nr = e.nr();
        Object ap = buffers[0];
        Object bp = buffers[1];
        if (k == 0) {
            ScalarGemmEngine.scale(c, sc, bi, m0, m1, n0, n1, beta, f64);
            return;
        }
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                double be = pc == 0 ? beta : 1.0;
                e.packB(b, sb, bi, pc, kc, jc, nc, bp);
                for (int ic = m0; ic < m1; ic += MC) {
                    int mc = Math.min(MC, m1 - ic);
                    e.packA(a, sa, bi, ic, mc, pc, kc, ap);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr) {
                            int rows = Math.min(mr, mc - ir);
                            e.tile(kc, ap, ir * kc, bp, jr * kc, c, sc, bi, ic + ir, jc + jr, rows, cols, alpha, be);
                        }
                    }
                }
            }
        }
    }

    private static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }
}
