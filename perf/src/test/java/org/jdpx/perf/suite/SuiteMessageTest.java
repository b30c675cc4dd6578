package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A failed row names the innermost cause: Spark's rows once failed with a bare
 * "ExceptionInInitializerError", which hid that two Jackson versions were on the class path.
 */
class SuiteMessageTest {

    @Test
    void aWrappedFailureNamesItsInnermostCause() {
        Throwable e = new ExceptionInInitializerError(new IllegalStateException("outer",
                new IllegalArgumentException("Scala module requires Jackson Databind 2.21\nsecond line")));
        assertEquals("ExceptionInInitializerError (caused by IllegalArgumentException: Scala module requires Jackson Databind 2.21)",
                Suite.message(e));
    }

    @Test
    void aPlainFailureIsItsOwnFirstLine() {
        assertEquals("IllegalStateException: no fp64\n".strip(), Suite.message(new IllegalStateException("no fp64\nuse float32")));
    }
}
