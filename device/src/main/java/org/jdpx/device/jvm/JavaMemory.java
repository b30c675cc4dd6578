package org.jdpx.device.jvm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;

/**
 * Native memory of the java device. Each block owns a shared arena, so a segment handed out before
 * {@link #free()} throws {@link IllegalStateException} afterwards instead of touching freed memory.
 * A block wrapping someone else's segment uses that segment as is: its scope (and read-only mode)
 * guards every access.
 */
final class JavaMemory implements NativeMemory {

    private final UsmType kind;
    private final long bytes;
    private final Arena arena;
    private final MemorySegment segment;

    /** A block over memory someone else owns (kind {@code host}); {@link #free()} leaves it alone. */
    JavaMemory(MemorySegment foreign) {
        this.kind = UsmType.HOST;
        this.bytes = foreign.byteSize();
        this.arena = null;
        this.segment = foreign;
    }

    JavaMemory(UsmType kind, long bytes) {
        this.kind = kind;
        this.bytes = bytes;
        this.arena = Arena.ofShared();
        try {
            this.segment = arena.allocate(bytes, MIN_ALIGNMENT);
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    @Override
    public UsmType kind() {
        return kind;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    @Override
    public MemorySegment hostView() {
        if (kind == UsmType.DEVICE) {
            throw new UnsupportedOperationException("device memory has no host view");
        }
        return segment;
    }

    @Override
    public MemorySegment jvmSegment() {
        return segment;
    }

    @Override
    public void free() {
        if (arena != null) {
            arena.close();
        }
    }
}
