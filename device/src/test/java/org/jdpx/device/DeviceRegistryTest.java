package org.jdpx.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jdpx.device.jvm.JavaBackend;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {

    private final List<String> warnings = new ArrayList<>();

    private DeviceRegistry mixed(String selector) {
        return FakeBackend.registry(selector, warnings, FakeBackend.mixed());
    }

    @Test
    void listsBackendsInOrderAndNumbersPerBackendAndType() {
        DeviceRegistry r = mixed(null);
        assertEquals(List.of("level_zero:gpu:0", "opencl:cpu:0", "opencl:gpu:0", "opencl:cpu:1", "java:cpu:0"),
                r.filterStrings());
    }

    @Test
    void indexCountsDevicesOfTheNamedBackendAndType() {
        DeviceRegistry r = mixed(null);
        assertEquals("opencl:cpu:1", r.find("opencl:cpu:1").orElseThrow().filterString());
        assertEquals("opencl:gpu:0", r.find("gpu:1").orElseThrow().filterString(), "gpu:1 counts all GPUs");
        assertEquals("opencl:cpu:1", r.find("cpu:1").orElseThrow().filterString());
        assertEquals("java:cpu:0", r.find("cpu:2").orElseThrow().filterString());
        assertEquals("opencl:cpu:0", r.find("opencl").orElseThrow().filterString());
        assertEquals("opencl:gpu:0", r.find("opencl:1").orElseThrow().filterString());
        assertEquals("java:cpu:0", r.find("java").orElseThrow().filterString());
        assertEquals("opencl:cpu:0", r.find("1").orElseThrow().filterString());
        assertTrue(r.find("opencl:cpu:2").isEmpty());
        assertTrue(r.find("cuda:gpu").isEmpty(), "a known backend that is absent matches nothing");
    }

    @Test
    void alternativesTakeTheFirstThatMatches() {
        DeviceRegistry r = mixed(null);
        assertEquals("opencl:gpu:0", r.find("cuda,opencl:gpu,cpu").orElseThrow().filterString());
        DeviceRegistry cpuOnly = FakeBackend.registry(DeviceSettings.defaults(), warnings,
                FakeBackend.of("opencl", 0, DeviceType.CPU), new JavaBackend());
        assertEquals("opencl:cpu:0", cpuOnly.find("gpu,cpu").orElseThrow().filterString());
    }

    @Test
    void defaultScoresGpuOverCpuAndLevelZeroOverOpenClAndJavaLast() {
        assertEquals("level_zero:gpu:0", mixed(null).defaultDevice().filterString());
        assertEquals("opencl:gpu:0", mixed("!level_zero:*").defaultDevice().filterString());
        assertEquals("opencl:cpu:0", mixed("!*:gpu").defaultDevice().filterString(),
                "ties keep listing order: the first OpenCL CPU");
        assertEquals("java:cpu:0", mixed("java:*").defaultDevice().filterString());
        DeviceRegistry accel = FakeBackend.registry(DeviceSettings.defaults(), warnings,
                FakeBackend.of("opencl", 0, DeviceType.ACCELERATOR), new JavaBackend());
        assertEquals("opencl:accelerator:0", accel.defaultDevice().filterString(), "java comes after everything");
    }

    @Test
    void selectorNarrowsAndRenumbers() {
        assertEquals(List.of("opencl:cpu:0", "opencl:cpu:1", "java:cpu:0"), mixed("opencl:cpu;java:*").filterStrings());
        assertEquals(List.of("opencl:cpu:0", "opencl:gpu:0", "opencl:cpu:1", "java:cpu:0"),
                mixed("!level_zero:*").filterStrings());
        assertEquals(List.of("opencl:cpu:0", "java:cpu:0"), mixed("opencl:2;java:*").filterStrings(),
                "backend index 2 is the second CPU, renumbered as cpu:0");
        assertEquals(List.of("level_zero:gpu:0", "opencl:gpu:0"), mixed("*:gpu").filterStrings());
        assertEquals(List.of("opencl:cpu:0", "opencl:cpu:1"), mixed("opencl:*;!opencl:gpu").filterStrings());
    }

    @Test
    void malformedSelectorQuotesItself() {
        for (String bad : List.of("opencl", "vulkan:gpu", "opencl:tpu", "!:gpu", "opencl:")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceSelector.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("backend:devices"),
                    e.getMessage());
        }
    }

    @Test
    void missingDeviceFallsBackToTheDefaultWithOneWarningPerFilter() {
        DeviceRegistry r = FakeBackend.registry(DeviceSettings.defaults(), warnings,
                FakeBackend.of("opencl", 0, DeviceType.CPU), new JavaBackend());
        Device d1 = r.select("gpu:0");
        Device d2 = r.select("gpu:0");
        assertSame(r.defaultDevice(), d1);
        assertSame(d1, d2);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("'gpu:0'") && warnings.get(0).contains("opencl:cpu:0"), warnings.get(0));
        r.select("level_zero:gpu");
        assertEquals(2, warnings.size(), "a second filter warns once too");
    }

    @Test
    void strictModeListsTheDevicesThatExist() {
        DeviceRegistry r = FakeBackend.registry(new DeviceSettings(DeviceSelector.all(), null, true), warnings,
                FakeBackend.of("opencl", 0, DeviceType.CPU), new JavaBackend());
        NoSuchDeviceException e = assertThrows(NoSuchDeviceException.class, () -> r.select("gpu:0"));
        assertTrue(e.getMessage().contains("'gpu:0'"), e.getMessage());
        assertTrue(e.getMessage().contains("opencl:cpu:0, java:cpu:0"), e.getMessage());
        assertTrue(warnings.isEmpty());
        assertEquals("opencl:cpu:0", r.select("cpu").filterString(), "matching filters still work");
    }

    @Test
    void settingsComeFromVariablesWithPropertiesWinning() {
        Properties props = new Properties();
        DeviceSettings env = DeviceSettings.from(
                Map.of("JDPX_DEFAULT_DEVICE", "java", "JDPX_STRICT", "1", "JDPX_DEVICE_SELECTOR", "!opencl:gpu"), props);
        assertEquals("java", env.defaultFilter());
        assertTrue(env.strict());
        assertFalse(env.selector().admits("opencl", DeviceType.GPU, 0));
        props.setProperty("jdpx.device", "opencl:cpu");
        props.setProperty("jdpx.strict", "false");
        DeviceSettings both = DeviceSettings.from(Map.of("JDPX_DEFAULT_DEVICE", "java", "JDPX_STRICT", "1"), props);
        assertEquals("opencl:cpu", both.defaultFilter());
        assertFalse(both.strict());
    }

    @Test
    void defaultDeviceSettingIsHonouredAndFallsBackWhenAbsent() {
        DeviceRegistry named = FakeBackend.registry(new DeviceSettings(DeviceSelector.all(), "java", false), warnings,
                FakeBackend.mixed());
        assertEquals("java:cpu:0", named.defaultDevice().filterString());
        DeviceRegistry absent = FakeBackend.registry(new DeviceSettings(DeviceSelector.all(), "cuda:gpu", false),
                warnings, FakeBackend.mixed());
        assertEquals("level_zero:gpu:0", absent.defaultDevice().filterString());
        assertEquals(1, warnings.size());
    }

    @Test
    void backendWhoseNativeLibraryIsMissingIsListedAndTheJavaDeviceStillWorks() {
        DeviceRegistry r = FakeBackend.registry(DeviceSettings.defaults(), warnings,
                FakeBackend.failing("opencl", new UnsatisfiedLinkError("libOpenCL.so.1: cannot open shared object file")),
                FakeBackend.failing("level_zero", new IllegalStateException("libze_loader.so.1 not found")),
                new JavaBackend());
        assertEquals(List.of("java:cpu:0"), r.filterStrings());
        BackendStatus ocl = r.backends().stream().filter(b -> b.name().equals("opencl")).findFirst().orElseThrow();
        assertFalse(ocl.available());
        assertTrue(ocl.reason().contains("libOpenCL.so.1"), ocl.reason());
        BackendStatus ze = r.backends().stream().filter(b -> b.name().equals("level_zero")).findFirst().orElseThrow();
        assertTrue(ze.reason().contains("libze_loader"), ze.reason());
        Device java = r.defaultDevice();
        assertEquals("java:cpu:0", java.filterString());
        java.defaultQueue().marker().await();
        assertEquals(Event.Status.COMPLETE, java.defaultQueue().marker().await().status());
    }

    @Test
    void nothingVisibleIsAClearError() {
        DeviceRegistry r = mixed("!*:*");
        assertTrue(r.devices().isEmpty());
        NoSuchDeviceException e = assertThrows(NoSuchDeviceException.class, r::defaultDevice);
        assertTrue(e.getMessage().contains("JDPX_DEVICE_SELECTOR='!*:*' hides every device"), e.getMessage());
    }

    @Test
    void fallbackForAMissingDeviceIsTheConfiguredDefault() {
        DeviceRegistry r = FakeBackend.registry(new DeviceSettings(DeviceSelector.all(), "java", false), warnings,
                FakeBackend.of("opencl", 0, DeviceType.CPU), new JavaBackend());
        assertEquals("java:cpu:0", r.select("gpu:0").filterString(), "the configured default, not the scored one");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("'gpu:0'") && warnings.get(0).contains("java:cpu:0"), warnings.get(0));
        DeviceRegistry absent = FakeBackend.registry(new DeviceSettings(DeviceSelector.all(), "cuda:gpu", false),
                warnings, FakeBackend.of("opencl", 0, DeviceType.CPU), new JavaBackend());
        assertEquals("opencl:cpu:0", absent.select("gpu:0").filterString(), "a default naming nothing: the scored one");
    }

    @Test
    void selectorHidingEveryDeviceNamesItselfAndWhatExistsWithoutIt() {
        DeviceRegistry r = FakeBackend.registry("opencl:gpu", warnings,
                FakeBackend.of("opencl", 0, DeviceType.CPU, DeviceType.CPU), new JavaBackend());
        assertTrue(r.devices().isEmpty());
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                r::defaultDevice, () -> r.select("gpu"), () -> r.select("java"))) {
            String m = assertThrows(NoSuchDeviceException.class, call).getMessage();
            assertTrue(m.contains("JDPX_DEVICE_SELECTOR='opencl:gpu' hides every device"), m);
            assertTrue(m.contains("opencl:cpu:0, opencl:cpu:1, java:cpu:0"), m);
            assertTrue(m.contains("unset it") && !m.contains("JDPX_STRICT") && !m.contains("(default)"), m);
        }
    }

    @Test
    void selectorHidingTheRequestedDeviceIsNamedInTheWarningAndInStrictMode() {
        DeviceRegistry r = FakeBackend.registry("opencl:*", warnings, FakeBackend.mixed());
        assertEquals("opencl:gpu:0", r.select("java").filterString());
        assertTrue(warnings.get(0).contains("JDPX_DEVICE_SELECTOR='opencl:*' hides java:cpu:0"), warnings.get(0));
        DeviceRegistry strict = FakeBackend.registry(new DeviceSettings(DeviceSelector.parse("opencl:*"), null, true),
                warnings, FakeBackend.mixed());
        String m = assertThrows(NoSuchDeviceException.class, () -> strict.select("level_zero")).getMessage();
        assertTrue(m.contains("hides level_zero:gpu:0") && m.contains("devices here: opencl:cpu:0"), m);
    }

    @Test
    void configuredDefaultMatchingNothingInStrictModeNamesTheSetting() {
        DeviceRegistry r = FakeBackend.registry(new DeviceSettings(DeviceSelector.all(), "gpu", true), warnings,
                FakeBackend.of("opencl", 0, DeviceType.CPU), new JavaBackend());
        String m = assertThrows(NoSuchDeviceException.class, r::defaultDevice).getMessage();
        assertTrue(m.contains("JDPX_DEFAULT_DEVICE") && m.contains("'gpu'") && m.contains("opencl:cpu:0, java:cpu:0"), m);
    }

    @Test
    void malformedDefaultDeviceSettingNamesTheVariableOrProperty() {
        Properties props = new Properties();
        String m = assertThrows(IllegalArgumentException.class,
                () -> DeviceSettings.from(Map.of("JDPX_DEFAULT_DEVICE", "nonsense"), props)).getMessage();
        assertTrue(m.startsWith("JDPX_DEFAULT_DEVICE is not a device filter") && m.contains("'nonsense'")
                && m.contains("backend:type:index") && m.contains("unset it"), m);
        props.setProperty("jdpx.device", "gpu:x");
        m = assertThrows(IllegalArgumentException.class, () -> DeviceSettings.from(Map.of(), props)).getMessage();
        assertTrue(m.startsWith("-Djdpx.device is not a device filter") && m.contains("'gpu:x'"), m);
    }

    @Test
    void selectorTermWithTwoColonsSaysHowToPickOneDevice() {
        String m = assertThrows(IllegalArgumentException.class, () -> DeviceSelector.parse("opencl:cpu:x")).getMessage();
        assertTrue(m.contains("'opencl:cpu:x' has more than one ':'") && m.contains("opencl:1"), m);
    }
}
