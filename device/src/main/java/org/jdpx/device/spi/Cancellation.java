package org.jdpx.device.spi;

import java.util.function.BooleanSupplier;

/**
 * Lets a long host task notice that its caller gave up on it (a kernel on the java device whose
 * launch timed out): the queue running the task publishes a flag for the task's thread, and the
 * task reads {@link #current()} once and polls it between pieces of work.
 */
public final class Cancellation {

    private static final BooleanSupplier NEVER = () -> false;
    private static final ThreadLocal<BooleanSupplier> CURRENT = new ThreadLocal<>();

    private Cancellation() {
    }

    /** The flag of the host task running on this thread; one that is never set elsewhere. */
    public static BooleanSupplier current() {
        BooleanSupplier c = CURRENT.get();
        return c == null ? NEVER : c;
    }

    /** Runs {@code work} on this thread with {@code flag} as its {@link #current()} cancellation. */
    public static void runWith(BooleanSupplier flag, Runnable work) {
        BooleanSupplier before = CURRENT.get();
        CURRENT.set(flag);
        try {
            work.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
