package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jdpx.device.Device;
import org.jdpx.device.Event;
import org.jdpx.device.Queue;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR {@code jdpx.KernelLaunch} event runs queued to end: for an asynchronous launch of a kernel
 * that spins, its duration covers the kernel's time on the device (the event's profiling times),
 * not only the launch call, on every device.
 */
class KernelLaunchEventTest {
    static final int N = 64;
    static final int OUTER = 1000;
    static final int INNER = 1000;

    @Kernel
    static void spinForJfr(KernelContext ctx, FloatArray x, int outer, int inner) {
        int i = ctx.globalId(0);
        float v = x.get(i);
        for (int a = 0; a < outer; a++) {
            for (int b = 0; b < inner; b++) {
                v = v * 0.999f + 0.001f;
            }
        }
        x.set(i, v);
    }

    @OnEveryDevice
    void launchEventCoversTheKernelOnTheDevice(Device device, @TempDir Path dir) throws Exception {
        float[] host = new float[N];
        for (int i = 0; i < N; i++) host[i] = i;
        float[] got = new float[N];
        Path file = dir.resolve("launch.jfr");
        CompiledKernel spin = KernelCompiler.compile(KernelLaunchEventTest.class, "spinForJfr");
        long deviceNanos;
        try (Recording r = new Recording(); UsmMemory x = UsmMemory.allocateDevice(device, 4L * N);
             Queue q = device.createQueue(true)) {
            r.enable("jdpx.KernelLaunch").withThreshold(java.time.Duration.ZERO);
            x.copyFromHost(host);
            Kernels.launchOn(q, spin, Range.of(N), List.of(), FloatArray.on(x), 1, 1).await(); // built, warm
            r.start();
            Event launched = Kernels.launchOn(q, spin, Range.of(N), List.of(), FloatArray.on(x), OUTER, INNER);
            deviceNanos = launched.await().profiling().durationNanos();
            r.stop();
            r.dump(file);
            x.copyToHost(got);
        }
        for (int i = 0; i < N; i++) {
            float v = i * 0.999f + 0.001f;
            for (int k = 0; k < OUTER * INNER; k++) v = v * 0.999f + 0.001f;
            assertEquals(v, got[i], 1e-3f, "element " + i + " on " + device.filterString());
        }
        List<RecordedEvent> launches = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdpx.KernelLaunch")).toList();
        assertEquals(1, launches.size(), "one launch recorded, committed by the time await() returned: " + launches);
        RecordedEvent e = launches.get(0);
        assertTrue(e.getString("kernel").contains("spinForJfr"), e.getString("kernel"));
        assertEquals(device.filterString(), e.getString("device"));
        assertEquals("[" + N + "]", e.getString("global"));
        long recorded = e.getDuration().toNanos();
        // Both clocks count nanoseconds of the same host; 1% and half a millisecond of slack for their skew.
        long slack = deviceNanos / 100 + 500_000;
        assertTrue(recorded >= deviceNanos - slack, "the event (" + recorded + " ns) covers the kernel's "
                + deviceNanos + " ns on " + device.filterString());
        long call = e.getDuration("launchCall").toNanos();
        assertTrue(call >= 0 && call <= recorded, "the launch call (" + call + " ns) is part of " + recorded + " ns");
        assertEquals(deviceNanos, e.getLong("deviceTime"), "the event carries the profiling queue's device time");
        assertTrue(e.getLong("queuedTime") >= 0, "queued " + e.getLong("queuedTime") + " ns on " + device.filterString());
    }

    /** On a queue that does not profile, the device and queued times are N/A (Long.MIN_VALUE), not zero. */
    @OnEveryDevice
    void withoutProfilingTheDeviceTimeIsNotAvailable(Device device, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain.jfr");
        CompiledKernel spin = KernelCompiler.compile(KernelLaunchEventTest.class, "spinForJfr");
        try (Recording r = new Recording(); UsmMemory x = UsmMemory.allocateDevice(device, 4L * N);
             Queue q = device.createQueue(false)) {
            r.enable("jdpx.KernelLaunch").withThreshold(java.time.Duration.ZERO);
            x.fill(0f);
            r.start();
            Kernels.launchOn(q, spin, Range.of(N), List.of(), FloatArray.on(x), 1, 1).await();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> launches = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdpx.KernelLaunch")).toList();
        assertEquals(1, launches.size(), launches.toString());
        assertEquals(Long.MIN_VALUE, launches.get(0).getLong("deviceTime"));
        assertEquals(Long.MIN_VALUE, launches.get(0).getLong("queuedTime"));
    }
}
