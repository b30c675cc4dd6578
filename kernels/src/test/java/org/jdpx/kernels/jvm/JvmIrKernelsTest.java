package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.junit.jupiter.api.Test;

/**
 * Kernels built with {@link IrBuilder} (how fused tensor expressions arrive) launched on every
 * device, the java device included, against one plain-Java reference, so the devices also agree
 * with each other: a fused polynomial calling a helper that reads a view and the work-item state,
 * and a work-group tree reduction with local memory, barriers and an atomic. Every view starts a
 * few elements into its allocation, which exercises the OFFSET argument on every target.
 */
class JvmIrKernelsTest {
    static final int OFFSET = 3;

    /** {@code float scaled(global float* p, int j) { return p[j] * (float) get_global_size(0); }}. */
    static Function scaledHelper() {
        IrBuilder h = IrBuilder.helper("scaled", Scalar.F32);
        Var p = h.param("p", new PtrType(Scalar.F32, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        Var j = h.param("j", Scalar.I32, new ParamKind.HelperValue());
        h.ret(h.mul(h.load(h.read(p), h.read(j)), h.convert(Scalar.F32, h.workItem(WorkItemFn.GLOBAL_SIZE, 0))));
        return h.build();
    }

    /** {@code out[i] = sum_{k<4} (a*x[i] + y[i])^k + scaled(y, i)} for {@code i < n}. */
    static KernelModule fusedPolynomial() {
        Function scaled = scaledHelper();
        IrBuilder b = IrBuilder.kernel("fused_poly_helper");
        Var x = b.view("x", Scalar.F32, 0), y = b.view("y", Scalar.F32, 1), out = b.view("out", Scalar.F32, 2);
        Var a = b.value("a", float.class, 3), n = b.value("n", int.class, 4);
        Var i = b.local("i", Scalar.I32), t = b.local("t", Scalar.F32), acc = b.local("acc", Scalar.F32);
        Var p = b.local("p", Scalar.F32), k = b.local("k", Scalar.I32), s = b.local("s", Scalar.F32);
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
            b.assign(s, new Expr.Call(scaled, List.of(b.read(y), b.read(i))));
            b.store(b.read(out), b.read(i), b.add(b.read(acc), b.read(s)));
        });
        return new KernelModule(b.build(), List.of(scaled));
    }

    @OnEveryDevice
    void fusedPolynomialWithAHelperMatchesJava(Device device) {
        int n = 1000, global = 1024;
        float[] xs = new float[n], ys = new float[n], out = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (i % 13) * 0.1f;
            ys[i] = (i % 7) * 0.05f;
        }
        CompiledKernel k = KernelCompiler.fromIr(fusedPolynomial(), "test:fused_poly_helper");
        ArraysOnDevice.launchAtOffset(device, k, Range.of(global), OFFSET, xs, ys, out, 0.5f, n);
        for (int i = 0; i < n; i++) {
            float t = 0.5f * xs[i] + ys[i];
            float e = 0f;
            float p = 1f;
            for (int q = 0; q < 4; q++) {
                e = e + p;
                p = p * t;
            }
            e = e + ys[i] * (float) global;
            assertEquals(Float.floatToIntBits(e), Float.floatToIntBits(out[i]), device + " at " + i + ": " + e + " vs " + out[i]);
        }
    }

    /** Group sums of 64 ints by a tree in local memory; group 0..n: out[1+g], and the total by atomic add into out[0]. */
    static KernelModule groupReduction() {
        IrBuilder b = IrBuilder.kernel("group_sum");
        Var in = b.view("in", Scalar.I32, 0), out = b.view("out", Scalar.I32, 1);
        Var scratch = b.local("scratch", new ArrayType(Scalar.I32, 64, AddressSpace.LOCAL));
        Var lid = b.local("lid", Scalar.I32), s = b.local("s", Scalar.I32);
        b.assign(lid, b.workItem(WorkItemFn.LOCAL_ID, 0));
        b.store(b.read(scratch), b.read(lid), b.load(b.read(in), b.globalId(0)));
        b.barrier(false);
        b.assign(s, b.i32(32));
        b.loop(b.compare(CmpOp.GT, b.read(s), b.i32(0)), () -> b.assign(s, b.binary(BinOp.SHR, b.read(s), b.i32(1))), l -> {
            b.ifThen(b.compare(CmpOp.LT, b.read(lid), b.read(s)), () -> b.store(b.read(scratch), b.read(lid),
                    b.add(b.load(b.read(scratch), b.read(lid)), b.load(b.read(scratch), b.add(b.read(lid), b.read(s))))));
            b.barrier(false);
        });
        b.ifThen(b.compare(CmpOp.EQ, b.read(lid), b.i32(0)), () -> {
            b.store(b.read(out), b.add(b.workItem(WorkItemFn.GROUP_ID, 0), b.i32(1)), b.load(b.read(scratch), b.i32(0)));
            b.add(new Stmt.Eval(new Expr.Atomic(AtomicOp.ADD, b.read(out), b.i32(0), List.of(b.load(b.read(scratch), b.i32(0))))));
        });
        return new KernelModule(b.build(), List.of());
    }

    @OnEveryDevice
    void groupReductionWithLocalMemoryBarriersAndAtomicsMatchesJava(Device device) {
        int n = 1024, groups = n / 64;
        int[] in = new int[n], out = new int[1 + groups];
        for (int i = 0; i < n; i++) in[i] = (i * 7919) % 1000 - 300;
        ArraysOnDevice.launchAtOffset(device, KernelCompiler.fromIr(groupReduction(), "test:group_sum"), NdRange.of(n, 64), OFFSET, in, out);
        int total = 0;
        for (int g = 0; g < groups; g++) {
            int sum = 0;
            for (int i = 0; i < 64; i++) sum += in[g * 64 + i];
            assertEquals(sum, out[1 + g], device + " group " + g);
            total += sum;
        }
        assertEquals(total, out[0], device + " total");
    }

    @Test
    void irKernelsRunOnJavaMemoryAndCheckTheirArguments() {
        CompiledKernel k = KernelCompiler.fromIr(fusedPolynomial(), "test:fused_poly_helper");
        float[] out = new float[4];
        Kernels.launchAsync(k, Range.of(4), List.of(), FloatArray.of(new float[] {1, 2, 3, 4}), FloatArray.of(new float[4]),
                FloatArray.of(out), 2f, 4).await();
        assertEquals(1f + 2f + 4f + 8f, out[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.launchAsync(k, Range.of(4),
                List.of(), FloatArray.of(new float[4]), IntArray.of(new int[4]), FloatArray.of(out), 2f, 4).await());
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("FloatArray"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.launchAsync(k, Range.of(4), List.of(),
                FloatArray.of(new float[4]), FloatArray.of(new float[4]), FloatArray.of(out), 2, 4).await());
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("float"), e.getMessage());
    }
}
