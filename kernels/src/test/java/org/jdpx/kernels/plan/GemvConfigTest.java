package org.jdpx.kernels.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;

/** {@link GemvConfig}: the override's form, its errors, and a configuration forced for one scope. */
class GemvConfigTest {

    @Test
    void parsesWidthAndUnroll() {
        assertEquals(new GemvConfig(32, 4), GemvConfig.parse("32,4"));
        assertEquals(new GemvConfig(1, 8), GemvConfig.parse(" 1 , 8 "));
        assertEquals("256,1", GemvConfig.DEFAULT.asOverride());
        assertEquals(GemvConfig.DEFAULT, GemvConfig.parse(GemvConfig.DEFAULT.asOverride()));
    }

    @Test
    void malformedOverridesNameTheForm() {
        for (String bad : new String[] {"32", "32,4,1", "x,4", "24,4", "0,1", "32,0", "32,9", "-32,2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GemvConfig.parse(bad), bad);
            assertTrue(e.getMessage().contains("JDPX_GEMV_CONFIG=" + bad) && e.getMessage().contains("width,unroll"),
                    e.getMessage());
        }
    }

    @Test
    void forcingHoldsInsideItsScopeOnlyAndThePropertyOverridesTheDefault() {
        Device d = Devices.all().getFirst();
        GemvConfig outside = GemvConfig.of(d);
        GemvConfig forced = new GemvConfig(16, 2);
        assertEquals(forced, GemvConfig.forcing(forced, () -> GemvConfig.of(d)));
        assertEquals(outside, GemvConfig.of(d));
        String old = System.getProperty(GemvConfig.PROPERTY);
        System.setProperty(GemvConfig.PROPERTY, "64,3");
        try {
            assertEquals(new GemvConfig(64, 3), GemvConfig.of(d));
            assertEquals(forced, GemvConfig.forcing(forced, () -> GemvConfig.of(d)), "a forced configuration wins");
        } finally {
            if (old == null) System.clearProperty(GemvConfig.PROPERTY); else System.setProperty(GemvConfig.PROPERTY, old);
        }
    }
}
