package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The duration forms settings accept and messages print. */
class DurationsTest {

    @Test
    void readsUnitsBareSecondsIsoAndNoLimit() {
        assertEquals(Optional.of(Duration.ofMillis(250)), Durations.parse("250ms", "x"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), Durations.parse(" 1.5 s ", "x"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30", "x"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), Durations.parse("2m", "x"));
        assertEquals(Optional.of(Duration.ofHours(1)), Durations.parse("1h", "x"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), Durations.parse("PT45S", "x"));
        assertEquals(Optional.empty(), Durations.parse("0", "x"));
        assertEquals(Optional.empty(), Durations.parse("off", "x"));
        assertEquals(Optional.empty(), Durations.parse(null, "x"));
    }

    @Test
    void refusesTextThatIsNoDurationNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Durations.parse("10 parsecs", "JDPX_LAUNCH_TIMEOUT"));
        assertTrue(e.getMessage().contains("JDPX_LAUNCH_TIMEOUT is '10 parsecs'") && e.getMessage().contains("500ms"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-PT1S", "x"));
    }

    @Test
    void printsShortForms() {
        assertEquals("100 ms", Durations.format(Duration.ofMillis(100)));
        assertEquals("5 s", Durations.format(Duration.ofSeconds(5)));
        assertEquals("2.5 s", Durations.format(Duration.ofMillis(2500)));
    }
}
