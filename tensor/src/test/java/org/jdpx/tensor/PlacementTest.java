package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.junit.jupiter.api.Test;

/** dpctl's compute-follows-data rule: one queue per operation, an error naming both places otherwise. */
class PlacementTest {

    @Test
    void operandsOnTwoDevicesAreRefusedUntilMoved() {
        List<Device> devices = TestDevices.all().toList();
        for (Device d1 : devices) {
            for (Device d2 : devices) {
                if (d1 == d2) continue;
                UsmNdArray a = Tensor.asarray(new float[] {1, 2, 3}, null, ArrayOptions.on(d1));
                UsmNdArray b = Tensor.asarray(new float[] {10, 20, 30}, null, ArrayOptions.on(d2));
                ExecutionPlacementError e = assertThrows(ExecutionPlacementError.class, () -> a.add(b));
                assertTrue(e.getMessage().contains(d1.filterString()) && e.getMessage().contains(d2.filterString())
                        && e.getMessage().contains("toDevice"), e.getMessage());
                UsmNdArray c = a.add(b.toDevice(d1));
                assertSame(d1, c.device());
                assertArrayEquals(new float[] {11, 22, 33}, c.toFloatArray());
                assertThrows(ExecutionPlacementError.class, () -> Tensor.matmul(a.reshape(1, 3), b.reshape(3, 1)));
                assertThrows(ExecutionPlacementError.class, () -> a.set("0:2", b.get("0:2")));
            }
        }
    }

    @OnEveryDevice
    void twoQueuesOfOneDeviceAreRefusedButMoveWithoutCopy(Device device) {
        Queue q1 = device.createQueue(false);
        Queue q2 = device.createQueue(false);
        UsmNdArray a = Tensor.asarray(new int[] {1, 2, 3}, null, ArrayOptions.on(q1));
        UsmNdArray b = Tensor.asarray(new int[] {4, 5, 6}, null, ArrayOptions.on(q2));
        ExecutionPlacementError e = assertThrows(ExecutionPlacementError.class, () -> a.multiply(b));
        assertTrue(e.getMessage().contains("two different queues"), e.getMessage());
        UsmNdArray moved = b.toDevice(q1);
        assertSame(b.memory(), moved.memory(), "same device: no copy");
        assertSame(q1, moved.queue());
        UsmNdArray c = a.multiply(moved);
        assertSame(q1, c.queue());
        assertArrayEquals(new int[] {4, 10, 18}, c.toIntArray());
        assertEquals(DType.INT32, c.dtype());
    }

    @OnEveryDevice
    void resultTakesTheLowestUsmKindAndScalarsJoinAnyArray(Device device) {
        UsmNdArray dev = Tensor.ones(new long[] {4}, ArrayOptions.on(device).usmType(UsmType.DEVICE).dtype(DType.FLOAT32));
        UsmNdArray shared = Tensor.ones(new long[] {4}, ArrayOptions.on(device).usmType(UsmType.SHARED).dtype(DType.FLOAT32));
        UsmNdArray host = Tensor.ones(new long[] {4}, ArrayOptions.on(device).usmType(UsmType.HOST).dtype(DType.FLOAT32));
        assertEquals(UsmType.DEVICE, shared.add(dev).usmType());
        assertEquals(UsmType.SHARED, host.add(shared).usmType());
        assertEquals(UsmType.HOST, host.multiply(2).usmType());
        assertEquals(DType.FLOAT32, host.multiply(2.5).dtype(), "a Java double is a weak scalar");
        assertArrayEquals(new float[] {3.5f, 3.5f, 3.5f, 3.5f}, host.multiply(2.5).add(dev).toFloatArray());
    }
}
