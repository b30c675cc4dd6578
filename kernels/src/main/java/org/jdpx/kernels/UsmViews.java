package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;
import org.jdpx.usm.UsmMemory;

/** What the typed views need from USM memory: a placeholder segment and a checked shape. */
final class UsmViews {

    private UsmViews() {
    }

    /**
     * The segment of a view of USM memory: an empty one on every device, so a host-side
     * {@code get} fails instead of reading device memory. Launches find the memory through the
     * view's owner; on the java device the launch rebinds the view to the memory's bytes for the
     * kernel's duration. Why not the java device's {@link UsmMemory#jvmSegment()}: that view must
     * stop working at close, so it lives in a shared arena of its own, and closing one waits for
     * a handshake with every JVM thread (50-65 µs on the 2-core reference machine): three views
     * made the kernel-style l2 sample cost three times its kernel.
     *
     * @throws IllegalStateException when the memory was closed
     */
    static MemorySegment segment(UsmMemory memory) {
        if (memory.isClosed()) {
            throw new IllegalStateException("cannot view " + memory + ": it was closed (freed); keep the allocation open "
                    + "while views of it are in use, or allocate a new one");
        }
        return MemorySegment.NULL;
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
