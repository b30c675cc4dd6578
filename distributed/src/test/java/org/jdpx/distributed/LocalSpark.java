package org.jdpx.distributed;

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
}
