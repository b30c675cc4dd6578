package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.corpus.Corpus;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR {@code jdpx.KernelBuild} event says whether a build came from the disk cache: with an
 * empty cache directory the first build is from source, the next one (after the in-memory cache
 * is dropped) from the file the first stored. The java device builds nothing.
 */
class KernelBuildEventTest {

    @OnEveryDevice
    void buildEventsTellSourceFromDiskCache(Device device, @TempDir Path dir) throws Exception {
        String old = System.getProperty("jdpx.cacheDir");
        System.setProperty("jdpx.cacheDir", dir.resolve("cache").toString());
        Path file = dir.resolve("builds.jfr");
        float[] got = new float[2];
        boolean stored;
        try (Recording r = new Recording(); UsmMemory x = UsmMemory.allocateDevice(device, 8);
             UsmMemory y = UsmMemory.allocateDevice(device, 8)) {
            r.enable("jdpx.KernelBuild").withThreshold(java.time.Duration.ZERO);
            x.copyFromHost(new float[] {1, 2});
            y.copyFromHost(new float[] {3, 4});
            r.start();
            ProgramCache.clearMemory();
            Kernels.launch(Corpus::saxpy, Range.of(2), 1f, FloatArray.on(x), FloatArray.on(y));
            ProgramCache.clearMemory();
            Kernels.launch(Corpus::saxpy, Range.of(2), 1f, FloatArray.on(x), FloatArray.on(y));
            r.stop();
            r.dump(file);
            y.copyToHost(got);
            // where the first build stored its binary: the test's directory, while it is still the cache
            stored = Files.exists(ProgramCache.file(device, KernelCompiler.compile(Corpus.class, "saxpy")));
        } finally {
            ProgramCache.clearMemory();
            if (old == null) System.clearProperty("jdpx.cacheDir");
            else System.setProperty("jdpx.cacheDir", old);
        }
        assertArrayEquals(new float[] {3 + 2 * 1f, 4 + 2 * 2f}, got, "saxpy twice");
        List<RecordedEvent> builds = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdpx.KernelBuild")).toList();
        if (device.backend().equals("java")) {
            assertTrue(builds.isEmpty(), "the java device runs the method itself: " + builds);
            return;
        }
        assertEquals(2, builds.size(), "two builds after dropping the in-memory cache twice: " + builds);
        assertEquals(List.of(device.filterString(), device.filterString()),
                builds.stream().map(e -> e.getString("device")).toList());
        assertEquals(false, builds.get(0).getBoolean("cacheHit"), "first build, empty cache directory");
        assertEquals(stored, builds.get(1).getBoolean("cacheHit"), "second build reads the stored binary when there is one");
        assertTrue(builds.stream().allMatch(e -> e.getString("kernel").contains("saxpy")), builds.toString());
    }
}
