package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;
import org.jdpx.usm.UsmMemory;

/** What the typed views need from USM memory: the JVM's segment (java device) and a checked shape. */
final class UsmViews {

    private UsmViews() {
    }

    /**
     * The java device's segment of the memory; on other devices an empty segment, so a host-side
     * {@code get} fails instead of reading memory the JVM cannot address.
     */
    static MemorySegment segment(UsmMemory memory) {
        MemorySegment s = memory.jvmSegment();
        return s != null ? s : MemorySegment.NULL;
    }

    static long[] shape(UsmMemory memory, long[] shape, int elemBytes) {
        if (shape.length == 0) {
            return new long[] {memory.byteSize() / elemBytes};
        }
        long bytes = ViewShapes.product(ViewShapes.checkShape(shape)) * elemBytes;
        if (bytes > memory.byteSize()) {
            throw new IllegalArgumentException("a view of shape " + java.util.Arrays.toString(shape) + " needs "
                    + bytes + " bytes but " + memory + " has " + memory.byteSize());
        }
        return shape;
    }
}
