package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small program (an array to the device, a user kernel, an in-place update that fusion must cut,
 * the result back) recorded with JDK Flight Recorder: jdpx's events describe what it did, with the
 * device, sizes and names, on every device.
 */
class JfrEventsTest {
    static final int N = 64;

    @Kernel
    static void twiceForJfr(KernelContext ctx, FloatArray x) {
        int i = ctx.globalId(0);
        x.set(i, 2f * x.get(i));
    }

    @OnEveryDevice
    void smallProgramIsRecorded(Device device, @TempDir Path dir) throws Exception {
        float[] host = new float[N];
        for (int i = 0; i < N; i++) host[i] = i + 1;
        float[] got;
        Path file = dir.resolve("jdpx.jfr");
        try (Recording r = new Recording()) {
            for (String e : List.of("jdpx.KernelBuild", "jdpx.KernelLaunch", "jdpx.UsmCopy", "jdpx.FusionCut")) {
                r.enable(e).withThreshold(java.time.Duration.ZERO);
            }
            r.start();
            UsmNdArray a = Tensor.asarray(host, new long[] {N}, ArrayOptions.on(device));
            Kernels.launch(JfrEventsTest::twiceForJfr, Range.of(N), FloatArray.on(a.memory()));
            a.addi(a.get("::-1"));                  // reads what it writes through another view: a fusion cut
            got = a.toFloatArray();
            r.stop();
            r.dump(file);
        }
        float[] want = new float[N];
        for (int i = 0; i < N; i++) want[i] = 2f * host[i] + 2f * host[N - 1 - i];
        assertArrayEquals(want, got, "the program's result on " + device.filterString());

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        String where = device.filterString();
        List<RecordedEvent> launches = named(events, "jdpx.KernelLaunch");
        RecordedEvent mine = launches.stream().filter(e -> e.getString("kernel").contains("twiceForJfr")).findFirst()
                .orElseThrow(() -> new AssertionError("no launch of twiceForJfr in " + launches));
        assertEquals(where, mine.getString("device"));
        assertEquals("[" + N + "]", mine.getString("global"));
        assertTrue(launches.size() >= 2, "the user kernel and the fused update: " + launches);

        List<RecordedEvent> builds = named(events, "jdpx.KernelBuild").stream()
                .filter(e -> e.getString("kernel").contains("twiceForJfr")).collect(Collectors.toList());
        if (device.backend().equals("java")) {
            assertTrue(builds.isEmpty(), "the java device runs the method itself, nothing is built: " + builds);
        } else {
            assertEquals(1, builds.size(), "one build of twiceForJfr for " + where + ": " + builds);
            assertEquals(where, builds.get(0).getString("device"));
            assertTrue(builds.get(0).getString("source").contains("__kernel"), builds.get(0).getString("source"));
        }

        List<RecordedEvent> copies = named(events, "jdpx.UsmCopy");
        assertTrue(copies.stream().anyMatch(e -> e.getLong("bytes") == 4L * N && e.getString("direction").equals("host to device")
                && e.getString("device").equals(where)), "the upload of " + 4 * N + " bytes: " + copies);
        assertTrue(copies.stream().anyMatch(e -> e.getLong("bytes") == 4L * N && e.getString("direction").equals("device to host")
                && e.getString("device").equals(where)), "the download of " + 4 * N + " bytes: " + copies);

        List<RecordedEvent> cuts = named(events, "jdpx.FusionCut");
        assertFalse(cuts.isEmpty(), "no fusion cut recorded");
        assertTrue(cuts.get(0).getString("reason").contains("through another view"), cuts.get(0).getString("reason"));
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
    }
}
