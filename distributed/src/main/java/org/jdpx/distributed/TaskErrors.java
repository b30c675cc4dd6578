package org.jdpx.distributed;

import java.util.function.Supplier;

/**
 * Spark actions with the error a single process would give: when a task fails with a jdpx
 * exception, an {@link IllegalArgumentException} or an {@link IllegalStateException}, Spark
 * throws its own {@code SparkException} ("Job aborted due to stage failure ...") with that
 * exception as the cause; the driver rethrows the cause itself (same type and message) with the
 * Spark exception attached as suppressed, so a user sees the same error as with local arrays.
 * Any other failure is rethrown as Spark threw it.
 */
final class TaskErrors {

    private TaskErrors() {
    }

    /** Runs a Spark action, rethrowing a task's jdpx/argument/state exception as itself. */
    static <T> T action(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // SparkException is a checked exception Scala throws undeclared
            throw unwrapped(e);
        }
    }

    /** The task exception inside Spark's {@code e} (with {@code e} suppressed), or {@code e} when there is none. */
    static RuntimeException unwrapped(Exception e) {
        if (e.getClass().getName().startsWith("org.apache.spark.")) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof RuntimeException r && isUsers(r)) {
                    r.addSuppressed(e);
                    return r;
                }
            }
        }
        return TaskErrors.<RuntimeException>sneaky(e);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    private static boolean isUsers(RuntimeException r) {
        return r instanceof IllegalArgumentException || r instanceof IllegalStateException
                || r.getClass().getName().startsWith("org.jdpx.");
    }
}
