package org.jdpx.device.spi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Views of native memory in another arena, made here so that the restricted
 * {@code MemorySegment.reinterpret} is called from this module, which applications already grant
 * native access ({@code --enable-native-access=...,org.jdpx.device,...}). The java device uses it
 * to hand its kernels memory confined to the thread that runs them.
 */
public final class SegmentViews {
    /** The scopes of the arenas jdpx frees itself, and only once no command uses their memory. */
    private static final Set<MemorySegment.Scope> FREED_BY_JDPX = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private SegmentViews() {
    }

    /**
     * Records that jdpx alone closes {@code arena}, and only after the last command on its memory
     * ended (the java device's own memory): views of that memory cannot outlive it.
     */
    public static void freedOnlyByJdpx(Arena arena) {
        FREED_BY_JDPX.add(arena.scope());
    }

    /**
     * Whether a view of {@code s} in another arena is safe while a command runs: true for native
     * memory of an arena {@linkplain #freedOnlyByJdpx freed only by jdpx} and of the global scope
     * (never freed by an arena). False for a user's own arena, which another thread may close in
     * the middle of a launch: its segments must keep their own liveness check.
     */
    public static boolean viewable(MemorySegment s) {
        return s.isNative() && (s.scope().equals(MemorySegment.NULL.scope()) || FREED_BY_JDPX.contains(s.scope()));
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
