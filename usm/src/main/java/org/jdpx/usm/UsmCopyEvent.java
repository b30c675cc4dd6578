package org.jdpx.usm;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR event: one blocking USM copy, from the call until the data arrived. */
@Name("jdpx.UsmCopy")
@Label("USM Copy")
@Category({"jdpx", "Memory"})
@Description("A blocking copy into, out of or between USM allocations; the duration is the copy, waiting included")
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

    static Object started() {
        UsmCopyEvent e = new UsmCopyEvent();
        e.begin();
        return e;
    }

    static void ended(Object started, long bytes, String direction, UsmMemory memory) {
        UsmCopyEvent e = (UsmCopyEvent) started;
        e.end();
        if (e.shouldCommit()) {
            e.bytes = bytes;
            e.direction = direction;
            e.device = memory.device().filterString();
            e.usmKind = memory.kind().name().toLowerCase(java.util.Locale.ROOT);
            e.commit();
        }
    }
}
