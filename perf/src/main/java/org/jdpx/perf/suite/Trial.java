package org.jdpx.perf.suite;

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

    /** A trial that times {@code body} with {@link System#nanoTime()} and frees {@code resources} on close. */
    static Trial timed(Body body, AutoCloseable... resources) {
        return new Trial() {
            @Override
            public double run() throws Exception {
                long t0 = System.nanoTime();
                body.run();
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
