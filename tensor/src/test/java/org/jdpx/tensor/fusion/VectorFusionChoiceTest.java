package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * Which graphs the java device runs in Vector API lanes ({@link VectorFusion#worthLanes}): only
 * those computing an exp. Memory-bound graphs (the bench's triad, {@code A += B + 5*C}, a plain
 * sum) run as the IR kernel, one pass over the arrays, which took less than half the block
 * form's CPU time for {@code A += B + 5*C} in float64. Values are checked against plain Java.
 */
class VectorFusionChoiceTest {
    private static final int N = (1 << 20) + 3;

    private static UsmNdArray filled(Device d, DType t, double v) {
        return Tensor.full(new long[] {N}, v, ArrayOptions.on(d).dtype(t)).sync();
    }

    /** The events {@code work} records, after the inputs were made. */
    private static List<String> events(Supplier<Object> work) {
        FusionDiagnostics.clear();
        work.get();
        return FusionDiagnostics.events();
    }

    private static void assertIrKernel(List<String> events, String what) {
        assertTrue(events.stream().noneMatch(e -> e.contains("in Vector API lanes")), what + " ran in lanes: " + events);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("kernel ") && e.contains("on java:cpu:0")),
                what + " ran no IR kernel on the java device: " + events);
    }

    @Test
    void memoryBoundGraphsRunAsOnePassIrKernels() {
        Device java = TestDevices.java();
        UsmNdArray out = filled(java, DType.FLOAT32, 0), b = filled(java, DType.FLOAT32, 1), c = filled(java, DType.FLOAT32, 2);
        assertIrKernel(events(() -> out.assign(b.add(c.multiply(3f))).sync()), "the triad");
        for (float v : out.toFloatArray()) assertEquals(7f, v, 0f, "1 + 3 * 2");

        UsmNdArray a = filled(java, DType.FLOAT64, 0.5), y = filled(java, DType.FLOAT64, 1), z = filled(java, DType.FLOAT64, 2);
        assertIrKernel(events(() -> a.addi(y.add(z.multiply(5))).sync()), "A += B + 5*C");
        for (double v : a.toDoubleArray()) assertEquals(11.5, v, 0.0, "0.5 + 1 + 5 * 2");

        double[] sum = new double[1];
        assertIrKernel(events(() -> sum[0] = b.sum().item()), "the sum");
        assertEquals(N, sum[0], 0.0, "a sum of ones");
    }

    @Test
    void graphsWithExpStillRunInLanes() {
        Device java = TestDevices.java();
        UsmNdArray x = filled(java, DType.FLOAT32, 0.25);
        float[] y = new float[1];
        List<String> events = events(() -> {
            UsmNdArray e = Tensor.exp(x.subtract(x.max()));
            y[0] = e.divide(e.sum()).toFloatArray()[N - 1];
            return y;
        });
        assertTrue(events.stream().filter(e -> e.contains("in Vector API lanes")).count() >= 2,
                "exp(x - max) summed and scaled in lanes: " + events);
        assertEquals(1.0 / N, y[0], 1e-6 / N, "a softmax of equal values");
    }
}
