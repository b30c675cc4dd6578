package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SONAME rewrite that lets JOCL load the versioned ICD loader. */
class OpenClLoaderShimTest {

    private static final Path LOADER = Path.of("/usr/lib/x86_64-linux-gnu/libOpenCL.so.1");

    @Test
    void rewritesOnlyTheSonameOfTheRealLoader() throws IOException {
        assertTrue(Files.exists(LOADER), "ocl-icd-libopencl1 is installed on the build machines");
        byte[] elf = Files.readAllBytes(LOADER);
        byte[] copy = elf.clone();
        assertTrue(LoaderShim.renameSoname(copy, "libOpenCL.so.1", "libOpenCL.so"));
        int changed = 0;
        int first = -1;
        for (int i = 0; i < elf.length; i++) {
            if (elf[i] != copy[i]) {
                changed++;
                first = first < 0 ? i : first;
            }
        }
        assertEquals(2, changed, "'.1' becomes two NUL bytes, nothing else moves");
        assertEquals("libOpenCL.so\0\0", new String(copy, first - 12, 14, StandardCharsets.US_ASCII));
        // A second rewrite finds no "libOpenCL.so.1" soname any more.
        assertFalse(LoaderShim.renameSoname(copy, "libOpenCL.so.1", "libOpenCL.so"));
        assertFalse(LoaderShim.renameSoname(new byte[100], "libOpenCL.so.1", "libOpenCL.so"), "not ELF");
    }
}
