package org.jdpx.device.levelzero;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;

/**
 * A USM allocation of Level Zero ({@code zeMemAllocDevice}, {@code zeMemAllocHost} or
 * {@code zeMemAllocShared}). Host and shared blocks are addressable by the host directly; their host
 * view is scoped to an arena that {@link #free()} closes, so a view used after free throws
 * {@link IllegalStateException} instead of touching freed memory.
 */
final class LevelZeroMemory implements NativeMemory {

    private final UsmType kind;
    private final long bytes;
    private final ZeContext context;
    private final MemorySegment pointer;
    private final Arena scope = Arena.ofShared();
    private final AtomicBoolean freed = new AtomicBoolean();

    LevelZeroMemory(UsmType kind, long bytes, ZeContext context, MemorySegment pointer) {
        this.kind = kind;
        this.bytes = bytes;
        this.context = context;
        this.pointer = pointer;
    }

    /** The device address, for commands. */
    MemorySegment pointer() {
        return pointer;
    }

    /** The USM pointer. */
    @Override
    public long deviceHandle() {
        return pointer.address();
    }

    /** The context the block belongs to; a queue of another context cannot touch it. */
    ZeContext context() {
        return context;
    }

    @Override
    public UsmType kind() {
        return kind;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    /**
     * The block as host memory (host and shared blocks only).
     *
     * @throws UnsupportedOperationException for device blocks
     * @throws IllegalStateException after {@link #free()}
     */
    @Override
    @SuppressWarnings("restricted") // the driver guarantees bytes at pointer; the scope bounds its life
    public MemorySegment hostView() {
        if (kind == UsmType.DEVICE) {
            throw new UnsupportedOperationException("Level Zero device memory has no host view; copy it to the host");
        }
        return pointer.reinterpret(bytes, scope, null);
    }

    /** Invalidates host views, then returns the memory to the driver; a second call does nothing. */
    @Override
    public void free() {
        if (freed.compareAndSet(false, true)) {
            scope.close();
            context.api.free(context.handle(), pointer);
        }
    }
}
