package org.jdpx.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.io.TempDir;

/** {@link KernelTimes} on a real recording: three launches of one kernel on a profiling queue, one row, with device time. */
class KernelTimesTest {

    @Kernel
    static void twice(KernelContext ctx, FloatArray x) {
        int i = ctx.globalId(0);
        x.set(i, 2 * x.get(i));
    }

    @OnEveryDevice
    void oneRowPerKernelWithItsLaunchesAndDeviceTime(Device device, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.jfr");
        try (Recording r = new Recording(); Queue q = device.createQueue(true);
             UsmMemory x = UsmMemory.allocate(q, org.jdpx.device.UsmType.DEVICE, 4L * 1024)) {
            r.enable("jdpx.KernelLaunch").withThreshold(java.time.Duration.ZERO);
            x.fill(1f);
            r.start();
            for (int k = 0; k < 3; k++) Kernels.launch(KernelTimesTest::twice, Range.of(1024), FloatArray.on(x));
            r.stop();
            r.dump(file);
        }
        String table = KernelTimes.summary(RecordingFile.readAllEvents(file), 10);
        List<String> rows = table.lines().filter(l -> l.contains("twice")).toList();
        assertTrue(rows.size() == 1, table);
        String row = rows.get(0).trim();
        assertTrue(row.startsWith("3 ") && !row.contains("n/a") && row.endsWith("on " + device.filterString()), table);
    }
}
