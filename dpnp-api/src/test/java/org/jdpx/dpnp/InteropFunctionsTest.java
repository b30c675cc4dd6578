package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.interop.HostMemory;
import org.jdpx.interop.dlpack.DlpackExport;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

class InteropFunctionsTest {

    @OnEveryDevice
    void fromDlpackSharesTheExportersMemory(Device device) {
        UsmNdArray x = Dpnp.arange(0, 6, 1, ArrayOptions.on(device).dtype(DType.INT32).usmType(UsmType.HOST)).reshape(2, 3);
        UsmNdArray y = Dpnp.fromDlpack(DlpackExport.toVersioned(x.T(), false), ArrayOptions.on(device));
        assertArrayEquals(new long[] {3, 2}, y.shape());
        assertArrayEquals(new int[] {0, 3, 1, 4, 2, 5}, y.toIntArray());
        if (device.type() == DeviceType.CPU) {
            // CPU devices address host memory in place; others (a discrete GPU) get a copy, checked above
            assertEquals(HostMemory.asSegment(x).address(), HostMemory.asSegment(y).address(), "no copy");
        }
    }
}
