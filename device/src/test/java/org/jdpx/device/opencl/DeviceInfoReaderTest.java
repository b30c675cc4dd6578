package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jocl.CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;
import static org.jocl.CL.CL_FP_ROUND_TO_NEAREST;

import java.util.Set;
import org.jdpx.device.Aspect;
import org.junit.jupiter.api.Test;

/** The single-precision aspects read from a device's answers, for answers no device here gives. */
class DeviceInfoReaderTest {

    private static final long GLOBAL_ADD = DeviceInfoReader.CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT;
    private static final long GLOBAL_LOAD_STORE = 1L;
    private static final long LOCAL_ADD = 1L << 17;

    @Test
    void correctlyRoundedDivideSqrtFollowsTheConfigBit() {
        assertEquals(Set.of(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT),
                DeviceInfoReader.singleFpAspects(CL_FP_ROUND_TO_NEAREST | CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT, 3, false, 0));
        assertEquals(Set.of(), DeviceInfoReader.singleFpAspects(CL_FP_ROUND_TO_NEAREST, 3, false, 0));
    }

    @Test
    void floatAtomicAddNeedsTheExtensionTheGlobalAddBitAndOpenCl2() {
        assertEquals(Set.of(Aspect.FP32_ATOMIC_ADD), DeviceInfoReader.singleFpAspects(0, 3, true, GLOBAL_ADD | LOCAL_ADD));
        assertEquals(Set.of(Aspect.FP32_ATOMIC_ADD), DeviceInfoReader.singleFpAspects(0, 2, true, GLOBAL_ADD));
        assertEquals(Set.of(), DeviceInfoReader.singleFpAspects(0, 3, false, GLOBAL_ADD), "capability without the extension");
        assertEquals(Set.of(), DeviceInfoReader.singleFpAspects(0, 3, true, GLOBAL_LOAD_STORE | LOCAL_ADD), "no global add");
        assertEquals(Set.of(), DeviceInfoReader.singleFpAspects(0, 1, true, GLOBAL_ADD), "OpenCL C 1.x has no atomic_float");
    }
}
