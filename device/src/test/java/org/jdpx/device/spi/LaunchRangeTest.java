package org.jdpx.device.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SPI's own range checks, for callers that launch without the kernels module. */
class LaunchRangeTest {

    @Test
    void aDimensionAboveTheIntIdLimitIsRefusedNamingItAndTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LaunchRange(new long[] {4, 1L << 32}, null));
        assertTrue(e.getMessage().contains("4294967296 in dimension 1") && e.getMessage().contains("2147483647")
                && e.getMessage().contains("Split the launch"), e.getMessage());
    }

    @Test
    void theLimitItselfIsAccepted() {
        assertEquals(Integer.MAX_VALUE, LaunchRange.of(Integer.MAX_VALUE).global()[0]);
    }
}
