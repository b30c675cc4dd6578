package org.jdpx.device.spi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Views of native memory in another arena, made here so that the restricted
 * {@code MemorySegment.reinterpret} is called from this module, which applications already grant
 * native access ({@code --enable-native-access=...,org.jdpx.device,...}). The java device uses it
 * to hand its kernels memory confined to the thread that runs them.
 */
public final class SegmentViews {
    private SegmentViews() {
    }

    /**
     * The bytes of native segment {@code s} as a segment of {@code arena} (read-only if {@code s}
     * is). The caller must make sure nothing uses the view after {@code s}'s memory is freed.
     *
     * @throws IllegalArgumentException if {@code s} is not native
     */
    @SuppressWarnings("restricted") // same address and size as a live native segment
    public static MemorySegment in(Arena arena, MemorySegment s) {
        if (!s.isNative()) {
            throw new IllegalArgumentException("only a native segment can be viewed in another arena, not " + s);
        }
        MemorySegment v = MemorySegment.ofAddress(s.address()).reinterpret(s.byteSize(), arena, null);
        return s.isReadOnly() ? v.asReadOnly() : v;
    }
}
