package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdpx.device.Event;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;

/**
 * An in-order {@code cl_command_queue}. Host copies and fills of fine-grained SVM blocks are made
 * on the calling thread when the queue is idle and their dependencies done (see {@code directNow}).
 * That test and every enqueue (with the note of the last command) are one step under the queue's
 * lock, so a command another thread enqueues is either seen by the test or enqueued after the
 * host made the copy. Every other command first unmaps the blocks it touches if the
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
    /** The command enqueued last: once it completed, so did every earlier one (the queue is in order). */
    private volatile OpenClEvent last;

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
        synchronized (this) {
            if (bytes == 0) {
                return marker(wait, deps);
            }
            cl_event ev = new cl_event();
            Cl.check(clEnqueueCopyBuffer(queue, s.buffer(), d.buffer(), srcOffset, dstOffset, bytes, WaitList.size(wait),
                    wait, ev), "clEnqueueCopyBuffer", bytes + " bytes from " + s + "+" + srcOffset + " to " + d + "+"
                    + dstOffset);
            Reference.reachabilityFence(deps);
            return enqueued(ev, "copy");
        }
    }

    /**
     * The host view of {@code m} when a copy or fill of it may be made on the calling thread now:
     * the block is fine-grained SVM ({@link OpenClMemory#directView()}), every command enqueued
     * here and every dependency has completed (so the command would run at once anyway), and the
     * queue does not profile (its events carry device times). Else null, and the command is
     * enqueued. Each enqueued host copy costs two round trips to the driver's threads (map, unmap)
     * and a fill one, tens of microseconds each on PoCL, more than copying the bytes. The caller
     * holds this queue's lock until the host's copy is done.
     */
    private MemorySegment directNow(OpenClMemory m, List<EventDriver> deps) {
        MemorySegment v = m.directView();
        if (v == null || profiling) {
            return null;
        }
        OpenClEvent l = last;
        if (l != null && l.status() != Event.Status.COMPLETE) {
            return null;
        }
        for (EventDriver d : deps) {
            if (d.status() != Event.Status.COMPLETE) {
                return null;
            }
        }
        return v;
    }

    /**
     * Runs {@code op} on {@code m}'s memory on this thread and returns its completed event when
     * {@link #directNow} allows it, else null; the caller holds this queue's lock.
     */
    private EventDriver onHost(OpenClMemory m, List<EventDriver> deps, Consumer<MemorySegment> op) {
        MemorySegment direct = directNow(m, deps);
        if (direct == null) {
            return null;
        }
        long t0 = System.nanoTime();
        op.accept(direct);
        return new HostDoneEvent(t0, System.nanoTime());
    }

    @Override
    public EventDriver copyFromHost(MemorySegment src, NativeMemory dst, long dstOffset, List<EventDriver> deps) {
        OpenClMemory d = device.own(dst);
        return hostCopy(d, deps, src.byteSize(), v -> MemorySegment.copy(src, 0, v, dstOffset, src.byteSize()),
                wait -> mapHostCopies ? HostCopies.writeByMap(queue, d, dstOffset, src, wait)
                        : HostCopies.write(queue, d, dstOffset, src, wait), "copy from host");
    }

    @Override
    public EventDriver copyToHost(NativeMemory src, long srcOffset, MemorySegment dst, List<EventDriver> deps) {
        OpenClMemory s = device.own(src);
        return hostCopy(s, deps, dst.byteSize(), v -> MemorySegment.copy(v, srcOffset, dst, 0, dst.byteSize()),
                wait -> mapHostCopies ? HostCopies.readByMap(queue, s, srcOffset, dst, wait)
                        : HostCopies.read(queue, s, srcOffset, dst, wait), "copy to host");
    }

    /**
     * A host copy of {@code bytes} bytes to or from {@code m}: made on this thread by {@code direct}
     * where {@link #directNow} allows it, a marker when empty, else enqueued by {@code enqueue}.
     */
    private EventDriver hostCopy(OpenClMemory m, List<EventDriver> deps, long bytes,
                                 Consumer<MemorySegment> direct,
                                 Function<cl_event[], cl_event> enqueue, String command) {
        m.beforeDeviceUse();
        cl_event[] wait = WaitList.of(this, deps);
        synchronized (this) {
            EventDriver done = onHost(m, deps, direct);
            if (done != null) {
                return done;
            }
            if (bytes == 0) {
                return marker(wait, deps);
            }
            cl_event ev = enqueue.apply(wait);
            Reference.reachabilityFence(deps);
            return enqueued(ev, command);
        }
    }

    @Override
    public EventDriver fill(NativeMemory dst, long offset, long bytes, MemorySegment pattern, List<EventDriver> deps) {
        OpenClMemory d = device.own(dst);
        d.beforeDeviceUse();
        cl_event[] wait = WaitList.of(this, deps);
        synchronized (this) {
            EventDriver done = onHost(d, deps, v -> fillDirect(v.asSlice(offset, bytes), pattern));
            if (done != null) {
                return done;
            }
            if (bytes == 0) {
                return marker(wait, deps);
            }
            byte[] p = pattern.toArray(ValueLayout.JAVA_BYTE);
            cl_event ev = new cl_event();
            Cl.check(clEnqueueFillBuffer(queue, d.buffer(), Pointer.to(p), p.length, offset, bytes, WaitList.size(wait),
                    wait, ev), "clEnqueueFillBuffer", bytes + " bytes at offset " + offset + " of " + d + " with a "
                    + p.length + "-byte pattern");
            Reference.reachabilityFence(deps);
            return enqueued(ev, "fill");
        }
    }

    @Override
    public EventDriver marker(List<EventDriver> deps) {
        cl_event[] wait = WaitList.of(this, deps);
        synchronized (this) {
            return marker(wait, deps);
        }
    }

    /** Enqueues a marker; the caller holds this queue's lock. */
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
        synchronized (this) {
            cl_event ev = k.enqueue(queue, range, args, wait);
            Reference.reachabilityFence(deps);
            return enqueued(ev, k.description);
        }
    }

    /** Repeats {@code pattern} over {@code dst} by doubling copies. */
    private static void fillDirect(MemorySegment dst, MemorySegment pattern) {
        long n = dst.byteSize();
        long p = pattern.byteSize();
        if (n == 0) {
            return;
        }
        MemorySegment.copy(pattern, 0, dst, 0, p);
        for (long done = p; done < n; done += Math.min(done, n - done)) {
            MemorySegment.copy(dst, 0, dst, done, Math.min(done, n - done));
        }
    }

    /**
     * Wraps the event of a command just enqueued, notes it as the last and that the queue needs a
     * flush; the caller holds this queue's lock.
     */
    private OpenClEvent enqueued(cl_event ev, String command) {
        dirty = true;
        OpenClEvent e = new OpenClEvent(this, ev, command);
        last = e;
        return e;
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
