package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;
import org.jdpx.device.Devices;
import org.junit.jupiter.api.Test;

/** Discovery of the OpenCL devices of this machine and what they report. */
class OpenClDiscoveryTest {

    @Test
    void poclIsFoundWithFp64() {
        Device pocl = OclTesting.devices().stream().filter(d -> d.info().platform().startsWith("Portable"))
                .findFirst().orElseThrow(() -> new AssertionError("PoCL missing: " + Devices.all()));
        assertEquals(DeviceType.CPU, pocl.type());
        assertTrue(pocl.hasAspect(Aspect.FP64));
        assertTrue(pocl.hasAspect(Aspect.ATOMIC64));
        assertEquals("opencl:cpu:0", pocl.filterString());
        assertTrue(pocl.info().version().startsWith("OpenCL 3.0"), pocl.info().version());
        // clinfo: "Correctly-rounded divide and sqrt operations  Yes"; no cl_ext_float_atomics
        assertTrue(pocl.hasAspect(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT));
        assertFalse(pocl.hasAspect(Aspect.FP32_ATOMIC_ADD));
    }

    @Test
    void rusticlFollowsItsEnvironmentVariable() {
        boolean enabled = "llvmpipe".equals(System.getenv("RUSTICL_ENABLE"));
        List<Device> rusticl = OclTesting.devices().stream().filter(d -> d.info().platform().equals("rusticl")).toList();
        if (enabled) {
            assertEquals(1, rusticl.size(), "rusticl's llvmpipe with RUSTICL_ENABLE=llvmpipe: " + Devices.all());
            Device d = rusticl.get(0);
            assertFalse(d.hasAspect(Aspect.FP64), "llvmpipe has no fp64");
            assertFalse(d.hasAspect(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT), "llvmpipe does not offer it (clinfo: No)");
            assertTrue(d.name().contains("llvmpipe"), d.name());
            assertEquals("opencl:cpu:1", d.filterString());
        } else {
            assertEquals(List.of(), rusticl);
        }
    }

    /** A child JVM without RUSTICL_ENABLE lists PoCL only. */
    @Test
    void withoutRusticlEnableOnlyPoclIsListed() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ListOpenClDevices.class.getName());
        Map<String, String> env = pb.environment();
        env.remove("RUSTICL_ENABLE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("opencl:")).toList();
        assertEquals(1, lines.size(), out);
        assertTrue(lines.get(0).startsWith("opencl:cpu:0 Portable Computing Language"), out);
    }

    @Test
    void infoFieldsAreSane() {
        for (Device d : OclTesting.devices()) {
            DeviceInfo i = d.info();
            String where = d.toString();
            assertFalse(i.name().isBlank(), where);
            assertFalse(i.vendor().isBlank(), where);
            assertFalse(i.driverVersion().isBlank(), where);
            assertTrue(i.version().startsWith("OpenCL "), where + ": " + i.version());
            assertTrue(i.globalMemBytes() >= 256L << 20, where + " global " + i.globalMemBytes());
            assertTrue(i.maxAllocBytes() > 0 && i.maxAllocBytes() <= i.globalMemBytes(), where);
            assertTrue(i.localMemBytes() >= 16 * 1024, where + " local " + i.localMemBytes());
            assertTrue(i.computeUnits() >= 1, where);
            assertTrue(i.maxWorkGroupSize() >= 64, where);
            assertEquals(3, i.maxWorkItemSizes().size(), where);
            assertTrue(i.maxWorkItemSizes().get(0) >= 64 && i.maxWorkItemSizes().get(0) <= i.maxWorkGroupSize() * 4096L,
                    where);
            assertTrue(i.maxClockMHz() >= 0, where);
            for (Aspect a : List.of(Aspect.USM_DEVICE_ALLOCATIONS, Aspect.USM_HOST_ALLOCATIONS,
                    Aspect.USM_SHARED_ALLOCATIONS)) {
                assertTrue(i.has(a), where + " lacks " + a);
            }
            // PoCL reports fine-grained buffer SVM; rusticl's llvmpipe has no SVM, so shared is emulated there.
            String model = d.spi().memoryModel();
            boolean pocl = i.platform().startsWith("Portable");
            assertTrue(model.contains(pocl ? "shared: fine-grained SVM" : "shared: emulated"), where + ": " + model);
        }
    }

    @Test
    void discoveryIsCachedSoEachDeviceHasOneContext() throws Exception {
        assertSame(new OpenClBackend().discover(), new OpenClBackend().discover());
    }

    /** Entry point of the child JVM: prints one line per OpenCL device. */
    static final class ListOpenClDevices {
        public static void main(String[] args) {
            for (Device d : Devices.all()) {
                System.out.println(d.filterString() + " " + d.info().platform() + " | " + d.name());
            }
        }
    }
}
