package org.jdpx.tensor.fusion;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Spare block buffers of {@link BlockProgram}, kept per thread and per dtype's loops, so that a
 * task of a fused Vector API kernel takes the buffers the previous task on its thread gave back
 * instead of allocating and zeroing new ones. A Jacobi sweep over a 256 x 256 grid runs in a few
 * tens of microseconds, and its four tasks' ten buffers of {@link BlockProgram#BLOCK} doubles each
 * (640 KiB zeroed per sweep) had been a large part of it. A buffer's content is whatever the last
 * user left: every program writes a slot before it reads it.
 */
final class BlockBuffers {
    /** Buffers kept per thread and dtype; more than a program of this many slots allocates afresh. */
    private static final int KEEP = 64;
    private static final ThreadLocal<Map<BlockLanes, ArrayDeque<Object>>> SPARE =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private BlockBuffers() {
    }

    /** {@code count} buffers of {@code length} elements of {@code lanes}' dtype, reused where this thread has some. */
    static Object[] take(BlockLanes lanes, int count, int length) {
        ArrayDeque<Object> spare = SPARE.get().computeIfAbsent(lanes, l -> new ArrayDeque<>());
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            Object b = spare.pollLast();
            out[i] = b != null && Array.getLength(b) == length ? b : lanes.buffer(length);
        }
        return out;
    }

    /** Gives {@code buffers} back to this thread's spares (those beyond {@link #KEEP} are dropped). */
    static void give(BlockLanes lanes, Object[] buffers) {
        ArrayDeque<Object> spare = SPARE.get().computeIfAbsent(lanes, l -> new ArrayDeque<>());
        for (Object b : buffers) {
            if (spare.size() < KEEP) spare.addLast(b);
        }
    }
}
