package org.jdpx.device.testing;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For tests of the java device's thread-confined views ({@code KernelSegments}): whether some
 * segment a task was shown could be used from a thread that did not run it. A confined view
 * answers no; the memory's own shared segment answers yes.
 */
public final class Confinement {

    private Confinement() {
    }

    /** True when a fresh thread may access any of {@code segments}. */
    public static boolean usableByAnotherThread(Iterable<MemorySegment> segments) throws InterruptedException {
        AtomicBoolean usable = new AtomicBoolean();
        Thread other = Thread.ofPlatform().start(() -> {
            for (MemorySegment s : segments) if (s.isAccessibleBy(Thread.currentThread())) usable.set(true);
        });
        other.join();
        return usable.get();
    }
}
