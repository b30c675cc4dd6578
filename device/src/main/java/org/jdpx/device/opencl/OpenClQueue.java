package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.util.List;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;

/**
 * An in-order {@code cl_command_queue}. Every command first unmaps the blocks it touches if the
 * host has them mapped (see {@link OpenClMemory}), then enqueues with a wait list made of the
 * dependencies of this device; dependencies of other devices or backends are awaited on the host
 * first (see {@link WaitList}). Zero-byte copies and fills become markers, since OpenCL rejects
 * them.
 */
final class OpenClQueue implements QueueDriver {

    final OpenClDevice device;
    final cl_command_queue queue;
    private final boolean profiling;
    private volatile boolean mapHostCopies;
    private volatile boolean released;
    /** Whether commands were enqueued since the last flush. */
    private volatile boolean dirty;

    OpenClQueue(OpenClDevice device, cl_command_queue queue, boolean profiling) {
        this.device = device;
        this.queue = queue;
        this.profiling = profiling;
        this.mapHostCopies = device.profile.mapForHostCopies();
    }

    /**
     * Chooses how host copies run: map + JVM copy ({@code true}, the default on host-unified
     * devices) or Write/ReadBuffer. For tests and benchmarks that compare the two.
     */
    void useMappedHostCopies(boolean map) {
        this.mapHostCopies = map;
    }

    @Override
    public EventDriver copy(NativeMemory src, long srcOffset, NativeMemory dst, long dstOffset, long bytes,
                            List<EventDriver> deps) {
        OpenClMemory s = device.own(src);
        OpenClMemory d = device.own(dst);
        s.beforeDeviceUse();
        d.beforeDeviceUse();
        cl_event[] wait = WaitList.of(this, deps);
        if (bytes == 0) {
            return marker(wait, deps);
        }
        cl_event ev = new cl_event();
        Cl.check(clEnqueueCopyBuffer(queue, s.buffer, d.buffer, srcOffset, dstOffset, bytes, WaitList.size(wait), wait,
                ev), "clEnqueueCopyBuffer", bytes + " bytes from " + s + "+" + srcOffset + " to " + d + "+" + dstOffset);
        Reference.reachabilityFence(deps);
        return enqueued(ev, "copy");
    }

    @Override
    public EventDriver copyFromHost(MemorySegment src, NativeMemory dst, long dstOffset, List<EventDriver> deps) {
        OpenClMemory d = device.own(dst);
        d.beforeDeviceUse();
        cl_event[] wait = WaitList.of(this, deps);
        if (src.byteSize() == 0) {
            return marker(wait, deps);
        }
        cl_event ev = mapHostCopies
                ? HostCopies.writeByMap(queue, d, dstOffset, src, wait)
                : HostCopies.write(queue, d, dstOffset, src, wait);
        Reference.reachabilityFence(deps);
        return enqueued(ev, "copy from host");
    }

    @Override
    public EventDriver copyToHost(NativeMemory src, long srcOffset, MemorySegment dst, List<EventDriver> deps) {
        OpenClMemory s = device.own(src);
        s.beforeDeviceUse();
        cl_event[] wait = WaitList.of(this, deps);
        if (dst.byteSize() == 0) {
            return marker(wait, deps);
        }
        cl_event ev = mapHostCopies
                ? HostCopies.readByMap(queue, s, srcOffset, dst, wait)
                : HostCopies.read(queue, s, srcOffset, dst, wait);
        Reference.reachabilityFence(deps);
        return enqueued(ev, "copy to host");
    }

    @Override
    public EventDriver fill(NativeMemory dst, long offset, long bytes, MemorySegment pattern, List<EventDriver> deps) {
        OpenClMemory d = device.own(dst);
        d.beforeDeviceUse();
        cl_event[] wait = WaitList.of(this, deps);
        if (bytes == 0) {
            return marker(wait, deps);
        }
        byte[] p = pattern.toArray(ValueLayout.JAVA_BYTE);
        cl_event ev = new cl_event();
        Cl.check(clEnqueueFillBuffer(queue, d.buffer, Pointer.to(p), p.length, offset, bytes, WaitList.size(wait), wait,
                ev), "clEnqueueFillBuffer", bytes + " bytes at offset " + offset + " of " + d + " with a " + p.length
                + "-byte pattern");
        Reference.reachabilityFence(deps);
        return enqueued(ev, "fill");
    }

    @Override
    public EventDriver marker(List<EventDriver> deps) {
        return marker(WaitList.of(this, deps), deps);
    }

    private EventDriver marker(cl_event[] wait, List<EventDriver> deps) {
        cl_event ev = new cl_event();
        Cl.check(clEnqueueMarkerWithWaitList(queue, WaitList.size(wait), wait, ev), "clEnqueueMarkerWithWaitList",
                device.label());
        Reference.reachabilityFence(deps);
        return enqueued(ev, "marker");
    }

    /**
     * Launches an OpenCL kernel; see {@link OpenClKernel} for how arguments map to OpenCL types.
     *
     * @throws IllegalArgumentException for a range over the device's limits, a wrong argument
     *         count or type, or memory of another device
     */
    @Override
    public EventDriver launch(KernelDriver kernel, LaunchRange range, List<Object> args, List<EventDriver> deps) {
        if (!(kernel instanceof OpenClKernel k) || k.program.device != device) {
            throw new IllegalArgumentException("kernel " + kernel.name() + " was not built for " + device.label());
        }
        range.checkFits(device.info());
        cl_event[] wait = WaitList.of(this, deps);
        cl_event ev = k.enqueue(queue, range, args, wait);
        Reference.reachabilityFence(deps);
        return enqueued(ev, k.description);
    }

    /** Wraps the event of a command just enqueued and notes that the queue needs a flush. */
    private OpenClEvent enqueued(cl_event ev, String command) {
        dirty = true;
        return new OpenClEvent(this, ev, command);
    }

    /** Submits what was enqueued, so that other queues and pollers see progress. */
    void flushIfDirty() {
        if (dirty) {
            dirty = false;
            Cl.check(clFlush(queue), "clFlush", device.label());
        }
    }

    @Override
    public void finish() {
        dirty = false;
        Cl.check(clFinish(queue), "clFinish", device.label());
    }

    @Override
    public boolean profiling() {
        return profiling;
    }

    @Override
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        clFinish(queue);
        clReleaseCommandQueue(queue);
    }
}
