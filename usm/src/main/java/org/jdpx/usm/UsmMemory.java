package org.jdpx.usm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.Event;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.NativeMemory;

/**
 * One USM allocation: a number of bytes of {@code device}, {@code shared} or {@code host} memory
 * made through a {@link Queue}, which it remembers together with its device. Everything done to
 * it is enqueued on that queue; copies and fills come in an asynchronous form returning an
 * {@link Event} and a blocking convenience.
 *
 * <p>Allocations are {@link AutoCloseable}; a {@link Cleaner} frees dropped ones as a safety net.
 * Closing twice is harmless. After closing, every method throws {@link IllegalStateException}
 * and host views obtained earlier stop working (they throw too), so freed memory is never
 * touched, even after the pool handed the block to someone else. Thread-safe.
 *
 * <pre>{@code
 * Device gpu = Devices.get("gpu");
 * try (UsmMemory m = UsmMemory.allocateDevice(gpu, 4L * n)) {
 *     m.copyFromHost(floats);
 *     ... kernels ...
 *     m.copyToHost(floats);
 * }
 * }</pre>
 */
public final class UsmMemory implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Queue queue;
    private final UsmType kind;
    private final long byteSize;
    private final Lifetime lifetime;
    private final Cleaner.Cleanable cleanable;
    private final boolean readOnly;
    /** Set once an address of the memory went out ({@link #isAddressShared()}). */
    private volatile boolean addressShared;

    private UsmMemory(Queue queue, UsmType kind, long byteSize, Lifetime lifetime) {
        this(queue, kind, byteSize, lifetime, false);
    }

    private UsmMemory(Queue queue, UsmType kind, long byteSize, Lifetime lifetime, boolean readOnly) {
        this.queue = queue;
        this.kind = kind;
        this.byteSize = byteSize;
        this.lifetime = lifetime;
        this.readOnly = readOnly;
        this.cleanable = CLEANER.register(this, lifetime);
    }

    /**
     * Allocates {@code bytes} bytes of {@code kind} memory on the queue's device, through its pool.
     * Zero bytes is allowed. Alignment is at least 64 bytes.
     *
     * @throws IllegalArgumentException when {@code bytes} is negative
     * @throws org.jdpx.device.DeviceOutOfMemoryException when the device cannot give the memory,
     *         or {@code bytes} exceeds what the device has at all
     */
    public static UsmMemory allocate(Queue queue, UsmType kind, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes: the size must be zero or more");
        }
        UsmPool pool = UsmPool.of(queue.device());
        NativeMemory block = pool.acquire(kind, bytes);
        return new UsmMemory(queue, kind, bytes, new Lifetime(pool, block));
    }

    /**
     * Native memory someone else owns as {@code host} USM memory of the queue's device, without
     * copying, where the device can address it in place: always on the java device; on OpenCL
     * CPU and host-unified devices through a {@code CL_MEM_USE_HOST_PTR} buffer when the address
     * meets the device's base-address alignment. Returns {@code null} where it cannot (the
     * caller copies instead). The allocation keeps {@code keepAlive} (the segment's owner, such as
     * a direct buffer) reachable, and refuses every use once the segment's arena is closed;
     * closing it never frees the segment. Read-only memory refuses copies and fills into it.
     *
     * @param keepAlive what must stay reachable while the memory is used, or {@code null}
     * @throws IllegalArgumentException when the segment is empty or not native
     */
    public static UsmMemory wrapHost(Queue queue, MemorySegment segment, boolean readOnly, Object keepAlive) {
        if (!segment.isNative() || segment.byteSize() == 0) {
            throw new IllegalArgumentException("only a non-empty native MemorySegment can be wrapped, not " + segment
                    + "; copy heap arrays and empty data instead");
        }
        NativeMemory block = queue.device().spi().wrapHost(segment, readOnly);
        if (block == null) {
            return null;
        }
        return new UsmMemory(queue, UsmType.HOST, segment.byteSize(), Lifetime.wrapping(block, segment, keepAlive),
                readOnly);
    }

    /** Whether writes into this memory are refused (it wraps memory its owner lent read-only). */
    public boolean isReadOnly() {
        return readOnly;
    }

    private void checkWritable(String what) {
        if (readOnly) {
            throw new UnsupportedOperationException("cannot " + what + " read-only USM memory on "
                    + device().filterString() + " (its owner lent it read-only); copy it into new memory first");
        }
    }

    /** {@code device} memory on the device's default queue. See {@link #allocate}. */
    public static UsmMemory allocateDevice(Device device, long bytes) {
        return allocate(device.defaultQueue(), UsmType.DEVICE, bytes);
    }

    /** {@code shared} memory on the device's default queue. See {@link #allocate}. */
    public static UsmMemory allocateShared(Device device, long bytes) {
        return allocate(device.defaultQueue(), UsmType.SHARED, bytes);
    }

    /** {@code host} memory on the device's default queue. See {@link #allocate}. */
    public static UsmMemory allocateHost(Device device, long bytes) {
        return allocate(device.defaultQueue(), UsmType.HOST, bytes);
    }

    /** The device the memory lives on. */
    public Device device() {
        return queue.device();
    }

    /** The queue the memory was made with; its commands are enqueued there. */
    public Queue queue() {
        return queue;
    }

    /** The USM kind. */
    public UsmType kind() {
        return kind;
    }

    /** Size in bytes, as requested. */
    public long byteSize() {
        return byteSize;
    }

    /** Whether {@link #close()} (or {@link #closeWhenDone()}) has run. */
    public boolean isClosed() {
        return lifetime.isReleased();
    }

    /**
     * A number that grows with every allocation this JVM makes (wrapped memory included): memory
     * with a larger number was made later. Lets a caller tell memory made after some point (an
     * {@code ArrayScope} opening) from memory that was there before.
     */
    public long allocationNumber() {
        return lifetime.number();
    }

    /** The {@link #allocationNumber()} of the latest allocation so far; memory made later has a larger one. */
    public static long latestAllocationNumber() {
        return Lifetime.latestNumber();
    }

    /**
     * Whether an address of this memory was handed out ({@link #hostSegment()}, {@link
     * #jvmSegment()}, {@link #nativeHandle()}), so code outside jdpx may still hold it. Scopes
     * that free memory on their own never free such memory; it is freed by {@link #close()} or,
     * once dropped, by the garbage collector, as before.
     */
    public boolean isAddressShared() {
        return addressShared;
    }

    /**
     * Closes the memory without waiting: every later use throws at once, as after {@link
     * #close()}, and the block goes back to the pool once the last command enqueued on it has
     * finished (here when it already has, else when the pool next finds it finished). For owners
     * that release memory in a loop, where waiting for the device each time would serialise host
     * and device. Harmless when the memory is already closed.
     */
    public void closeWhenDone() {
        lifetime.releaseWhenDone();
    }

    // ---- host access -------------------------------------------------------------------------

    /**
     * The host's view of {@code host} or {@code shared} memory. Waits for the last command on the
     * allocation first. On OpenCL devices without SVM, shared memory is emulated by mapping the
     * buffer here; get a fresh view after later device work. The view throws once the
     * allocation is closed.
     *
     * @throws UnsupportedOperationException for {@code device} memory, naming the copy methods
     * @throws IllegalStateException after close
     */
    public MemorySegment hostSegment() {
        if (kind == UsmType.DEVICE) {
            throw new UnsupportedOperationException("device USM memory on " + device().filterString()
                    + " is not addressable from the host; use copyToHost(...)/copyFromHost(...), "
                    + "or allocate it as shared or host memory");
        }
        addressShared = true;
        return lifetime.hostView("read a host view of", byteSize);
    }

    // ---- copies from the host ---------------------------------------------------------------

    /**
     * Enqueues a copy of all of {@code src} to this memory at {@code offset}. {@code src} must stay
     * alive and unchanged until the event completes.
     *
     * @throws IndexOutOfBoundsException when it does not fit
     */
    public Event copyFromHostAsync(MemorySegment src, long offset, Event... deps) {
        checkWritable("copy from the host into");
        checkRange(offset, src.byteSize(), "copy " + src.byteSize() + " bytes from the host");
        Object flight = UsmFlight.copyStarted();
        return UsmFlight.copying(flight, src.byteSize(), "host to device", this,
                enqueue("copy into", b -> queue.spi().copyFromHost(src, b, offset, drivers(deps))));
    }

    /** Copies all of {@code src} to the start of this memory and waits. */
    public void copyFromHost(MemorySegment src) {
        copyFromHostAsync(src, 0).await();
    }

    /** Copies a Java array's elements to the start of this memory and waits. */
    public void copyFromHost(float[] src) {
        copyFromHost(MemorySegment.ofArray(src));
    }

    /** Copies a Java array's elements to the start of this memory and waits. */
    public void copyFromHost(double[] src) {
        copyFromHost(MemorySegment.ofArray(src));
    }

    /** Copies a Java array's elements to the start of this memory and waits. */
    public void copyFromHost(int[] src) {
        copyFromHost(MemorySegment.ofArray(src));
    }

    /** Copies a Java array's elements to the start of this memory and waits. */
    public void copyFromHost(long[] src) {
        copyFromHost(MemorySegment.ofArray(src));
    }

    /** Copies a Java array's elements to the start of this memory and waits. */
    public void copyFromHost(short[] src) {
        copyFromHost(MemorySegment.ofArray(src));
    }

    /** Copies a Java array's elements to the start of this memory and waits. */
    public void copyFromHost(byte[] src) {
        copyFromHost(MemorySegment.ofArray(src));
    }

    /** Copies the remaining bytes of a buffer (direct or heap) to the start of this memory and waits. */
    public void copyFromHost(ByteBuffer src) {
        copyFromHost(MemorySegment.ofBuffer(src));
    }

    // ---- copies to the host -----------------------------------------------------------------

    /**
     * Enqueues a copy of {@code dst.byteSize()} bytes from this memory at {@code offset} into
     * {@code dst}, which must stay alive until the event completes.
     *
     * @throws IndexOutOfBoundsException when the range is outside this memory
     */
    public Event copyToHostAsync(MemorySegment dst, long offset, Event... deps) {
        checkRange(offset, dst.byteSize(), "copy " + dst.byteSize() + " bytes to the host");
        Object flight = UsmFlight.copyStarted();
        return UsmFlight.copying(flight, dst.byteSize(), "device to host", this,
                enqueue("copy from", b -> queue.spi().copyToHost(b, offset, dst, drivers(deps))));
    }

    /** Copies the start of this memory into all of {@code dst} and waits. */
    public void copyToHost(MemorySegment dst) {
        copyToHost(dst, 0);
    }

    /**
     * Copies {@code dst.byteSize()} bytes from this memory at {@code offset} into {@code dst} and waits.
     *
     * @throws IndexOutOfBoundsException when the range is outside this memory
     */
    public void copyToHost(MemorySegment dst, long offset) {
        if (device().type() == DeviceType.CPU) {
            // The device's memory is the host's: once the last command on it is done, an idle queue
            // copies on this thread (PoCL: a sum's item() 115-185 us enqueued behind its kernel,
            // 36-81 us so), instead of enqueuing a copy and waiting for the driver's thread to run it.
            EventDriver last = lifetime.lastUse();
            if (last != null) {
                try {
                    last.await();
                } catch (RuntimeException failed) {
                    // the copy below meets that command's failure as it always did
                }
            }
        }
        copyToHostAsync(dst, offset).await();
    }

    /** Copies the start of this memory into a Java array and waits. */
    public void copyToHost(float[] dst) {
        copyToHost(MemorySegment.ofArray(dst));
    }

    /** Copies the start of this memory into a Java array and waits. */
    public void copyToHost(double[] dst) {
        copyToHost(MemorySegment.ofArray(dst));
    }

    /** Copies the start of this memory into a Java array and waits. */
    public void copyToHost(int[] dst) {
        copyToHost(MemorySegment.ofArray(dst));
    }

    /** Copies the start of this memory into a Java array and waits. */
    public void copyToHost(long[] dst) {
        copyToHost(MemorySegment.ofArray(dst));
    }

    /** Copies the start of this memory into a Java array and waits. */
    public void copyToHost(short[] dst) {
        copyToHost(MemorySegment.ofArray(dst));
    }

    /** Copies the start of this memory into a Java array and waits. */
    public void copyToHost(byte[] dst) {
        copyToHost(MemorySegment.ofArray(dst));
    }

    /** Copies the start of this memory into the remaining bytes of a buffer and waits. */
    public void copyToHost(ByteBuffer dst) {
        copyToHost(MemorySegment.ofBuffer(dst));
    }

    /** All of this memory as a new byte array; a convenience for tests and small data. */
    public byte[] toByteArray() {
        if (byteSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(byteSize + " bytes do not fit a Java array; copy into a MemorySegment");
        }
        byte[] out = new byte[(int) byteSize];
        copyToHost(out);
        return out;
    }

    // ---- copies between allocations ---------------------------------------------------------

    /**
     * Enqueues, on this memory's queue, a copy of {@code bytes} bytes from {@code src} at
     * {@code srcOffset} to this memory at {@code dstOffset}. Both must live on the same device
     * (their queues may differ: the copy waits for the source's last command).
     *
     * @throws ExecutionPlacementError when {@code src} lives on another device; use
     *         {@link #copyAcrossDevices} to copy through host memory explicitly
     */
    public Event copyFromAsync(UsmMemory src, long srcOffset, long dstOffset, long bytes, Event... deps) {
        if (src.device() != device()) {
            throw new ExecutionPlacementError("cannot copy between USM allocations: the source is on " + src.queue()
                    + " but the destination is on " + queue + ". Copies between devices go through host memory "
                    + "and happen only when asked: use UsmMemory.copyAcrossDevices(src, dst).");
        }
        checkWritable("copy into");
        src.checkRange(srcOffset, bytes, "copy " + bytes + " bytes out of it");
        checkRange(dstOffset, bytes, "copy " + bytes + " bytes into it");
        List<EventDriver> all = drivers(deps);
        Object flight = UsmFlight.copyStarted();
        return UsmFlight.copying(flight, bytes, "device to device", this, queue.wrap(Lifetime.useAll(List.of(src.lifetime, lifetime), "copy between", blocks -> {
            // Monitors are held: the source's last use cannot change under us.
            EventDriver srcLast = src.lifetime.lastUseLocked();
            if (srcLast != null && src.queue != queue) {
                all.add(srcLast);
            }
            return queue.spi().copy(blocks.get(0), srcOffset, blocks.get(1), dstOffset, bytes, all);
        })));
    }

    /** Copies all of {@code src} to the start of this memory (same device) and waits. */
    public void copyFrom(UsmMemory src) {
        copyFromAsync(src, 0, 0, src.byteSize()).await();
    }

    /**
     * Copies all of {@code src} into {@code dst} when they live on different devices (or in
     * different contexts), staged through host memory as dpctl does. Blocking.
     *
     * @throws IndexOutOfBoundsException when {@code dst} is smaller than {@code src}
     */
    public static void copyAcrossDevices(UsmMemory src, UsmMemory dst) {
        dst.checkRange(0, src.byteSize(), "copy " + src.byteSize() + " bytes into it");
        try (Arena staging = Arena.ofShared()) {
            MemorySegment host = staging.allocate(src.byteSize(), 64);
            src.copyToHost(host);
            dst.copyFromHost(host);
        }
    }

    // ---- fills ------------------------------------------------------------------------------

    /**
     * Enqueues a fill of {@code bytes} bytes at {@code offset} with a repeated element pattern
     * (1, 2, 4, 8, 16, 32, 64 or 128 bytes; offset and length multiples of it).
     *
     * @throws IllegalArgumentException when the pattern size or alignment is wrong
     */
    public Event fillAsync(MemorySegment pattern, long offset, long bytes, Event... deps) {
        long p = pattern.byteSize();
        if (p == 0 || p > 128 || Long.bitCount(p) != 1) {
            throw new IllegalArgumentException("a fill pattern is 1, 2, 4, 8, 16, 32, 64 or 128 bytes, not " + p);
        }
        if (offset % p != 0 || bytes % p != 0) {
            throw new IllegalArgumentException("fill offset " + offset + " and length " + bytes
                    + " must be multiples of the " + p + "-byte pattern");
        }
        checkWritable("fill");
        checkRange(offset, bytes, "fill " + bytes + " bytes");
        // a copy, so the caller may change its pattern at once; on the heap, since every queue
        // reads it on the host (Level Zero copies it to native memory itself)
        MemorySegment copy = MemorySegment.ofArray(pattern.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        return enqueue("fill", b -> queue.spi().fill(b, offset, bytes, copy, drivers(deps)));
    }

    /** Sets every byte to {@code value} and waits. */
    public void fill(byte value) {
        fillAll(MemorySegment.ofArray(new byte[] {value}));
    }

    /** Sets every 4-byte element to {@code value} and waits. */
    public void fill(int value) {
        fillAll(MemorySegment.ofArray(new int[] {value}));
    }

    /** Sets every 8-byte element to {@code value} and waits. */
    public void fill(long value) {
        fillAll(MemorySegment.ofArray(new long[] {value}));
    }

    /** Sets every 4-byte element to {@code value} and waits. */
    public void fill(float value) {
        fillAll(MemorySegment.ofArray(new float[] {value}));
    }

    /** Sets every 8-byte element to {@code value} and waits. */
    public void fill(double value) {
        fillAll(MemorySegment.ofArray(new double[] {value}));
    }

    private void fillAll(MemorySegment pattern) {
        long usable = byteSize - byteSize % pattern.byteSize();
        fillAsync(pattern, 0, usable).await();
    }

    // ---- for modules that enqueue commands (kernels, tensor) ---------------------------------

    /**
     * Runs {@code command} with this allocation's backend block while it cannot be closed, and
     * records the command's event as its last use, so closing waits for it. For modules that
     * enqueue their own commands on the memory, such as kernel launches.
     *
     * @throws IllegalStateException after close
     */
    public EventDriver withBlock(String what, java.util.function.Function<NativeMemory, EventDriver> command) {
        return lifetime.use(what, command);
    }

    /**
     * Like {@link #withBlock} for a command that touches several allocations at once (a kernel
     * launch): none of them can be closed while it is enqueued, and it becomes the last use of each.
     *
     * @param memories the allocations, in the order their blocks are handed to {@code command}
     * @throws IllegalStateException when any of them is closed
     */
    public static EventDriver withBlocks(List<UsmMemory> memories, String what,
                                         java.util.function.Function<List<NativeMemory>, EventDriver> command) {
        List<Lifetime> ls = new ArrayList<>(memories.size());
        for (UsmMemory m : memories) {
            ls.add(m.lifetime);
        }
        return Lifetime.useAll(ls, what, command);
    }

    /**
     * Like {@link #withBlocks}, for host tasks that read and write the memory directly (the java
     * device's fused loops and GEMM): hands {@code command} each allocation's bytes as a segment
     * of exactly its size over the backend's block, valid while the command runs (it holds the
     * memory, so none can be freed meanwhile).
     *
     * <p>Why not {@link #jvmSegment()}: that view must stop working at close, so it lives in a
     * shared arena of its own, and closing a shared arena waits for a handshake with every JVM
     * thread (about 46 µs on the 2-core reference machine). Array code frees a temporary per
     * operation; each would pay that once.
     *
     * @throws IllegalStateException when any of them is closed
     * @throws UnsupportedOperationException when a block has no memory the JVM addresses (not the java device)
     */
    public static EventDriver withSegments(List<UsmMemory> memories, String what,
                                           java.util.function.Function<List<MemorySegment>, EventDriver> command) {
        return withBlocks(memories, what, blocks -> {
            List<MemorySegment> segments = new ArrayList<>(blocks.size());
            for (int i = 0; i < blocks.size(); i++) {
                MemorySegment s = blocks.get(i).jvmSegment();
                if (s == null) {
                    throw new UnsupportedOperationException("cannot " + what + " " + memories.get(i)
                            + " from the JVM: its device's memory is not host memory");
                }
                segments.add(s.asSlice(0, memories.get(i).byteSize()));
            }
            return command.apply(segments);
        });
    }

    /**
     * The memory as a segment the JVM addresses directly, for kernels and views on the java
     * device; {@code null} on devices whose memory the JVM cannot address. It throws after close.
     *
     * @throws IllegalStateException after close
     */
    public MemorySegment jvmSegment() {
        addressShared = true;
        return lifetime.jvmView("address", byteSize);
    }

    /**
     * The backend's handle of this memory for native interop such as DLPack: the {@code cl_mem}
     * on OpenCL, the USM pointer on Level Zero, 0 on the java device (use {@link #jvmSegment()}).
     *
     * @throws IllegalStateException after close
     */
    public long nativeHandle() {
        addressShared = true;
        return lifetime.handle("read the handle of");
    }

    /** The event of the last command enqueued on this memory, or {@code null}. */
    public EventDriver lastUse() {
        return lifetime.lastUse();
    }

    /**
     * Waits for the last command on the memory, frees the block back to the pool, and makes every
     * later use throw. Harmless when called again.
     */
    @Override
    public void close() {
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "UsmMemory[" + byteSize + " bytes " + kind.dpctlName() + " on " + device().filterString()
                + (isClosed() ? ", closed" : "") + "]";
    }

    // ---- internals ----------------------------------------------------------------------------

    private Event enqueue(String what, java.util.function.Function<NativeMemory, EventDriver> command) {
        return queue.wrap(lifetime.use(what, command));
    }

    private void checkRange(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > byteSize - length) {
            throw new IndexOutOfBoundsException("cannot " + what + " at offset " + offset + ": the allocation has "
                    + byteSize + " bytes");
        }
    }

    private static List<EventDriver> drivers(Event... deps) {
        List<EventDriver> out = new ArrayList<>(deps.length + 1);
        for (Event e : deps) {
            out.add(e.spi());
        }
        return out;
    }

    static IllegalStateException closedError(String what) {
        return new IllegalStateException("cannot " + what + " USM memory that was closed (freed); "
                + "keep the allocation open while it is in use, or allocate a new one");
    }
}
