package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * Which form the java device gives an elementwise graph ({@link VectorFusion#onePass}): plain
 * arithmetic over {@link VectorFusion#ONE_PASS_ELEMENTS} elements or more as the one-pass IR
 * kernel, a smaller one and any graph with an exp or a maximum in Vector API lanes; the values
 * are plain Java's either way.
 */
class VectorFusionChoiceTest {
    private static final int LARGE = (int) VectorFusion.ONE_PASS_ELEMENTS;

    @Test
    void largePlainArithmeticRunsInOnePassAndEverythingElseInLanes() {
        Device java = TestDevices.java();
        check(java, LARGE, "triad", v -> v[0].add(v[1].multiply(3f)), (b, c) -> b + 3f * c, false);
        check(java, LARGE, "b/c - sqrt(abs(c))", v -> v[0].divide(v[1]).subtract(Tensor.sqrt(Tensor.abs(v[1]))),
                (b, c) -> b / c - (float) Math.sqrt(Math.abs(c)), false);
        check(java, LARGE - 1, "a smaller triad", v -> v[0].add(v[1].multiply(3f)), (b, c) -> b + 3f * c, true);
        check(java, LARGE, "a maximum", v -> Tensor.maximum(v[0], v[1]).add(1f), (b, c) -> Math.max(b, c) + 1f, true);
        // exp is the polynomial of ExpLowering (within 2 ulp of the exact value), then one rounding for the add.
        check(java, LARGE, "an exp", v -> Tensor.exp(v[0].multiply(-0.25f)).add(v[1]),
                (b, c) -> (float) StrictMath.exp(b * -0.25f) + c, true);
    }

    private interface FloatOp {
        float apply(float b, float c);
    }

    private static void check(Device d, int n, String what, Function<UsmNdArray[], UsmNdArray> graph, FloatOp java,
                              boolean lanes) {
        float[] b = new float[n], c = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = (i % 97) - 40;
            c[i] = (i % 13) + 0.5f;
        }
        UsmNdArray bs = Tensor.asarray(b, null, ArrayOptions.on(d)), cs = Tensor.asarray(c, null, ArrayOptions.on(d));
        UsmNdArray out = Tensor.zeros(new long[] {n}, ArrayOptions.on(d).dtype(DType.FLOAT32));
        FusionDiagnostics.clear();
        out.assign(graph.apply(new UsmNdArray[] {bs, cs})).sync();
        List<String> events = FusionDiagnostics.events();
        boolean inLanes = events.stream().anyMatch(e -> e.contains("in Vector API lanes"));
        if (lanes) {
            assertTrue(inLanes, what + " of " + n + " elements runs in Vector API lanes: " + events);
        } else {
            assertFalse(inLanes, what + " of " + n + " elements runs as the one-pass IR kernel: " + events);
            assertFalse(events.isEmpty(), what + ": the IR kernel's launch is recorded");
        }
        float[] got = out.toFloatArray();
        boolean exact = !what.contains("exp");
        for (int i = 0; i < n; i++) {
            float want = java.apply(b[i], c[i]);
            assertEquals(want, got[i], exact ? 0f : 4 * Math.ulp(Math.abs(want) + 1f), what + ", element " + i);
        }
    }
}
