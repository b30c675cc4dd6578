package org.jdpx.kernels.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.spi.ProgramSource;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.jvm.JvmKernelRunner;
import org.jdpx.kernels.testutil.SpirvVal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus kernel: (1) on the java device's runner against a plain-Java reference, (2) its
 * OpenCL C built on every OpenCL device (devices without an aspect it reports needing must refuse
 * it), (3) its SPIR-V through spirv-val, (4) launched with {@code Kernels} on every device against
 * the same reference.
 */
class CorpusTest {

    static CompiledKernel kernel(String name) {
        return KernelCompiler.compile(Corpus.class, name);
    }

    @Test
    void corpusIsLargeAndEveryKernelHasACase() {
        List<String> kernels = Arrays.stream(Corpus.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Kernel.class))
                .map(Method::getName).sorted().toList();
        List<String> cases = Cases.all().stream().map(Case::kernel).sorted().toList();
        assertTrue(kernels.size() >= 30, "corpus has " + kernels.size() + " kernels");
        assertEquals(kernels, cases);
    }

    @TestFactory
    Stream<DynamicTest> javaDevice() {
        return Cases.all().stream().map(c -> DynamicTest.dynamicTest(c.kernel(), () -> {
            Object[] args = c.args().get();
            JvmKernelRunner.run(kernel(c.kernel()), c.global(), c.local(), args);
            c.check().accept(args);
        }));
    }

    @TestFactory
    Stream<DynamicTest> openclBuilds() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Device> devices = TestDevices.ofBackend("opencl");
        assertFalse(devices.isEmpty(), "no OpenCL device found (PoCL is expected on this machine)");
        for (Case c : Cases.all()) {
            for (Device d : devices) {
                tests.add(DynamicTest.dynamicTest(c.kernel() + " on " + d.filterString(), () -> {
                    CompiledKernel k = kernel(c.kernel());
                    if (!supports(d, k)) {
                        assertFalse(k.requiredAspects().isEmpty(), "skipped only for a reported aspect");
                        UnsupportedOperationException e = org.junit.jupiter.api.Assertions.assertThrows(
                                UnsupportedOperationException.class, () -> k.requireAspects(d.filterString(), aspects(d)));
                        assertTrue(e.getMessage().contains(k.name()) && e.getMessage().contains("needs aspect"),
                                e.getMessage());
                        return;
                    }
                    d.spi().buildProgram(new ProgramSource.OpenClC(k.openclSource(), "")).release();
                }));
            }
        }
        return tests.stream();
    }

    static Set<String> aspects(Device d) {
        return d.aspects().stream().map(Aspect::dpctlName).collect(Collectors.toSet());
    }

    static boolean supports(Device d, CompiledKernel k) {
        return aspects(d).containsAll(k.requiredAspects());
    }

    @TestFactory
    Stream<DynamicTest> spirvValidates() {
        return Cases.all().stream().map(c -> DynamicTest.dynamicTest(c.kernel(), () -> SpirvVal.validate(kernel(c.kernel()))));
    }

    /** Checked mode's variants through spirv-val too (no OpenCL device here takes SPIR-V, so this is their only check). */
    @TestFactory
    Stream<DynamicTest> checkedSpirvValidates() {
        return Cases.all().stream().map(c -> DynamicTest.dynamicTest(c.kernel(), () -> SpirvVal.validate(kernel(c.kernel()).checked())));
    }

    /** Every case through the production launcher on every device, its arrays copied to USM memory there. */
    @TestFactory
    Stream<DynamicTest> launchedOnEveryDevice() {
        return launched(false);
    }

    /**
     * The same in checked mode: every access bounds-checked (the java device running the checked
     * IR), with exactly the same results and no violation reported by any corpus kernel.
     */
    @TestFactory
    Stream<DynamicTest> launchedCheckedOnEveryDevice() {
        return launched(true);
    }

    private static Stream<DynamicTest> launched(boolean checked) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : Cases.all()) {
            if (!c.runOnDevice()) continue;
            for (Device d : TestDevices.all().toList()) {
                tests.add(DynamicTest.dynamicTest(c.kernel() + " on " + d.filterString(), () -> {
                    CompiledKernel k = kernel(c.kernel());
                    if (!supports(d, k)) return;
                    Object[] args = c.args().get();
                    Runnable launch = () -> OnDevice.launch(d, k.method(), c.global(), c.local(), args);
                    if (checked) {
                        Kernels.checked(launch);
                    } else {
                        Kernels.unchecked(launch);
                    }
                    c.check().accept(args);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aspectsAreReported() {
        assertEquals(Set.of("fp64"), kernel("mixedTypes").requiredAspects());
        assertEquals(Set.of("fp64", "atomic64"), kernel("doubleAtomics").requiredAspects());
        assertEquals(Set.of("atomic64"), kernel("longAtomics").requiredAspects());
        assertEquals(Set.of(), kernel("mathFunctions").requiredAspects(), "float Math.* stays in float");
        assertEquals(Set.of(), kernel("exactNarrowing").requiredAspects(), "narrowings float computes exactly stay in float");
        assertEquals(Set.of("fp64"), kernel("doubleNarrowing").requiredAspects(), "narrowings float would round differently stay double");
        assertTrue(kernel("matmulTiled").usesBarriers() && kernel("matmulTiled").usesLocalMemory());
        assertFalse(kernel("vecAdd").usesBarriers() || kernel("vecAdd").usesLocalMemory());
        assertTrue(kernel("reduceSum").usesLocalMemory());
    }
}
