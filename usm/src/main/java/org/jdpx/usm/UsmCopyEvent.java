package org.jdpx.usm;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event: one USM copy, blocking or asynchronous, from the enqueue until the copy completed on
 * the device ({@link org.jdpx.device.Event#whenComplete}); committed then.
 */
@Name("jdpx.UsmCopy")
@Label("USM Copy")
@Category({"jdpx", "Memory"})
@Description("A copy into, out of or between USM allocations, blocking or asynchronous; the duration runs "
        + "from the enqueue until the device reported the copy complete, waiting behind earlier commands included")
final class UsmCopyEvent extends jdk.jfr.Event {
    @Label("Bytes")
    @DataAmount
    long bytes;
    @Label("Direction")
    @Description("host to device, device to host, or device to device (USM memory of any kind counts as device)")
    String direction;
    @Label("Device")
    String device;
    @Label("USM Kind")
    @Description("device, shared or host: the kind of the allocation on the device side")
    String usmKind;

    /** Only asked whether the event type is enabled; never committed. */
    private static final UsmCopyEvent PROBE = new UsmCopyEvent();

    /** A begun event, or null (nothing allocated) when no recording enables this event. */
    static Object started() {
        if (!PROBE.isEnabled()) return null;
        UsmCopyEvent e = new UsmCopyEvent();
        e.begin();
        return e;
    }

    /** Fills in the copy and commits the event once {@code enqueued} completed. */
    static void endsWith(Object started, long bytes, String direction, UsmMemory memory,
                         org.jdpx.device.Event enqueued) {
        UsmCopyEvent e = (UsmCopyEvent) started;
        e.bytes = bytes;
        e.direction = direction;
        e.device = memory.device().filterString();
        e.usmKind = memory.kind().name().toLowerCase(java.util.Locale.ROOT);
        enqueued.whenComplete(() -> {
            e.end();
            if (e.shouldCommit()) e.commit();
        });
    }
}
