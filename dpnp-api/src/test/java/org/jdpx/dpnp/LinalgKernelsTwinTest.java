package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * LinalgKernels32 is LinalgKernels64 with float for double (Java has no generics over primitive
 * types, and devices without fp64 need float arithmetic): the kernels' text must stay exactly
 * that transform, so a fix to one cannot miss the other.
 */
class LinalgKernelsTwinTest {

    private static String kernels(String file, String end) throws IOException {
        String s = Files.readString(Path.of("src/main/java/org/jdpx/dpnp", file));
        int from = s.indexOf("    /**\n     * LU with partial pivoting");
        int to = end == null ? s.lastIndexOf('}') : s.indexOf(end);
        return s.substring(from, to).strip();
    }

    @Test
    void float32KernelsAreTheFloat64KernelsInFloat() throws IOException {
        String f64 = kernels("LinalgKernels64.java", "    /**\n     * Applies the row interchanges");
        String expected = f64.replace("DoubleArray", "FloatArray").replace("localDoubles", "localFloats")
                .replaceAll("\\bdouble\\b", "float");
        assertEquals(expected, kernels("LinalgKernels32.java", null));
    }
}
