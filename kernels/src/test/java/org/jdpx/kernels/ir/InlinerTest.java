package org.jdpx.kernels.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.frontend.Frontend;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.jdpx.kernels.testutil.SpirvVal;
import org.junit.jupiter.api.Test;

/**
 * A method compiled with {@link Frontend#compileFunction} and inlined twice into one hand-built
 * kernel: an early return from inside a loop, a reassigned parameter and a helper call survive
 * the copy, through OpenCL C on every device, SPIR-V through spirv-val, and the JVM emitter.
 */
class InlinerTest {

    static float steps(float x, int n) {
        float v = x;
        for (int k = 0; k < n; k++) {
            if (v > 10f) return v;
            v = bump(v, k);
        }
        n = n * 2;
        return v + n;
    }

    private static float bump(float v, int k) { return v * 1.5f + k; }

    /** {@code out[i] = steps(x[i], 3) + steps(x[i] * 2, 5)} for {@code i < n}. */
    static CompiledKernel kernel() throws NoSuchMethodException {
        Frontend.FunctionResult f = Frontend.compileFunction(InlinerTest.class.getDeclaredMethod("steps", float.class, int.class));
        IrBuilder b = IrBuilder.kernel("inlined");
        Var x = b.view("x", Scalar.F32, 0), out = b.view("out", Scalar.F32, 1);
        Var n = b.value("n", int.class, 2);
        Var i = b.local("i", Scalar.I32), xi = b.local("xi", Scalar.F32);
        b.assign(i, b.globalId(0));
        b.ifThen(b.compare(CmpOp.LT, b.read(i), b.read(n)), () -> {
            b.assign(xi, b.load(b.read(x), b.read(i)));
            Expr first = Inliner.inline(b, f.function(), List.of(b.read(xi), b.i32(3)), Map.of());
            Expr second = Inliner.inline(b, f.function(), List.of(b.mul(b.read(xi), b.f32(2f)), b.i32(5)), Map.of());
            b.store(b.read(out), b.read(i), b.add(first, second));
        });
        return KernelCompiler.fromIr(new KernelModule(b.build(), f.helpers()), "test:inliner:" + f.contentHash());
    }

    @OnEveryDevice
    void inlinedTwiceMatchesJava(Device device) throws Exception {
        int n = 257;
        float[] x = new float[n], out = new float[n], want = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (k - 128) / 16f;
            want[k] = steps(x[k], 3) + steps(x[k] * 2f, 5);
        }
        ArraysOnDevice.launch(device, kernel(), Range.of(n), x, out, n);
        assertArrayEquals(want, out, 0f);
    }

    @Test
    void emitsOneHelperAndValidSpirv() throws Exception {
        CompiledKernel k = kernel();
        SpirvVal.validate(k);
        String src = k.openclSource();
        assertEquals(1, k.ir().helpers().size(), src);
        assertEquals(2, src.split(k.ir().helpers().getFirst().name() + "\\(").length - 2, "one definition, two calls:\n" + src);
    }

    @Test
    void anArgumentOfTheWrongTypeIsRefused() throws Exception {
        Frontend.FunctionResult f = Frontend.compileFunction(InlinerTest.class.getDeclaredMethod("steps", float.class, int.class));
        IrBuilder b = IrBuilder.kernel("bad");
        assertThrows(IllegalArgumentException.class, () -> Inliner.inline(b, f.function(), List.of(b.f64(1), b.i32(1)), Map.of()));
    }
}
