package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdpx.device.Device;
import org.jdpx.device.testing.Confinement;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.usm.UsmPool;
import org.junit.jupiter.api.Test;

/**
 * The memory a Vector API kernel's tasks loop over on the java device ({@link VectorFusion}): each
 * task sees every array as a view confined to the thread that runs it, as the device's generated
 * kernels do ({@code KernelSegments}), never as the arrays' shared segments, whose liveness check
 * C2 turns into a loop predicate that fails on every launch once any confined arena was used.
 * The values must stay those of plain Java.
 */
class VectorFusionSegmentsTest {

    /** What one task saw: its thread and whether every segment is usable by it. */
    private record Seen(String thread, boolean confinedToIt) {
    }

    @Test
    void everyTaskLoopsOverViewsConfinedToItsThread() throws Exception {
        Device java = TestDevices.java();
        int n = (1 << 20) + 3; // several tasks, on more than one thread where there are cores
        float[] b = new float[n], c = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = i % 8;
            c[i] = (i % 7) - 3;
        }
        UsmNdArray out = Tensor.zeros(new long[] {n}, ArrayOptions.on(java).dtype(DType.FLOAT32));
        UsmNdArray bs = Tensor.asarray(b, null, ArrayOptions.on(java)), cs = Tensor.asarray(c, null, ArrayOptions.on(java));
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<List<MemorySegment>> segments = new ConcurrentLinkedQueue<>();
        VectorFusion.taskSegments = list -> {
            boolean confined = list.stream().allMatch(s -> s.isAccessibleBy(Thread.currentThread()));
            segments.add(list);
            seen.add(new Seen(Thread.currentThread().getName(), confined));
        };
        double sum;
        try {
            FusionDiagnostics.clear();
            // three as a broadcast array, not a scalar: dense arithmetic alone runs as the IR kernel
            // (VectorFusion.streamsAsScalarLoop, sumsAsScalarLoop), a broadcast input keeps the graph in lanes
            UsmNdArray three = Tensor.asarray(new float[] {3f}, null, ArrayOptions.on(java));
            out.assign(bs.add(cs.multiply(three))).sync();
            sum = bs.add(cs.multiply(three)).sum().item();
            List<String> events = FusionDiagnostics.events();
            assertTrue(events.stream().anyMatch(e -> e.startsWith("kernel fused in Vector API lanes") && e.contains("[assign]"))
                    && events.stream().anyMatch(e -> e.startsWith("kernel reduce in Vector API lanes") && e.contains("[sum]")),
                    "the triad and the sum run in Vector API lanes: " + events);
        } finally {
            VectorFusion.taskSegments = null;
        }
        assertTrue(seen.size() > 1, "the kernels ran as several tasks: " + seen);
        for (Seen s : seen) assertTrue(s.confinedToIt(), "a task on " + s.thread() + " must see views confined to its thread");
        // And no other thread may use them: a shared segment would pass here.
        assertFalse(Confinement.usableByAnotherThread(segments.stream().flatMap(List::stream).toList()),
                "the tasks' segments must be confined views, not the arrays' shared segments");

        float[] got = out.toFloatArray();
        double want = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] + c[i] * 3f, got[i], 0f, "element " + i);
            want += b[i] + c[i] * 3f;
        }
        assertEquals(want, sum, 0.0, "the sum (exact: small integers, every partial below 2^24)");
    }

    /**
     * Dense arithmetic (arrays of the output's shape, C-contiguous, only operations C2 vectorizes
     * itself) runs as the IR kernel, whose loop C2 compiles into SIMD code streaming each array
     * once (the triad: 8.7 ms against 15.6 in lanes); a graph with {@code exp} or a broadcast
     * input stays in lanes. Values as plain Java's.
     */
    @Test
    void denseArithmeticRunsAsTheIrKernelAndTheRestInLanes() {
        Device java = TestDevices.java();
        ArrayOptions on = ArrayOptions.on(java).dtype(DType.FLOAT32);
        int n = 10_000;
        float[] b = new float[n], c = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = i % 11;
            c[i] = (i % 5) * 0.25f;
        }
        UsmNdArray bs = Tensor.asarray(b, null, on), cs = Tensor.asarray(c, null, on);
        UsmNdArray row = Tensor.asarray(new float[] {2f}, null, on);
        FusionDiagnostics.clear();
        float[] triad = bs.add(cs.multiply(3f)).toFloatArray();
        float[] withExp = bs.add(Tensor.exp(cs)).toFloatArray();
        float[] broadcast = bs.subtract(cs.multiply(row)).toFloatArray();
        List<String> events = FusionDiagnostics.events();
        assertEquals(3, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("kernel fused on java:cpu:0"), "the triad runs as the IR kernel: " + events);
        assertTrue(events.get(1).startsWith("kernel fused in Vector API lanes"), "exp stays in lanes: " + events);
        assertTrue(events.get(2).startsWith("kernel fused in Vector API lanes"), "a broadcast stays in lanes: " + events);
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] + c[i] * 3f, triad[i], 0f, "triad " + i);
            assertEquals(b[i] - c[i] * 2f, broadcast[i], 0f, "broadcast " + i);
            double e = Math.exp(c[i]);
            assertEquals((float) (b[i] + e), withExp[i], 4 * Math.ulp((float) (b[i] + e)), "exp " + i);
        }
    }

    /**
     * The kernels read the arrays' blocks while their command holds them, without asking for
     * JVM views: a view must be invalidated when its array is freed, which closes a shared arena
     * (a handshake with every JVM thread, about 46 µs here) per temporary of array code.
     */
    @Test
    void kernelsMakeNoViewsTheirArraysMustInvalidate() {
        Device java = TestDevices.java();
        ArrayOptions on = ArrayOptions.on(java).dtype(DType.FLOAT64);
        UsmNdArray a = Tensor.arange(0, 5000, 1, on), b = Tensor.ones(new long[] {5000}, on);
        long before = UsmPool.of(java).stats().viewArenas();
        double s = Tensor.exp(a.multiply(1e-3).add(b)).eval().sum().item();
        assertEquals(0, UsmPool.of(java).stats().viewArenas() - before,
                "the fused kernels made JVM views of their arrays' memory");
        double want = 0;
        for (int i = 0; i < 5000; i++) want += Math.exp(i * 1e-3 + 1);
        assertEquals(want, s, 1e-12 * want);
    }
}
