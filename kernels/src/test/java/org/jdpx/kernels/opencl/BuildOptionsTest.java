package org.jdpx.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.jdpx.device.Aspect;
import org.junit.jupiter.api.Test;

/** The build options of OpenCL C programs, from a device's aspects and version. */
class BuildOptionsTest {

    @Test
    void correctlyRoundedDivideSqrtExactlyWhenTheDeviceOffersIt() {
        assertEquals("-cl-fp32-correctly-rounded-divide-sqrt",
                BuildOptions.of(EnumSet.of(Aspect.FP64, Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT), "OpenCL 3.0 CUDA", false));
        assertEquals("", BuildOptions.of(EnumSet.of(Aspect.FP64, Aspect.ATOMIC64), "OpenCL 3.0 CUDA", false));
        assertEquals("", BuildOptions.of(Set.of(), "OpenCL 1.2", false));
    }

    @Test
    void nativeFloatAtomicsBuildAsTheDevicesOpenClC() {
        assertEquals("-cl-std=CL3.0", BuildOptions.of(EnumSet.of(Aspect.FP32_ATOMIC_ADD), "OpenCL 3.0 NEO", true));
        assertEquals("-cl-std=CL2.0 -cl-fp32-correctly-rounded-divide-sqrt", BuildOptions.of(
                EnumSet.of(Aspect.FP32_ATOMIC_ADD, Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT), "OpenCL 2.1 AMD", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuildOptions.of(Set.of(), "OpenCL 1.2 pocl", true));
        assertTrue(e.getMessage().contains("OpenCL 1.2 pocl") && e.getMessage().contains("2.0"), e.getMessage());
    }

    /**
     * Int-to-long widening is spelled out only on Mesa's drivers, which need it: elsewhere the
     * spelled-out form kept PoCL from vectorizing a 2-D view kernel (8-15 times slower).
     */
    @Test
    void signExtensionIsSpelledOutOnlyOnMesa() {
        assertTrue(BuildOptions.spellsSignExtension("rusticl", "llvmpipe (LLVM 15.0.6, 256 bits)"));
        assertTrue(BuildOptions.spellsSignExtension("Clover", "AMD Radeon"));
        assertTrue(!BuildOptions.spellsSignExtension("Portable Computing Language", "pthread-skylake-avx512-AMD EPYC"));
        assertTrue(!BuildOptions.spellsSignExtension("NVIDIA CUDA", "NVIDIA H200"));
        assertEquals("-D" + BuildOptions.SPELL_SIGN_EXTENSION + " -cl-fp32-correctly-rounded-divide-sqrt",
                BuildOptions.of(EnumSet.of(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT), "OpenCL 3.0", false, true));
        assertEquals("", BuildOptions.of(Set.of(), "OpenCL 3.0", false, false));
    }
}
