package org.jdpx.kernels.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code spirv-val} on a module. Every module is validated twice where possible:
 * {@code --target-env spv1.0} (the core rules of the SPIR-V version the emitter writes, the one
 * OpenCL 2.1+ and Level Zero accept) and {@code --target-env opencl1.2} (the OpenCL environment
 * rules on top: Kernel capability, Physical64, OpenCL.std, allowed capabilities). The OpenCL
 * environments reject {@code Int64Atomics} because it exists only with the optional
 * {@code cl_khr_int64_base_atomics} extension, which spirv-val cannot be told a device has; so
 * kernels that report aspect atomic64 get the core check only. The test fails when the tool is missing.
 */
public final class SpirvVal {
    private SpirvVal() {
    }

    /** Validates a compiled kernel's SPIR-V as described above. */
    public static void validate(org.jdpx.kernels.CompiledKernel k) {
        validate(k.name(), k.spirv(), "spv1.0");
        if (!k.needsAtomic64()) validate(k.name(), k.spirv(), "opencl1.2");
    }

    public static void validate(String what, byte[] module, String env) {
        try {
            Path f = Files.createTempFile("jdpx-", ".spv");
            try {
                Files.write(f, module);
                Process p = new ProcessBuilder("spirv-val", "--target-env", env, f.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) fail("spirv-val timed out on " + what);
                if (p.exitValue() != 0) {
                    Path keep = Path.of("target", "spirv-failures");
                    Files.createDirectories(keep);
                    Files.write(keep.resolve(what + ".spv"), module);
                }
                assertEquals(0, p.exitValue(), "spirv-val (" + env + ") rejected " + what + ":\n" + out);
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
