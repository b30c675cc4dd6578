package org.jdpx.perf.suite;

import org.jdpx.tensor.ArrayScope;

/**
 * One prepared measurement: {@link #run()} does the timed work once and returns the seconds to
 * count (usually its own wall time, see {@link #timed}; a fresh-process probe returns the time the
 * child measured). {@link #close()} frees what preparing it allocated.
 */
public interface Trial extends AutoCloseable {

    /** Runs the work once; returns the seconds it took. */
    double run() throws Exception;

    /** A note for the report found while running (say, a peer that fell back to another device); null if none. */
    default String note() {
        return null;
    }

    @Override
    default void close() throws Exception {
    }

    /** Work timed by wall clock around it. */
    interface Body {
        /** Does the work once. */
        void run() throws Exception;
    }

    /**
     * A trial that times {@code body} with {@link System#nanoTime()} and frees {@code resources} on
     * close. Each run is one {@link ArrayScope}, closed inside the timed span: the arrays a run
     * makes give their memory back when it ends, as README asks of array loops, rather than when
     * the collector finds them. Until then a quick bench's runs took new memory, whose first touch
     * cost several times the work: the l2 array sample's two 8 MiB uploads took 3.5 ms each into
     * new pages against 0.4 into reused ones, and an unscoped 1024 {@code solve} on PoCL took four
     * new 8 MiB blocks a call, 32 ms a call against 24.5 ms in a scope (harnesses, warm).
     */
    static Trial timed(Body body, AutoCloseable... resources) {
        return new Trial() {
            @Override
            public double run() throws Exception {
                long t0 = System.nanoTime();
                try (ArrayScope run = ArrayScope.open()) {
                    body.run();
                }
                return (System.nanoTime() - t0) * 1e-9;
            }

            @Override
            public void close() throws Exception {
                Exception first = null;
                for (int i = resources.length - 1; i >= 0; i--) {
                    try {
                        resources[i].close();
                    } catch (Exception e) {
                        if (first == null) first = e;
                    }
                }
                if (first != null) throw first;
            }
        };
    }
}
