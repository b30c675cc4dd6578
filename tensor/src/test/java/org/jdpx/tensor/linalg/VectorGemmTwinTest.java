package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * VectorF32 is VectorF64 with float for double (Java has no generics over primitive types, and
 * the Vector API has one class per lane type): the code must stay exactly that transform, so a
 * fix to one cannot miss the other. What legitimately differs is spelled out here: the lane type,
 * the element size in bytes (8 to 4), the zero and one literals, and {@code tile}'s alpha and beta, which
 * stay double because {@link GemmEngine} declares them so.
 */
class VectorGemmTwinTest {

    /** The class body, from its declaration to the end (the Javadoc above it describes each width in its own words). */
    private static String body(String file) throws IOException {
        String s = Files.readString(Path.of("src/main/java/org/jdpx/tensor/linalg", file));
        return s.substring(s.indexOf("final class "), s.lastIndexOf('}')).strip();
    }

    @Test
    void float32EngineIsTheFloat64EngineInFloat() throws IOException {
        String expected = body("VectorF64.java")
                .replace("VectorF64", "VectorF32")
                .replace("DoubleVector", "FloatVector")
                .replace("VectorSpecies<Double>", "VectorSpecies<Float>")
                .replace("ValueLayout.OfDouble", "ValueLayout.OfFloat")
                .replace("JAVA_DOUBLE_UNALIGNED", "JAVA_FLOAT_UNALIGNED")
                .replaceAll("\\bdouble\\b", "float")
                .replace("float alpha, float beta", "double alpha, double beta")
                .replace(", 8);", ", 4);")
                .replace(") * 8;", ") * 4;")
                .replace("8L * L", "4L * L")
                .replaceAll("\\b0\\.0\\b", "0f")
                .replaceAll("\\b1\\.0\\b", "1f");
        assertEquals(expected, body("VectorF32.java"));
    }
}
