package org.jdpx.kernels.spirv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.corpus.Corpus;
import org.junit.jupiter.api.Test;

/** The built-in disassembly matches the binary: same instructions as spirv-dis finds, readable names. */
class SpirvTextTest {
    @Test
    void textDescribesTheBinary() throws Exception {
        CompiledKernel k = KernelCompiler.compile(Corpus.class, "matmulTiled");
        String text = k.spirvText();
        assertTrue(text.contains("OpCapability Kernel"), text);
        assertTrue(text.contains("OpMemoryModel Physical64 OpenCL"), text);
        assertTrue(text.contains("OpExtInstImport \"OpenCL.std\""), text);
        assertTrue(text.contains("OpEntryPoint Kernel %matmulTiled \"matmulTiled\""), text);
        assertTrue(text.contains("OpDecorate %__spirv_BuiltInGlobalInvocationId BuiltIn GlobalInvocationId"), text);
        assertTrue(text.contains("OpControlBarrier"), text);
        byte[] bin = k.spirv();
        assertEquals(0x03, bin[0] & 0xff);
        assertEquals(0x07, bin[3] & 0xff);
        Path f = Files.createTempFile("jdpx", ".spv");
        try {
            Files.write(f, bin);
            Process p = new ProcessBuilder("spirv-dis", "--no-header", "--raw-id", f.toString()).redirectErrorStream(true).start();
            String dis = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), dis);
            long theirs = dis.lines().filter(l -> l.trim().startsWith("Op") || l.contains("= Op")).count();
            long ours = text.lines().filter(l -> l.trim().startsWith("Op") || l.contains("= Op")).count();
            assertEquals(theirs, ours, "instruction count");
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
