package org.jdpx.distributed;

import org.jdpx.tensor.ArrayOptions;

/**
 * The one embedded Spark {@code local[3]} every test class of this module shares: Spark takes
 * seconds to start on two cores, so it starts once per test JVM and stops when the JVM exits.
 */
public final class LocalSpark {
    private static DistContext ctx;

    private LocalSpark() {
    }

    /** The shared context (three executor threads), started on first use. */
    public static synchronized DistContext context() {
        if (ctx == null) {
            ctx = DistContext.local(3);
            Runtime.getRuntime().addShutdownHook(new Thread(ctx::close));
        }
        return ctx;
    }

    /** Options that put local arrays on the shared context's driver queue. */
    public static ArrayOptions options() {
        return ArrayOptions.on(context().driverQueue());
    }
}
