package org.jdpx.kernels.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.testutil.SpirvVal;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * IR built by hand (how fused array expressions will arrive) goes through the same emitters:
 * {@code out[i] = sum_{k<4} (a * x[i] + y[i])^k}, guarded by {@code i < n}.
 */
class IrBuilderTest {

    static KernelModule fusedPolynomial() {
        IrBuilder b = IrBuilder.kernel("fused_poly");
        Var x = b.view("x", Scalar.F32, 0);
        Var y = b.view("y", Scalar.F32, 1);
        Var out = b.view("out", Scalar.F32, 2);
        Var a = b.value("a", float.class, 3);
        Var n = b.value("n", int.class, 4);
        Var i = b.local("i", Scalar.I32);
        Var t = b.local("t", Scalar.F32);
        Var acc = b.local("acc", Scalar.F32);
        Var p = b.local("p", Scalar.F32);
        Var k = b.local("k", Scalar.I32);
        b.assign(i, b.globalId(0));
        b.ifThen(b.compare(CmpOp.LT, b.read(i), b.read(n)), () -> {
            b.assign(t, b.add(b.mul(b.read(a), b.load(b.read(x), b.read(i))), b.load(b.read(y), b.read(i))));
            b.assign(acc, b.f32(0f));
            b.assign(p, b.f32(1f));
            b.assign(k, b.i32(0));
            b.loop(b.compare(CmpOp.LT, b.read(k), b.i32(4)), () -> b.assign(k, b.add(b.read(k), b.i32(1))), l -> {
                b.assign(acc, b.add(b.read(acc), b.read(p)));
                b.assign(p, b.mul(b.read(p), b.read(t)));
            });
            b.store(b.read(out), b.read(i), b.read(acc));
        });
        return new KernelModule(b.build(), List.of());
    }

    @Test
    void handBuiltIrEmitsBuildsValidatesAndRuns() {
        CompiledKernel k = KernelCompiler.fromIr(fusedPolynomial(), "test:fused_poly");
        String src = k.openclSource();
        assertTrue(src.contains("__kernel void fused_poly(__global float* x, __global float* y, __global float* out, float a, int n, "
                + "long x_offset, long y_offset, long out_offset)"), src);
        assertTrue(src.contains("for (k = 0; k < 4; k++)"), src);
        SpirvVal.validate(k);
        int n = 1000;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (i % 13) * 0.1f;
            ys[i] = (i % 7) * 0.05f;
        }
        List<Device> devices = TestDevices.ofBackend("opencl");
        assertFalse(devices.isEmpty(), "no OpenCL device found (PoCL is expected on this machine)");
        for (Device d : devices) {
            try (UsmMemory xm = UsmMemory.allocateDevice(d, 4L * n); UsmMemory ym = UsmMemory.allocateDevice(d, 4L * n);
                 UsmMemory om = UsmMemory.allocateDevice(d, 4L * 1024)) {
                xm.copyFromHost(xs);
                ym.copyFromHost(ys);
                Kernels.launchAsync(k, Range.of(1024), List.of(), FloatArray.on(xm), FloatArray.on(ym),
                        FloatArray.on(om), 0.5f, n).await();
                float[] out = new float[n];
                om.copyToHost(MemorySegment.ofArray(out));
                for (int i = 0; i < n; i++) {
                    float t = 0.5f * xs[i] + ys[i];
                    float e = 1f + t + t * t + t * t * t;
                    assertEquals(e, out[i], 1e-6f * Math.max(1f, Math.abs(e)), d.filterString() + " at " + i);
                }
            }
        }
    }

    @Test
    void builderRefusesMismatchedTypes() {
        IrBuilder b = IrBuilder.kernel("bad");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> b.add(b.i32(1), b.f32(1f)));
    }
}
