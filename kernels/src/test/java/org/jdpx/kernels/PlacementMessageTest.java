package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.corpus.Corpus;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A misplaced kernel argument is refused with a fix that exists for views and USM memory (they
 * have no {@code toDevice}), and following the suggested fix makes the launch work.
 */
class PlacementMessageTest {

    private static final float[] X = {1, 2, 3, 4};
    private static final float[] Y = {10, 20, 30, 40};
    private static final float[] SAXPY_2 = {12, 24, 36, 48};

    private static void suggestsOnlyWhatExists(String msg) {
        assertFalse(msg.contains(".toDevice("), msg);
    }

    /** The first two test devices; the test is skipped on a machine with one. */
    private static List<Device> twoDevices() {
        List<Device> devices = TestDevices.all().toList();
        Assumptions.assumeTrue(devices.size() >= 2, "needs two devices");
        return devices.subList(0, 2);
    }

    private static float[] read(UsmMemory m) {
        float[] out = new float[X.length];
        m.copyToHost(out);
        return out;
    }

    @OnEveryDevice
    void argumentsOnTwoQueuesOfOneDeviceSuggestOneQueueOrLaunchOn(Device device) {
        try (Queue q2 = device.createQueue(false);
             UsmMemory x = UsmMemory.allocateDevice(device, 16);
             UsmMemory y = UsmMemory.allocate(q2, UsmType.DEVICE, 16)) {
            x.copyFromHost(X);
            y.copyFromHost(Y);
            String msg = assertThrows(ExecutionPlacementError.class, () -> Kernels.launch(Corpus::saxpy, Range.of(4),
                    2f, FloatArray.on(x), FloatArray.on(y))).getMessage();
            suggestsOnlyWhatExists(msg);
            assertTrue(msg.contains("two different queues of " + device.filterString())
                    && msg.contains("allocate argument 'y' on the queue of argument 'x'")
                    && msg.contains("dst.copyFrom(src)") && msg.contains("Kernels.launchOn(queue, ...)"), msg);
            Kernels.launchOn(q2, KernelCompiler.compile(Corpus.class, "saxpy"), Range.of(4), List.of(), 2f,
                    FloatArray.on(x), FloatArray.on(y)).await();
            assertArrayEquals(SAXPY_2, read(y), "the suggested launchOn runs");
        }
    }

    @Test
    void argumentsOnTwoDevicesSuggestAllocatingOrCopyingAcrossDevices() {
        Device d0 = twoDevices().get(0);
        Device d1 = twoDevices().get(1);
        try (UsmMemory x = UsmMemory.allocateDevice(d0, 16); UsmMemory y = UsmMemory.allocateDevice(d1, 16);
             UsmMemory yOnD0 = UsmMemory.allocateDevice(d0, 16)) {
            x.copyFromHost(X);
            y.copyFromHost(Y);
            String msg = assertThrows(ExecutionPlacementError.class, () -> Kernels.launch(Corpus::saxpy, Range.of(4),
                    2f, FloatArray.on(x), FloatArray.on(y))).getMessage();
            suggestsOnlyWhatExists(msg);
            assertTrue(msg.contains("put argument 'y' on " + d0.filterString())
                    && msg.contains("UsmMemory.allocateDevice(Devices.get(\"" + d0.filterString() + "\"), bytes)")
                    && msg.contains("UsmMemory.copyAcrossDevices(src, dst)"), msg);
            UsmMemory.copyAcrossDevices(y, yOnD0);
            Kernels.launch(Corpus::saxpy, Range.of(4), 2f, FloatArray.on(x), FloatArray.on(yOnD0));
            assertArrayEquals(SAXPY_2, read(yOnD0), "the suggested copy makes the launch work");
        }
    }

    @Test
    void aRequestedQueueOfAnotherDeviceSuggestsOneOfTheData() {
        Device d0 = twoDevices().get(0);
        Device d1 = twoDevices().get(1);
        try (UsmMemory x = UsmMemory.allocateDevice(d0, 16); UsmMemory y = UsmMemory.allocateDevice(d0, 16)) {
            String msg = assertThrows(ExecutionPlacementError.class, () -> Kernels.launchOn(d1.defaultQueue(),
                    KernelCompiler.compile(Corpus.class, "saxpy"), Range.of(4), List.of(), 2f, FloatArray.on(x),
                    FloatArray.on(y))).getMessage();
            suggestsOnlyWhatExists(msg);
            assertTrue(msg.contains("launch on a queue of " + d0.filterString())
                    && msg.contains("UsmMemory.copyAcrossDevices(src, dst)"), msg);
        }
    }
}
