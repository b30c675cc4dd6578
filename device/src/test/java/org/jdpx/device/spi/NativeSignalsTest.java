package org.jdpx.device.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.junit.jupiter.api.Test;

/**
 * Loading the OpenCL drivers must not change Java's own semantics: PoCL replaces the JVM's
 * SIGFPE handler unless {@code POCL_SIGFPE_HANDLER=0}, after which {@code a / 0} returns the
 * dividend instead of throwing. The fresh-JVM tests remove the variable from the environment, so
 * they test jdpx's own protection whatever the build's environment holds.
 */
class NativeSignalsTest {

    @OnEveryDevice
    void divisionByZeroThrowsAfterDevicesLoadedAndAKernelRan(Device device) {
        if (device.backend().equals("opencl")) {
            DivisionProbe.runKernel(device);
        }
        assertEquals("throws ArithmeticException", DivisionProbe.divideByZero(7), "after using " + device);
    }

    /**
     * LLVM's one-shot handlers, installed while PoCL or Mesa compiled, deleted the temporary files
     * of compilations in flight when Java raised its next SIGSEGV and let a second SIGSEGV kill
     * the JVM (see {@link LlvmHandlers}); none may be left after a kernel was built and ran.
     */
    @OnEveryDevice
    void noSignalIsLeftToLlvmAfterAKernelWasBuiltAndRan(Device device) {
        if (device.backend().equals("opencl")) {
            DivisionProbe.runKernel(device);
        }
        assertEquals(List.of(), LlvmHandlers.held(), "signals whose handler is LLVM's after using " + device);
    }

    @Test
    void buildsWhileJavaRaisesItsOwnSignalsLoseNoTemporaryFile() throws Exception {
        String out = run(SignalStormProbe.class, Map.of(), "3");
        assertTrue(out.contains("builds done"), out);
        assertFalse(out.contains("PoCL lost a temporary file") || out.contains("unable to rename temporary"), out);
    }

    @Test
    void aFreshJvmWithoutTheVariableKeepsJavaDivisionByZero() throws Exception {
        String out = probe(Map.of());
        assertTrue(out.contains("7 / 0 throws ArithmeticException"), out);
        assertTrue(out.contains(NativeSignals.POCL_VARIABLE + "=0"), out);
        assertTrue(out.contains("signals held by LLVM=[]"), out);
    }

    @Test
    void aValueTheUserSetIsKeptAndPoclsHandlerIsReported() throws Exception {
        String out = probe(Map.of(NativeSignals.POCL_VARIABLE, "1"));
        assertTrue(out.contains(NativeSignals.POCL_VARIABLE + "=1"), out);
        assertTrue(out.contains("WARNING") && out.contains("SIGFPE handler of the JVM was replaced by")
                && out.contains("libpocl"), out);
    }

    @Test
    void withLibjsigPreloadedPoclKeepsItsHandlerAndTheJvmChainsToIt() throws Exception {
        Path jsig = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
        assertTrue(Files.exists(jsig), jsig + " ships with every Linux JDK");
        String out = probe(Map.of("LD_PRELOAD", jsig.toString()));
        assertTrue(out.contains(NativeSignals.POCL_VARIABLE + "=(unset)"), out);
        assertTrue(out.contains("7 / 0 throws ArithmeticException"), out);
    }

    @Test
    void handlersAreReadAndUnchangedByReadingThem() {
        NativeSignals.Snapshot a = NativeSignals.snapshot();
        assertEquals(4, a.handlers().length);
        assertTrue(a.handlers()[0] != 0, "the JVM handles SIGFPE");
        assertEquals(List.of(), NativeSignals.warnIfReplaced(a, "reading handlers"));
    }

    @Test
    void theJvmsOwnHandlersComingBackIsNoWarning() {
        // As after LLVM's crash handler, installed while a driver compiled, put the JVM's back.
        NativeSignals.Snapshot someoneElses = new NativeSignals.Snapshot(new long[] {0x1000, 0x1000, 0x1000, 0x1000});
        assertEquals(List.of(), NativeSignals.warnIfReplaced(someoneElses, "a test"));
    }

    /** Runs {@link DivisionProbe} in a new JVM without POCL_SIGFPE_HANDLER, plus the variables {@code env}. */
    private static String probe(Map<String, String> env) throws IOException, InterruptedException {
        return run(DivisionProbe.class, env);
    }

    /** Runs {@code main} of {@code probe} in a new JVM without POCL_SIGFPE_HANDLER, plus the variables {@code env}. */
    private static String run(Class<?> probe, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), probe.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(NativeSignals.POCL_VARIABLE);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the probe JVM did not end");
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
