package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * FftKernels32 is FftKernels64 with float for double (devices without fp64 need float
 * arithmetic): the kernels' text must stay exactly that transform, so a fix to one cannot miss
 * the other.
 */
class FftKernelsTwinTest {

    private static String kernels(String file) throws IOException {
        String s = Files.readString(Path.of("src/main/java/org/jdpx/dpnp", file));
        return s.substring(s.indexOf("    /**\n     * One Stockham pass"), s.lastIndexOf('}')).strip();
    }

    @Test
    void float32KernelsAreTheFloat64KernelsInFloat() throws IOException {
        String expected = kernels("FftKernels64.java").replace("DoubleArray", "FloatArray").replaceAll("\\bdouble\\b", "float");
        assertEquals(expected, kernels("FftKernels32.java"));
    }
}
