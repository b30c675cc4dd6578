package org.jdpx.kernels.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code spirv-val} on a module. SPIR-V for OpenCL kernels is validated against the
 * OpenCL 1.2 environment ({@code --target-env opencl1.2}): it implies SPIR-V 1.0, the version
 * OpenCL 2.1+ drivers and Level Zero accept, and checks the OpenCL-specific rules (Kernel
 * capability, Physical64 addressing, OpenCL.std). The test fails when the tool is missing.
 */
public final class SpirvVal {
    private SpirvVal() {
    }

    public static final String TARGET_ENV = "opencl1.2";

    public static void validate(String what, byte[] module) {
        try {
            Path f = Files.createTempFile("jdpx-", ".spv");
            try {
                Files.write(f, module);
                Process p = new ProcessBuilder("spirv-val", "--target-env", TARGET_ENV, f.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) fail("spirv-val timed out on " + what);
                assertEquals(0, p.exitValue(), "spirv-val rejected " + what + ":\n" + out);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            fail("spirv-val is required (package spirv-tools) but could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
