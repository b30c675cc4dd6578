package org.jdpx.kernels.prange;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/** Wrong uses fail at compile time with the source line, or at the call with the devices named. */
class PrangeRefusalsTest {

    private static String refusal(Runnable compile) {
        return assertThrows(KernelCompileException.class, compile::run).getMessage();
    }

    private static void mentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
    }

    @Test
    void aValueCarriedFromOneIterationToTheNextIsRefusedWithItsLine() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::carried)),
                "PrangeSamples.java:126", "'prev'", "read at line 125", "cross-iteration dependence");
    }

    @Test
    void anUpdateThatIsNotAReductionIsRefusedWithItsLine() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::decay)), "PrangeSamples.java:135", "'s'", "cross-iteration dependence");
    }

    @Test
    void breakingOutOfAParallelLoopIsRefusedWithItsLine() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::breaks)), "PrangeSamples.java:143", "break");
    }

    @Test
    void javaArraysInTheBodyAreRefusedNotCopied() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::javaArray)), "PrangeSamples.java:152", "Java array 'x'", "USM");
    }

    @Test
    void anArrayReductionReadOutsideItsUpdatesIsRefusedWithItsLine() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::readsItsReduction)),
                "PrangeSamples.java:199", "Java array 'y' (double[])", "read outside its update", "whole-array reduction");
    }

    @Test
    void anArrayReductionWithTwoOperatorsIsRefused() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::mixedArrayOps)),
                "PrangeSamples.java:208", "Java array 'y' (long[])", "updated with both + and *");
    }

    @Test
    void aHelperReadingAMutableStaticFieldIsRefusedNamingBoth() {
        mentions(refusal(() -> Prange.compile(PrangeSamples::tableSum)), "PrangeSamples.java:", "PrangeSamples.lookup",
                "static field PrangeSamples.table", "static final", "parameter");
    }

    @Test
    void diagnosticsExplainARefusalWithoutThrowing() {
        mentions(Prange.diagnostics(PrangeSamples.class, "carried"), "refused:", "PrangeSamples.java:126");
    }

    @Test
    void aMethodWithoutParallelLoopsIsNotCompiled() {
        String m = assertThrows(IllegalArgumentException.class, () -> Prange.compile(PrangeSamples::plain)).getMessage();
        mentions(m, "no parallel loop", "@Parallel");
    }

    @Test
    void arraysOnTwoDevicesAreAPlacementError() {
        List<Device> devices = TestDevices.all().toList();
        if (devices.size() < 2) return; // one device: nothing can be misplaced
        Device a = devices.get(0), b = devices.get(1);
        try (UsmMemory x = UsmMemory.allocateDevice(a, 64); UsmMemory y = UsmMemory.allocateDevice(b, 64)) {
            String m = assertThrows(ExecutionPlacementError.class,
                    () -> Prange.compile(PrangeSamples::l2Float).apply(FloatArray.on(x), FloatArray.on(y))).getMessage();
            mentions(m, "PrangeSamples.java:43", a.filterString(), b.filterString(), "UsmMemory.copyAcrossDevices");
            assertTrue(!m.contains(".toDevice("), "views have no toDevice: " + m);
        }
    }
}
