package org.jdpx.kernels.prange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * PartialsFold's four kernels are one kernel per element type (a kernel method takes concrete
 * views, and Java has no generics over primitive types): each must stay the int kernel with its
 * own type, so a fix to one cannot miss the others.
 */
class PartialsFoldTwinTest {

    /** The text of kernel {@code name}, from its annotation to its closing brace. */
    private static String kernel(String source, String name) {
        int from = source.lastIndexOf("    @Kernel", source.indexOf(" " + name + "("));
        int to = source.indexOf("\n    }\n", from) + "\n    }\n".length();
        return source.substring(from, to);
    }

    @Test
    void everyTypeFoldsAsTheIntKernelDoes() throws IOException {
        String s = Files.readString(Path.of("src/main/java/org/jdpx/kernels/prange/PartialsFold.java"));
        String base = kernel(s, "foldInt");
        String[][] twins = {{"foldLong", "LongArray", "long"}, {"foldFloat", "FloatArray", "float"},
            {"foldDouble", "DoubleArray", "double"}};
        for (String[] t : twins) {
            String expected = base.replace("foldInt", t[0]).replace("IntArray", t[1])
                    .replace("int acc", t[2] + " acc").replace("int v", t[2] + " v");
            assertEquals(expected, kernel(s, t[0]), t[0]);
        }
    }
}
