package org.jdpx.kernels.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.KernelCompiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Device limits README documents, asserted where they hold and Java's value elsewhere, so the
 * documentation goes stale loudly: on opencl:cpu:1 (Mesa rusticl on llvmpipe) {@code expf}
 * flushes a subnormal result to zero.
 */
class DeviceLimitsTest {

    /** Named like OpenCL C's {@code exp} on purpose: the kernel must not hide the built-in it calls. */
    @Kernel
    public static void exp(KernelContext ctx, FloatArray x, FloatArray out) {
        int i = ctx.globalId(0);
        out.set(i, (float) Math.exp(x.get(i)));
    }

    @TestFactory
    Stream<DynamicTest> expOfASubnormalResult() {
        return TestDevices.all().map(d -> DynamicTest.dynamicTest(d.filterString(), () -> check(d)));
    }

    @org.junit.jupiter.api.Test
    void aKernelNamedLikeABuiltInIsRenamedInDeviceCode() {
        assertEquals("exp_", KernelCompiler.compile(DeviceLimitsTest.class, "exp").name());
    }

    private static void check(Device d) {
        float[] in = {-98.89f, -1f};
        FloatArray x = Data.floats(2), out = Data.floats(2);
        for (int i = 0; i < in.length; i++) x.set(i, in[i]);
        OnDevice.launch(d, KernelCompiler.compile(DeviceLimitsTest.class, "exp").method(), new int[] {2}, null,
                new Object[] {x, out});
        float java = (float) Math.exp(-98.89f);
        assertTrue(java > 0 && java < Float.MIN_NORMAL, "Java's result is subnormal: " + java);
        if (d.name().contains("llvmpipe")) {
            assertEquals(0f, out.get(0), "README: expf flushes subnormal results to zero on " + d.filterString());
        } else {
            assertEquals(java, out.get(0), "(float) Math.exp(-98.89f) on " + d.filterString());
        }
        float e1 = (float) Math.exp(-1f);
        assertEquals(e1, out.get(1), 3 * Math.ulp(e1), "a normal result is within expf's 3 ulp on " + d.filterString());
    }
}
