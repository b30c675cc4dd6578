package org.jdpx.device.levelzero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.BackendStatus;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.device.DeviceSettings;
import org.jdpx.device.UsmType;
import org.jdpx.device.jvm.JavaBackend;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;
import org.junit.jupiter.api.Test;

/**
 * Discovery against the machine's real loader, and against a loader that is not there. On a
 * machine with the loader but no driver (the build machine), the backend must be unavailable with
 * zeInit's result and the java device must be unaffected.
 */
class LevelZeroBackendTest {

    private static final String MISSING = "/nonexistent/jdpx-test/libze_loader.so.1";

    private static boolean loaderPresent() {
        try {
            ZeApi.load(LevelZeroBackend.DEFAULT_LIBRARY);
            return true;
        } catch (BackendUnavailableException e) {
            return false;
        }
    }

    /** zeInit's own answer here, asked independently of the backend. */
    private static int zeInitResult() throws BackendUnavailableException {
        return ZeApi.load(LevelZeroBackend.DEFAULT_LIBRARY).init(0);
    }

    @Test
    void loaderWithoutDriverIsUnavailableWithZeInitsResult() throws Exception {
        assumeTrue(loaderPresent(), "libze_loader.so.1 is not installed");
        int rc = zeInitResult();
        assumeTrue(rc != ZeResult.SUCCESS, "a Level Zero driver is installed here");
        LevelZeroBackend backend = new LevelZeroBackend();
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, backend::discover);
        assertTrue(e.getMessage().contains("zeInit returned " + ZeResult.name(rc)), e.getMessage());
        assertTrue(e.getMessage().contains(LevelZeroBackend.DEFAULT_LIBRARY), e.getMessage());
        if (rc == ZeResult.ERROR_UNINITIALIZED) {
            assertTrue(e.getMessage().contains("install intel-level-zero-gpu"), e.getMessage());
        }
    }

    @Test
    void withDriverEveryDeviceDescribesItself() throws Exception {
        assumeTrue(loaderPresent() && zeInitResult() == ZeResult.SUCCESS, "no Level Zero driver here");
        LevelZeroBackend backend = new LevelZeroBackend();
        var devices = backend.discover();
        if (devices.isEmpty()) {
            assertNotNull(backend.emptyReason());
        }
        for (var d : devices) {
            assertFalse(d.info().name().isBlank());
            assertTrue(d.info().maxWorkGroupSize() > 0, d.info().toString());
        }
    }

    @Test
    void registryListsLevelZeroAsUnavailableAndJavaStillWorks() throws Exception {
        assumeTrue(loaderPresent() && zeInitResult() != ZeResult.SUCCESS, "needs the loader without a driver");
        List<String> msgs = new ArrayList<>();
        DeviceRegistry registry = new DeviceRegistry(List.of(new LevelZeroBackend(), new JavaBackend()),
                DeviceSettings.defaults(), msgs::add);

        BackendStatus l0 = status(registry, "level_zero");
        assertFalse(l0.available());
        assertEquals(0, l0.deviceCount());
        assertTrue(l0.reason().contains("zeInit returned " + ZeResult.name(zeInitResult())), l0.reason());

        assertEquals(List.of("java:cpu:0"), registry.filterStrings());
        assertEquals("java", registry.defaultDevice().backend());
        assertRoundTrip(registry.defaultDevice());
        assertTrue(msgs.isEmpty(), msgs.toString());
    }

    @Test
    void missingLibraryIsUnavailableWithInstallHint() {
        String before = System.getProperty(LevelZeroBackend.LIBRARY_PROPERTY);
        System.setProperty(LevelZeroBackend.LIBRARY_PROPERTY, MISSING);
        try {
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                    () -> new LevelZeroBackend().discover());
            assertTrue(e.getMessage().startsWith(MISSING + " not found"), e.getMessage());
            assertTrue(e.getMessage().contains("install libze1"), e.getMessage());

            DeviceRegistry registry = new DeviceRegistry(List.of(new LevelZeroBackend(), new JavaBackend()),
                    DeviceSettings.defaults(), m -> { });
            BackendStatus l0 = status(registry, "level_zero");
            assertFalse(l0.available());
            assertTrue(l0.reason().contains("not found") && l0.reason().contains("libze1"), l0.reason());
            assertRoundTrip(registry.select("java:cpu:0"));
        } finally {
            if (before == null) {
                System.clearProperty(LevelZeroBackend.LIBRARY_PROPERTY);
            } else {
                System.setProperty(LevelZeroBackend.LIBRARY_PROPERTY, before);
            }
        }
    }

    private static BackendStatus status(DeviceRegistry registry, String name) {
        return registry.backends().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + name + " in " + registry.backends()));
    }

    /** Host -> device -> host through the device's own queue: the device really works. */
    private static void assertRoundTrip(Device device) {
        int[] data = {3, 1, 4, 1, 5, 9, 2, 6};
        NativeMemory block = device.spi().allocate(UsmType.DEVICE, data.length * 4L);
        QueueDriver q = device.defaultQueue().spi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment back = a.allocate(data.length * 4L);
            q.copyFromHost(MemorySegment.ofArray(data), block, 0, List.of()).await();
            q.copyToHost(block, 0, back, List.of()).await();
            assertArrayEquals(data, back.toArray(ValueLayout.JAVA_INT));
        } finally {
            block.free();
        }
    }
}
