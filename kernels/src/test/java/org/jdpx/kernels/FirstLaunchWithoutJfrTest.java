package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.usm.UsmMemory;

/**
 * A process that never starts the Flight Recorder does not load JFR for jdpx's events: registering
 * the first event class loaded about 250 JDK classes and cost a process's first kernel launch about
 * 100 ms (the {@code compile_cached} bench row doubled). With a recording from start-up the events
 * are still there. Each case runs in a child JVM, since this JVM's other tests start recordings.
 */
class FirstLaunchWithoutJfrTest {

    /** The child: builds and launches one kernel, copies in and out, prints the result. */
    static final class Child {
        private Child() {
        }

        @Kernel
        static void twice(KernelContext ctx, FloatArray x) {
            int i = ctx.globalId(0);
            x.set(i, 2f * x.get(i));
        }

        public static void main(String[] args) {
            Device device = Devices.get(args[0]);
            try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * 16)) {
                float[] host = new float[16];
                for (int i = 0; i < host.length; i++) host[i] = i;
                m.copyFromHost(host);
                Kernels.launch(Child::twice, Range.of(16), FloatArray.on(m));
                m.copyToHost(host);
                System.out.println("result " + host[15]);
            }
        }
    }

    private static List<String> run(Device device, String... jvmFlags) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:stdout"));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), device.filterString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not end");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("result 30.0"), "the kernel ran: " + out.lines().filter(l -> !l.startsWith("[")).toList());
        return lines;
    }

    private static boolean loaded(List<String> log, String className) {
        return log.stream().anyMatch(l -> l.contains(" " + className + " source:"));
    }

    @OnEveryDevice
    void firstLaunchLoadsNoJfrClassesWithoutARecording(Device device) throws Exception {
        List<String> log = run(device);
        for (String c : List.of("jdk.jfr.Event", "org.jdpx.kernels.KernelLaunchEvent", "org.jdpx.kernels.KernelBuildEvent",
                "org.jdpx.usm.UsmCopyEvent")) {
            assertFalse(loaded(log, c), c + " was loaded on " + device.filterString() + " although nothing records");
        }
    }

    @OnEveryDevice
    void aRecordingFromStartUpStillGetsTheLaunchEvent(Device device) throws Exception {
        List<String> log = run(device, "-XX:StartFlightRecording");
        assertTrue(loaded(log, "org.jdpx.kernels.KernelLaunchEvent"), "the launch event class on " + device.filterString());
    }
}
