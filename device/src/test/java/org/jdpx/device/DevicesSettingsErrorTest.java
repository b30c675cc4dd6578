package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A malformed setting read by the process-wide registry is the same clear
 * {@link IllegalArgumentException} on every call, not a failed static initializer once and
 * {@code NoClassDefFoundError} after. Runs in a child JVM so this JVM's registry is untouched; the
 * settings are passed as system properties, which win over the variables.
 */
class DevicesSettingsErrorTest {

    private static List<String> probe(String property) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", property, "-cp",
                System.getProperty("java.class.path"), ProbeDevices.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("call ")).toList();
    }

    @Test
    void malformedSelectorIsTheSameIllegalArgumentExceptionOnEveryCall() throws Exception {
        for (String bad : List.of("opencl:cpu:x", ";;!")) {
            List<String> calls = probe("-Djdpx.deviceSelector=" + bad);
            assertEquals(2, calls.size(), calls.toString());
            for (String c : calls) {
                assertTrue(c.contains("java.lang.IllegalArgumentException: malformed JDPX_DEVICE_SELECTOR '" + bad + "'")
                        && c.contains("backend:devices"), calls.toString());
            }
            assertEquals(calls.get(0).substring(7), calls.get(1).substring(7), "both calls say the same");
        }
    }

    @Test
    void malformedDefaultDeviceIsAnIllegalArgumentExceptionNamingTheSetting() throws Exception {
        List<String> calls = probe("-Djdpx.device=nonsense");
        assertEquals(2, calls.size(), calls.toString());
        for (String c : calls) {
            assertTrue(c.contains("java.lang.IllegalArgumentException: -Djdpx.device is not a device filter")
                    && c.contains("'nonsense'") && c.contains("backend:type:index"), calls.toString());
        }
    }
}
