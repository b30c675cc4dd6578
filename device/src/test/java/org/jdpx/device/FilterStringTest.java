package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterStringTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "gpu,              -,          GPU, -1",
        "gpu:1,            -,          GPU, 1",
        "cpu,              -,          CPU, -1",
        "opencl:cpu:1,     opencl,     CPU, 1",
        "level_zero:gpu:0, level_zero, GPU, 0",
        "java:cpu,         java,       CPU, -1",
        "java,             java,       -,   -1",
        "opencl:2,         opencl,     -,   2",
        "3,                -,          -,   3",
        "OpenCL:GPU:0,     opencl,     GPU, 0",
        "accelerator,      -,          ACCELERATOR, -1",
    })
    void parsesEveryShape(String text, String backend, DeviceType type, int index) {
        FilterString f = FilterString.parse(text);
        assertEquals(backend, f.backend());
        assertEquals(type, f.type());
        assertEquals(index, f.index());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "gpu:cpu", "opencl:cpu:1:2", "cpu:opencl", "0:gpu", "nvidia", "opencl::0",
        "gpu:-1", "opencl:cpu:x", "gpu:99999999999"})
    void rejectsMalformedWithTheStringAndTheGrammar(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterString.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("backend:type:index"), e.getMessage());
    }

    @Test
    void alternativesKeepTheirOrder() {
        List<FilterString> alts = FilterString.parseAlternatives("gpu,opencl:cpu:1,java");
        assertEquals(List.of("gpu", "opencl:cpu:1", "java"), alts.stream().map(FilterString::toString).toList());
    }

    @Test
    void emptyAlternativeIsMalformed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterString.parseAlternatives("gpu,,cpu"));
        assertTrue(e.getMessage().contains("empty alternative"), e.getMessage());
    }

    @Test
    void printsBackTheSameString() {
        for (String s : List.of("gpu", "gpu:1", "opencl:cpu:1", "java", "3")) {
            assertEquals(s, FilterString.parse(s).toString());
        }
        assertNull(FilterString.parse("7").backend());
    }
}
