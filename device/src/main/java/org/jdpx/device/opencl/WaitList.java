package org.jdpx.device.opencl;

import java.util.List;
import org.jdpx.device.spi.EventDriver;
import org.jocl.cl_event;

/**
 * Turns dependencies into an OpenCL wait list. Events of the same device (hence the same context:
 * each device has its own) go into the list; any other event, of another OpenCL device or of
 * another backend, cannot be named in this context's wait list, so it is awaited on the host
 * before the command is enqueued.
 *
 * <p>OpenCL only promises that a command waiting on an event of another queue makes progress once
 * that queue has been flushed, so the other queue is flushed here (a blocking map waiting on an
 * unflushed queue hangs on PoCL).
 */
final class WaitList {

    private WaitList() {
    }

    /** The wait list for {@code deps} on {@code device}, or {@code null} when nothing is left to wait for. */
    static cl_event[] of(OpenClQueue target, List<EventDriver> deps) {
        OpenClDevice device = target.device;
        int n = deps.size();
        if (n == 0) {
            return null;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (deps.get(i) instanceof OpenClEvent e && e.device == device) {
                same++;
            }
        }
        cl_event[] list = same == 0 ? null : new cl_event[same];
        int k = 0;
        for (int i = 0; i < n; i++) {
            EventDriver d = deps.get(i);
            if (d instanceof OpenClEvent e && e.device == device) {
                if (e.queue != target) {
                    e.queue.flushIfDirty();
                }
                list[k++] = e.event;
            } else {
                d.await();
            }
        }
        return list;
    }

    /** Length of a wait list as OpenCL takes it. */
    static int size(cl_event[] list) {
        return list == null ? 0 : list.length;
    }
}
