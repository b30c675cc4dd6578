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
        assertEquals(14 * 14, checked);
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
    void complexScalarsAreWeakToo() {
        // NumPy 2 (NEP 50): np.float32 array * 1j is complex64, np.float16 array * 1j complex64, int array * 1j complex128.
        assertEquals(DType.COMPLEX64, Promotion.withScalar(DType.FLOAT32, DType.Kind.COMPLEX, DType.FLOAT64));
        assertEquals(DType.COMPLEX64, Promotion.withScalar(DType.FLOAT16, DType.Kind.COMPLEX, DType.FLOAT64));
        assertEquals(DType.COMPLEX128, Promotion.withScalar(DType.INT32, DType.Kind.COMPLEX, DType.FLOAT64));
        assertEquals(DType.COMPLEX64, Promotion.withScalar(DType.INT32, DType.Kind.COMPLEX, DType.FLOAT32),
                "on a device without fp64 the default complex is complex64");
        assertEquals(DType.COMPLEX64, Promotion.withScalar(DType.COMPLEX64, DType.Kind.FLOAT, DType.FLOAT64));
        assertEquals(DType.FLOAT16, Promotion.withScalar(DType.FLOAT16, DType.Kind.FLOAT, DType.FLOAT64));
    }

    @Test
    void dtypeFacts() {
        assertEquals(2, DType.FLOAT16.itemSize());
        assertEquals(8, DType.COMPLEX64.itemSize());
        assertEquals(16, DType.COMPLEX128.itemSize());
        assertEquals(DType.Kind.COMPLEX, DType.COMPLEX64.kind());
        assertEquals(DType.FLOAT64, DType.COMPLEX128.realPart());
        assertEquals(DType.COMPLEX64, DType.FLOAT16.complexOf());
        assertEquals(true, DType.FLOAT16.isFloat());
        assertEquals(false, DType.COMPLEX64.isFloat());
        assertThrows(IllegalArgumentException.class, DType.INT32::complexOf);
    }

    @Test
    void namesAndAliases() {
        assertEquals(DType.FLOAT32, DType.of("f4"));
        assertEquals(DType.FLOAT64, DType.of("double"));
        assertEquals(DType.UINT64, DType.of("uint64"));
        assertEquals(DType.FLOAT16, DType.of("f2"));
        assertEquals(DType.FLOAT16, DType.of("half"));
        assertEquals(DType.COMPLEX64, DType.of("complex64"));
        assertEquals(DType.COMPLEX64, DType.of("c8"));
        assertEquals(DType.COMPLEX128, DType.of("complex"));
        assertEquals(DType.COMPLEX128, DType.of("c16"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.of("float128"));
        assertEquals(true, e.getMessage().contains("supported"));
    }
}
