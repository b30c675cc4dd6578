package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PromotionTest {

    @Test
    void everyPairMatchesNumpysResultType() throws IOException {
        int checked = 0;
        try (InputStream in = PromotionTest.class.getResourceAsStream("/numpy/promotion.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                assertEquals(DType.of(f[2]), Promotion.result(DType.of(f[0]), DType.of(f[1])), line);
                checked++;
            }
        }
        assertEquals(121, checked);
    }

    @Test
    void scalarsAreWeak() {
        assertEquals(DType.INT8, Promotion.withScalar(DType.INT8, DType.Kind.SIGNED, DType.FLOAT64));
        assertEquals(DType.FLOAT32, Promotion.withScalar(DType.FLOAT32, DType.Kind.FLOAT, DType.FLOAT64));
        assertEquals(DType.FLOAT64, Promotion.withScalar(DType.INT32, DType.Kind.FLOAT, DType.FLOAT64));
        assertEquals(DType.FLOAT32, Promotion.withScalar(DType.INT32, DType.Kind.FLOAT, DType.FLOAT32),
                "on a device without fp64 the default float is float32");
        assertEquals(DType.INT64, Promotion.withScalar(DType.BOOL, DType.Kind.SIGNED, DType.FLOAT64));
        assertEquals(DType.UINT16, Promotion.withScalar(DType.UINT16, DType.Kind.BOOL, DType.FLOAT64));
    }

    @Test
    void namesAndAliases() {
        assertEquals(DType.FLOAT32, DType.of("f4"));
        assertEquals(DType.FLOAT64, DType.of("double"));
        assertEquals(DType.UINT64, DType.of("uint64"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.of("complex64"));
        assertEquals(true, e.getMessage().contains("supported"));
    }
}
