package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code JDPX_QUEUE_PROFILING} / {@code -Djdpx.queueProfiling}: a switch, the property winning, anything else named. */
class QueueProfilingTest {

    private static Properties props(String v) {
        Properties p = new Properties();
        if (v != null) p.setProperty(QueueProfiling.PROPERTY, v);
        return p;
    }

    @Test
    void offUnlessSwitchedOn() {
        assertFalse(QueueProfiling.from(Map.of(), props(null)));
        for (String on : new String[] {"1", "true", "YES", " on "}) {
            assertTrue(QueueProfiling.from(Map.of(QueueProfiling.VARIABLE, on), props(null)), on);
        }
        for (String off : new String[] {"0", "false", "no", "off", ""}) {
            assertFalse(QueueProfiling.from(Map.of(QueueProfiling.VARIABLE, off), props(null)), off);
        }
        assertFalse(QueueProfiling.from(Map.of(QueueProfiling.VARIABLE, "1"), props("0")), "the property wins");
        assertTrue(QueueProfiling.from(Map.of(QueueProfiling.VARIABLE, "0"), props("1")), "the property wins");
    }

    @Test
    void anythingElseNamesTheSettingAndItsValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueProfiling.from(Map.of(QueueProfiling.VARIABLE, "maybe"), props(null)));
        assertEquals("JDPX_QUEUE_PROFILING=maybe is not a switch: set it to 1 (default queues record device times)"
                + " or 0 (they do not)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> QueueProfiling.from(Map.of(), props("2")));
        assertTrue(e.getMessage().startsWith("-Djdpx.queueProfiling=2 is not a switch"), e.getMessage());
    }
}
