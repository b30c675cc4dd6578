package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.opencl.BuildOptions;
import org.jdpx.usm.UsmMemory;

/**
 * Programs are built with {@code -cl-fp32-correctly-rounded-divide-sqrt} exactly where the device
 * offers it (PoCL here), the build works with it, and float division and square root then give
 * Java's bits.
 */
class BuildOptionsOnDeviceTest {

    @Kernel
    public static void divideAndRoot(KernelContext ctx, FloatArray a, FloatArray b, FloatArray q, FloatArray r) {
        int i = ctx.globalId(0);
        q.set(i, a.get(i) / b.get(i));
        r.set(i, (float) Math.sqrt(a.get(i)));
    }

    @OnEveryDevice
    void theOptionFollowsTheAspectAndResultsAreJavas(Device device) {
        CompiledKernel k = KernelCompiler.compile(BuildOptionsOnDeviceTest.class, "divideAndRoot");
        if (!device.backend().equals("java")) {
            String options = ProgramCache.options(device, k.forPlan(org.jdpx.kernels.plan.DevicePlan.of(device)));
            assertEquals(device.hasAspect(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT),
                    options.contains(BuildOptions.CORRECTLY_ROUNDED_DIVIDE_SQRT), device + ": '" + options + "'");
        }
        int n = 4096;
        Random rnd = new Random(11);
        float[] a = new float[n], b = new float[n];
        for (int i = 0; i < n; i++) { // normal numbers from 2^-20 to 2^20: no quotient overflows or is subnormal
            a[i] = Float.intBitsToFloat((107 + rnd.nextInt(40)) << 23 | rnd.nextInt(1 << 23));
            b[i] = Float.intBitsToFloat((107 + rnd.nextInt(40)) << 23 | rnd.nextInt(1 << 23));
        }
        try (UsmMemory am = UsmMemory.allocateDevice(device, 4L * n); UsmMemory bm = UsmMemory.allocateDevice(device, 4L * n);
             UsmMemory qm = UsmMemory.allocateDevice(device, 4L * n); UsmMemory rm = UsmMemory.allocateDevice(device, 4L * n)) {
            am.copyFromHost(a);
            bm.copyFromHost(b);
            Kernels.launch(BuildOptionsOnDeviceTest::divideAndRoot, Range.of(n), FloatArray.on(am), FloatArray.on(bm),
                    FloatArray.on(qm), FloatArray.on(rm));
            float[] q = new float[n], r = new float[n];
            qm.copyToHost(q);
            rm.copyToHost(r);
            // where the option is not offered OpenCL allows 2.5 ulp for division and 3 for sqrt (see README)
            boolean exact = device.backend().equals("java") || device.hasAspect(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT);
            int ulps = exact ? 0 : 3;
            for (int i = 0; i < n; i++) {
                assertUlps(a[i] / b[i], q[i], ulps, a[i] + " / " + b[i] + " on " + device);
                assertUlps((float) Math.sqrt(a[i]), r[i], ulps, "sqrt " + a[i] + " on " + device);
            }
        }
    }

    /** Positive normal floats: their bit patterns are ordered, so the difference counts ulps. */
    private static void assertUlps(float expected, float got, int ulps, String what) {
        int d = Math.abs(Float.floatToRawIntBits(expected) - Float.floatToRawIntBits(got));
        if (d > ulps) assertEquals(expected, got, what + " (" + d + " ulp, allowed " + ulps + ")");
    }
}
