package org.jdpx.usm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jdpx.device.Device;
import org.jdpx.device.Event;
import org.jdpx.device.testing.OnEveryDevice;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR {@code jdpx.UsmCopy} event for asynchronous copies: one event per copy, with its bytes
 * and direction, committed when the copy completed, on every device.
 */
class UsmCopyEventTest {

    @OnEveryDevice
    void asyncCopiesAreRecordedWithBytesAndDirection(Device device, @TempDir Path dir) throws Exception {
        float[] host = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] back = new float[6];
        Path file = dir.resolve("copies.jfr");
        try (Recording r = new Recording(); UsmMemory a = UsmMemory.allocateDevice(device, 32);
             UsmMemory b = UsmMemory.allocateDevice(device, 32)) {
            r.enable("jdpx.UsmCopy").withThreshold(java.time.Duration.ZERO);
            r.start();
            Event up = a.copyFromHostAsync(MemorySegment.ofArray(host), 0);
            Event across = b.copyFromAsync(a, 4, 0, 24, up);
            Event down = b.copyToHostAsync(MemorySegment.ofArray(back), 0, across);
            // An event commits when its copy completes, on whichever thread sees that first: a copy
            // nobody awaits may commit after the recording stopped, so each is awaited here.
            for (Event e : List.of(down, across, up)) e.await();
            r.stop();
            r.dump(file);
        }
        assertArrayEquals(new float[] {2, 3, 4, 5, 6, 7}, back, "the copies' result on " + device.filterString());
        List<RecordedEvent> copies = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdpx.UsmCopy"))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList();
        assertEquals(List.of("32 host to device", "24 device to device", "24 device to host"),
                copies.stream().map(e -> e.getLong("bytes") + " " + e.getString("direction")).toList(),
                "the recorded copies on " + device.filterString());
        for (RecordedEvent e : copies) {
            assertEquals(device.filterString(), e.getString("device"));
        }
    }
}
