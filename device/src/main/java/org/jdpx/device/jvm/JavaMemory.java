package org.jdpx.device.jvm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.HugePages;
import org.jdpx.device.spi.SegmentViews;
import org.jdpx.device.spi.NativeMemory;

/**
 * Native memory of the java device. Each block owns a shared arena, so a segment handed out before
 * {@link #free()} throws {@link IllegalStateException} afterwards instead of touching freed memory.
 * A block wrapping someone else's segment uses that segment as is: its scope (and read-only mode)
 * guards every access. Blocks of {@link HugePages#thresholdBytes()} or more are mapped on huge
 * pages, which streaming loops over them need to reach the memory bandwidth.
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
        SegmentViews.freedOnlyByJdpx(arena);
        try {
            this.segment = allocate(arena, bytes);
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Large blocks on huge pages ({@link HugePages}), released when the arena closes; the rest
     * from the arena itself.
     */
    @SuppressWarnings("restricted") // the huge-page mapping gets the block's arena as its scope
    private static MemorySegment allocate(Arena arena, long bytes) {
        Optional<HugePages.Block> huge = HugePages.allocate(bytes);
        if (huge.isPresent()) {
            HugePages.Block block = huge.get();
            return block.segment().reinterpret(arena, s -> block.release());
        }
        return arena.allocate(bytes, MIN_ALIGNMENT);
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
