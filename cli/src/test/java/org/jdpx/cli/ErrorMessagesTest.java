package org.jdpx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.device.DeviceSettings;
import org.jdpx.device.jvm.JavaBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary mistakes on the command line are one line on stderr ({@code jdpx: } what is wrong and
 * the fix) and exit status 2 (usage) or 1 (other failures), with the stack trace only under
 * {@code --verbose}. Device settings are given to an in-process registry of the java device, as
 * the variables would give them; nothing here starts a tour or a benchmark.
 */
class ErrorMessagesTest {

    private record Outcome(int status, String out, String err) {
        /** The one line a mistake prints, checked to be the only one and to carry no stack trace. */
        String line() {
            assertEquals(1, err.lines().count(), "one line on stderr, got:\n" + err);
            assertTrue(err.startsWith("jdpx: ") && !err.contains("\tat "), err);
            return err.strip();
        }
    }

    private static Supplier<DeviceRegistry> withSettings(Map<String, String> env) {
        return () -> new DeviceRegistry(List.of(new JavaBackend()), DeviceSettings.from(env, new Properties()),
                new ArrayList<String>()::add);
    }

    private static final Supplier<DeviceRegistry> JAVA_ONLY = withSettings(Map.of());

    private static Outcome run(Supplier<DeviceRegistry> registry, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run(registry, args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void contains(String text, String... parts) {
        for (String p : parts) assertTrue(text.contains(p), "expected '" + p + "' in: " + text);
    }

    @Test
    void malformedDeviceFilterIsAUsageErrorWithTheGrammarAndTheDevices() {
        Outcome o = run(JAVA_ONLY, "tour", "--device", "nonsense");
        assertEquals(2, o.status());
        contains(o.line(), "jdpx: --device nonsense: malformed device filter 'nonsense'", "backend:type:index",
                "devices here: java:cpu:0");
        assertEquals("", o.out(), "the tour did not start");
    }

    @Test
    void missingDeviceInStrictModeListsTheDevices() {
        Outcome o = run(withSettings(Map.of("JDPX_STRICT", "1")), "tour", "--device", "gpu:0");
        assertEquals(2, o.status());
        contains(o.line(), "no device matches the filter 'gpu:0'", "devices here: java:cpu:0", "JDPX_STRICT");
    }

    @Test
    void malformedDefaultDeviceSettingNamesTheVariable() {
        Outcome o = run(withSettings(Map.of("JDPX_DEFAULT_DEVICE", "nonsense")), "devices");
        assertEquals(1, o.status());
        contains(o.line(), "jdpx: JDPX_DEFAULT_DEVICE is not a device filter", "'nonsense'", "unset it");
    }

    @Test
    void verboseAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        for (String[] args : List.of(new String[] {"--verbose", "devices"}, new String[] {"devices", "--verbose"})) {
            Outcome o = run(withSettings(Map.of("JDPX_DEFAULT_DEVICE", "nonsense")), args);
            assertEquals(1, o.status());
            assertTrue(o.err().startsWith("jdpx: JDPX_DEFAULT_DEVICE is not a device filter"), o.err());
            contains(o.err(), "java.lang.IllegalArgumentException", "\tat org.jdpx.device.DeviceSettings.from");
        }
    }

    @Test
    void selectorHidingEveryDeviceIsNamed() {
        Outcome o = run(withSettings(Map.of("JDPX_DEVICE_SELECTOR", "opencl:gpu")), "tour");
        assertEquals(1, o.status());
        contains(o.line(), "JDPX_DEVICE_SELECTOR='opencl:gpu' hides every device found here (java:cpu:0)");
    }

    @Test
    void malformedSelectorIsOneLineOnEveryRun() {
        for (int i = 0; i < 2; i++) {
            Outcome o = run(withSettings(Map.of("JDPX_DEVICE_SELECTOR", "opencl:cpu:x")), "devices");
            assertEquals(1, o.status());
            contains(o.line(), "malformed JDPX_DEVICE_SELECTOR 'opencl:cpu:x'", "backend:devices");
        }
    }

    @Test
    void kernelSourceOfAMissingMethodListsTheKernels() {
        Outcome o = run(JAVA_ONLY, "kernel-source", "org.jdpx.samples.MandelbrotKernel#nosuch");
        assertEquals(2, o.status());
        contains(o.line(), "no method nosuch in org.jdpx.samples.MandelbrotKernel", "its @Kernel methods: escapeCounts");
    }

    @Test
    void kernelSourceOfAMissingClassOrABadTargetOrClassPathIsAUsageError() {
        contains(expectUsage("kernel-source", "org.nosuch.Kernels#vadd"), "class org.nosuch.Kernels is not on the class path",
                "--cp PATH");
        contains(expectUsage("kernel-source", "vadd"), "expected a class and a method name joined by '#'");
        contains(expectUsage("kernel-source", "--cp", "/no/such/dir", "org.nosuch.Kernels#vadd"),
                "--cp /no/such/dir: '/no/such/dir' does not exist");
    }

    @Test
    void benchWithAnUnknownWorkloadOrDeviceStopsBeforeRunning() {
        contains(expectUsage("bench", "--only", "nosuchworkload"), "--only nosuchworkload: no workload nosuchworkload",
                "triad");
        contains(expectUsage("bench", "--only", "triad", "--device", "gpu"), "--device gpu: no device matches it",
                "devices here: java:cpu:0");
        contains(expectUsage("bench", "--only", "triad", "--device", "nonsense"), "malformed device filter 'nonsense'");
    }

    @Test
    void outputPathsAreCheckedBeforeTheWorkStarts(@TempDir Path dir) {
        Path missing = dir.resolve("missing").resolve("r.json");
        for (String option : List.of("--json", "--md", "--png")) {
            contains(expectUsage("bench", "--only", "triad", option, missing.toString()),
                    option + " " + missing + ": the folder " + missing.getParent() + " does not exist");
            contains(expectUsage("bench", "--only", "triad", option, dir.toString()), option + " " + dir + ": it is a folder");
        }
        contains(expectUsage("tour", "--device", "java", "--png", missing.toString()), "does not exist");
    }

    @Test
    void unknownOptionsAndCommandsAreOneLine() {
        contains(expectUsage("tour", "--bogus"), "Unknown option: '--bogus'", "(see 'jdpx tour --help')");
        contains(expectUsage("benhc"), "did you mean", "bench");
    }

    @Test
    void unexpectedExceptionsNameTheirClassAndPointToVerbose() {
        String d = Failures.describe(new NullPointerException("x is null"));
        assertEquals("NullPointerException: x is null (run with --verbose for the stack trace)", d);
        assertEquals("bad value", Failures.describe(new IllegalArgumentException("bad value")));
    }

    /** Runs a mistake that must stop before any work: status 2, one line, nothing on stdout. */
    private static String expectUsage(String... args) {
        Outcome o = run(JAVA_ONLY, args);
        assertEquals(2, o.status(), o.err());
        assertEquals("", o.out(), "nothing started: " + o.out());
        return o.line();
    }
}
